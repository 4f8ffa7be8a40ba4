import { getStatementById } from "@/db/queries/statements";
import { restoreDeletedStatement } from "@/db/queries/statement-restore";
import { lastWorkspaceOfDeletedStatement } from "@/db/queries/audit";
import { endpoints } from "@/lib/api/endpoints";
import { notFound } from "@/db/errors";
import { route } from "../../../_lib/route";
import { requireWorkspaceById } from "../../../_lib/workspace";

export const dynamic = "force-dynamic";

export const POST = route(endpoints.restoreStatement, ({ ctx, params }) => {
  // A deleted statement's workspace is only known from its audit record.
  const workspaceId = lastWorkspaceOfDeletedStatement(ctx.db, { id: params.id });
  if (workspaceId === null) throw notFound("Deleted statement", "id");
  const ws = requireWorkspaceById(ctx, workspaceId, "edit");
  const { linksRestored, linksSkipped } = restoreDeletedStatement(ctx.db, { workspaceId: ws.id, actorId: ctx.user.id, id: params.id });
  return { statement: getStatementById(ctx.db, { id: params.id }), linksRestored, linksSkipped };
});

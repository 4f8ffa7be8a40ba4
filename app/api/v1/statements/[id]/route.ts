import { deleteStatement, getStatementById, updateStatement } from "@/db/queries/statements";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "../../_lib/route";
import { requireWorkspaceById } from "../../_lib/workspace";
import type { RequestContext, Permission } from "@/app/_server/context";

export const dynamic = "force-dynamic";

function statementWorkspace(ctx: RequestContext, id: number, permission: Permission) {
  return requireWorkspaceById(ctx, getStatementById(ctx.db, { id }).workspaceId, permission);
}

export const GET = route(endpoints.getStatement, ({ ctx, params }) => {
  const statement = getStatementById(ctx.db, { id: params.id });
  requireWorkspaceById(ctx, statement.workspaceId, "read");
  return statement;
});

export const PATCH = route(endpoints.updateStatement, ({ ctx, params, body }) => {
  const ws = statementWorkspace(ctx, params.id, "edit");
  return updateStatement(ctx.db, { workspaceId: ws.id, actorId: ctx.user.id, id: params.id, input: body });
});

export const DELETE = route(endpoints.deleteStatement, ({ ctx, params }) => {
  const ws = statementWorkspace(ctx, params.id, "edit");
  return { deleted: true as const, ...deleteStatement(ctx.db, { workspaceId: ws.id, actorId: ctx.user.id, id: params.id }) };
});

import { requireWorkspace } from "@/app/_server/context";
import { AppError } from "@/db/errors";
import { createStatement } from "@/db/queries/statements";
import { listStatementsPage } from "@/db/queries/statement-pages";
import { endpoints } from "@/lib/api/endpoints";
import { pageAfterId } from "@/lib/api/pagination";
import { cursorOf } from "../../../_lib/cursor";
import { route } from "../../../_lib/route";

export const dynamic = "force-dynamic";

export const GET = route(endpoints.listStatements, ({ ctx, params, query }) => {
  const ws = requireWorkspace(ctx, params.slug, "read");
  const cursor = cursorOf(query.cursor);
  if (cursor && !("after" in cursor)) throw new AppError("bad_request", "The cursor is not one this list gave out.", "cursor");
  const rows = listStatementsPage(ctx.db, {
    workspaceId: ws.id, afterId: cursor?.after, limit: query.limit + 1, speakerId: query.speaker, articleId: query.article, kind: query.kind,
  });
  return pageAfterId(rows, query.limit);
});

export const POST = route(endpoints.createStatement, ({ ctx, params, body }) => {
  const ws = requireWorkspace(ctx, params.slug, "edit");
  return createStatement(ctx.db, { workspaceId: ws.id, actorId: ctx.user.id, input: body });
});

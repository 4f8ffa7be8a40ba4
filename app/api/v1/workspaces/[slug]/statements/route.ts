import { requireWorkspace } from "@/app/_server/context";
import { AppError } from "@/db/errors";
import { createStatement } from "@/db/queries/statements";
import { searchStatementsByWorkspace } from "@/db/queries/statement-search";
import { endpoints } from "@/lib/api/endpoints";
import { toStatementSearch } from "@/lib/validation/statement-filters";
import { route } from "../../../_lib/route";

export const dynamic = "force-dynamic";

/** The statements table's own search: same schema (statementQuery), same query function. */
export const GET = route(endpoints.listStatements, ({ ctx, params, query }) => {
  const ws = requireWorkspace(ctx, params.slug, "read");
  try {
    return searchStatementsByWorkspace(ctx.db, { workspaceId: ws.id, ...toStatementSearch(query) });
  } catch (error) {
    // A cursor we did not give out (or one from another sort) is a malformed request, as on every other list.
    if (error instanceof AppError && error.field === "cursor") throw new AppError("bad_request", error.message, "cursor");
    throw error;
  }
});

export const POST = route(endpoints.createStatement, ({ ctx, params, body }) => {
  const ws = requireWorkspace(ctx, params.slug, "edit");
  return createStatement(ctx.db, { workspaceId: ws.id, actorId: ctx.user.id, input: body });
});

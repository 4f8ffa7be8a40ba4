import { requireWorkspace } from "@/app/_server/context";
import { AppError } from "@/db/errors";
import { listSuggestionsForStatement } from "@/db/queries/suggestions";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "../../../_lib/route";

export const dynamic = "force-dynamic";

export const GET = route(endpoints.listSuggestions, ({ ctx, params, query }) => {
  const ws = requireWorkspace(ctx, params.slug, "read");
  try {
    return { items: listSuggestionsForStatement(ctx.db, { workspaceId: ws.id, statementId: query.statement, limit: query.limit }) };
  } catch (error) {
    // The statement is named by the `statement` query parameter.
    if (error instanceof AppError && error.code === "not_found") throw new AppError("not_found", "Statement was not found in this workspace.", "statement");
    throw error;
  }
});

import { getArticleById } from "@/db/queries/articles";
import { listStatementsByArticle } from "@/db/queries/statement-lists";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "../../_lib/route";
import { requireWorkspaceById } from "../../_lib/workspace";

export const dynamic = "force-dynamic";

export const GET = route(endpoints.getArticle, ({ ctx, params }) => {
  const article = getArticleById(ctx.db, { id: params.id });
  requireWorkspaceById(ctx, article.workspaceId, "read");
  return { ...article, statements: listStatementsByArticle(ctx.db, { articleId: article.id }) };
});

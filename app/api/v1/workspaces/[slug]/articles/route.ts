import { requireWorkspace } from "@/app/_server/context";
import { importArticle } from "@/db/queries/article-import";
import { listArticlesByWorkspace } from "@/db/queries/articles";
import { listStatementsByArticle } from "@/db/queries/statement-lists";
import { endpoints } from "@/lib/api/endpoints";
import { pageByOffset } from "@/lib/api/pagination";
import { cursorOf } from "../../../_lib/cursor";
import { route } from "../../../_lib/route";

export const dynamic = "force-dynamic";

export const GET = route(endpoints.listArticles, ({ ctx, params, query }) => {
  const ws = requireWorkspace(ctx, params.slug, "read");
  return pageByOffset(listArticlesByWorkspace(ctx.db, { workspaceId: ws.id, q: query.q }), { limit: query.limit, cursor: cursorOf(query.cursor) });
});

export const POST = route(endpoints.createArticle, ({ ctx, params, body }) => {
  const ws = requireWorkspace(ctx, params.slug, "edit");
  const { text, ...meta } = body;
  const article = importArticle(ctx.db, { workspaceId: ws.id, actorId: ctx.user.id, input: { kind: "text", text }, meta });
  return { ...article, statements: listStatementsByArticle(ctx.db, { articleId: article.id }) };
});

import { requireWorkspace } from "@/app/_server/context";
import { importArticle, importArticleFromUrl } from "@/db/queries/article-import";
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

/** The import form's own functions: lib/import extracts, sanitises and normalises; import errors arrive as 4xx AppErrors. */
export const POST = route(endpoints.createArticle, async ({ ctx, params, body }) => {
  const ws = requireWorkspace(ctx, params.slug, "edit");
  const { text, html, url, ...meta } = body;
  const actor = { workspaceId: ws.id, actorId: ctx.user.id };
  const article = text !== undefined ? importArticle(ctx.db, { ...actor, input: { kind: "text", text }, meta: { ...meta, url } })
    : html !== undefined ? importArticle(ctx.db, { ...actor, input: { kind: "html", html, url }, meta })
    // Fetched: the stored url is where the page was found after redirects.
    : await importArticleFromUrl(ctx.db, { ...actor, url: url!, meta, fetchOptions: { allowPrivate: process.env.IMPORT_ALLOW_PRIVATE_HOSTS === "1" } });
  return { ...article, statements: listStatementsByArticle(ctx.db, { articleId: article.id }) };
});

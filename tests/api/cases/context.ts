import { randomBytes } from "node:crypto";
import { client } from "../../support/http";
import type { TestServer } from "../../support/server";

export interface Ctx {
  server: TestServer;
  api: ReturnType<typeof client>;
}
export type GetCtx = () => Ctx;

export const uniqueName = (prefix: string) => `${prefix} ${randomBytes(4).toString("hex")}`;

export const ARTICLE_TEXT = [
  "On 14 June Putin said Russia would order a ceasefire and start talks as soon as Ukraine withdraws from the four regions.",
  "On 12 August, after the incursion into Kursk, he said there could be no talks with people who attack civilians.",
  "On 2 September he said Russia never refused to negotiate.",
].join("\n\n");

/** A fresh workspace holding one article, through the API itself. */
export async function workspaceWithArticle(ctx: Ctx) {
  const ws = await ctx.api("POST", "/api/v1/workspaces", { body: { name: uniqueName("Fixture") } });
  const article = await ctx.api("POST", `/api/v1/workspaces/${ws.body.slug}/articles`, { body: { text: ARTICLE_TEXT, title: "Three statements" } });
  return { slug: ws.body.slug as string, articleId: article.body.id as number };
}

export async function tag(ctx: Ctx, slug: string, articleId: number, quote: string, saidOn: string, stance: string, extra: Record<string, unknown> = {}) {
  const res = await ctx.api("POST", `/api/v1/workspaces/${slug}/statements`, {
    body: { articleId, quote, speaker: "Vladimir Putin", saidOn, saidOnPrecision: "day", topics: [{ topic: "Talks with Ukraine", stance }], ...extra },
  });
  if (res.status !== 201) throw new Error(`tagging failed: ${res.text}`);
  return res.body.id as number;
}

/** The three Putin statements of ARTICLE_TEXT, linked later → earlier. */
export async function taggedWorkspace(ctx: Ctx) {
  const { slug, articleId } = await workspaceWithArticle(ctx);
  const june = await tag(ctx, slug, articleId, "start talks as soon as Ukraine withdraws from the four regions", "2024-06-14", "conditional", { kind: "precondition" });
  const august = await tag(ctx, slug, articleId, "there could be no talks with people who attack civilians", "2024-08-12", "opposes");
  const september = await tag(ctx, slug, articleId, "Russia never refused to negotiate", "2024-09-02", "supports", { kind: "denial" });
  return { slug, articleId, june, august, september };
}

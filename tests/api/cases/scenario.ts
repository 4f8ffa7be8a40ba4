import { describe, expect, it } from "vitest";
import { ARTICLE_TEXT, type GetCtx } from "./context";

/** The walk-through of docs/api.md, using nothing but the API. */
export function scenarioSuite(get: GetCtx) {
  describe("scripted scenario", () => {
    it("creates a workspace, imports an article, tags three statements from quotes, links them and sees the flags", async () => {
      const { api } = get();
      const ws = await api("POST", "/api/v1/workspaces", { body: { name: "Scenario: negotiation preconditions" } });
      expect(ws.status).toBe(201);
      const slug = ws.body.slug;
      const article = await api("POST", `/api/v1/workspaces/${slug}/articles`, { body: { text: ARTICLE_TEXT, title: "Putin on talks, June to September 2024", publisher: "Example News" } });
      expect(article.status).toBe(201);
      const quotes = [
        { quote: "start talks as soon as Ukraine withdraws from the four regions", saidOn: "2024-06-14", stance: "conditional", kind: "precondition" },
        { quote: "there could be no talks with people who attack civilians", saidOn: "2024-08-12", stance: "opposes", kind: "claim" },
        { quote: "Russia never refused to negotiate", saidOn: "2024-09-02", stance: "supports", kind: "denial" },
      ];
      const ids: number[] = [];
      for (const q of quotes) {
        const res = await api("POST", `/api/v1/workspaces/${slug}/statements`, {
          body: { articleId: article.body.id, quote: q.quote, speaker: "Vladimir Putin", saidOn: q.saidOn, kind: q.kind, topics: [{ topic: "Talks with Ukraine", stance: q.stance }] },
        });
        expect(res.status, res.text).toBe(201);
        ids.push(res.body.id);
      }
      const [june, august, september] = ids;
      expect((await api("POST", `/api/v1/workspaces/${slug}/links`, { body: { fromId: august, toId: june, relation: "reverses", verdict: "full_flop" } })).status).toBe(201);
      expect((await api("POST", `/api/v1/workspaces/${slug}/links`, { body: { fromId: september, toId: august, relation: "contradicts" } })).status).toBe(201);
      const flags = await api("GET", `/api/v1/workspaces/${slug}/flags`);
      expect(flags.body.items.filter((f: { rule: string }) => f.rule === "linked").map((f: { id: string; severity: string }) => [f.id, f.severity])).toEqual([
        [`linked:${june}:${august}`, "full_flop"], [`linked:${august}:${september}`, "full_flop"],
      ]);
      const read = await api("GET", `/api/v1/articles/${article.body.id}`);
      expect(read.body.statements.map((s: { id: number }) => s.id)).toEqual([june, august, september]);
      // Timelines, sharing and the timeline CSV join this scenario when their queries land (see docs/api.md).
    });
  });
}

import { describe, expect, it } from "vitest";
import { ARTICLE_TEXT, type GetCtx, uniqueName, workspaceWithArticle } from "./context";

export function articleSuite(get: GetCtx) {
  describe("articles", () => {
    it("imports text as a snapshot, lists it and reads it back with its statements", async () => {
      const { api } = get();
      const ws = await api("POST", "/api/v1/workspaces", { body: { name: uniqueName("Articles") } });
      const created = await api("POST", `/api/v1/workspaces/${ws.body.slug}/articles`, {
        body: { text: "Line one.\r\n\r\n\r\nLine   two.", publisher: "Example News", publishedAt: "2024-06-14", language: "en" },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ text: "Line one.\n\nLine two.", title: "Line one.", source: "text", statements: [] });
      const listed = await api("GET", `/api/v1/workspaces/${ws.body.slug}/articles?q=example`);
      expect(listed.body.items.map((a: { id: number }) => a.id)).toEqual([created.body.id]);
      const read = await api("GET", `/api/v1/articles/${created.body.id}`);
      expect(read.body.textSha256).toMatch(/^[0-9a-f]{64}$/);
    });

    it("accepts an article body above the 1 MB default (imports allow 5 MB)", async () => {
      const { api } = get();
      const { slug } = await workspaceWithArticle(get());
      const big = await api("POST", `/api/v1/workspaces/${slug}/articles`, { body: { text: `${ARTICLE_TEXT}\n\n${"word ".repeat(300_000)}` } });
      expect(big.status).toBe(201);
    });

    it("refuses empty text, html it cannot import yet, bad metadata and unknown ids", async () => {
      const { api } = get();
      const { slug } = await workspaceWithArticle(get());
      const empty = await api("POST", `/api/v1/workspaces/${slug}/articles`, { body: { text: " \n " } });
      expect(empty.status).toBe(422);
      expect(empty.body.error.field).toBe("text");
      expect((await api("POST", `/api/v1/workspaces/${slug}/articles`, { body: { html: "<p>x</p>" } })).status).toBe(400);
      expect((await api("POST", `/api/v1/workspaces/${slug}/articles`, { body: { text: "x", language: "not a tag" } })).body.error.field).toBe("language");
      expect((await api("GET", `/api/v1/workspaces/nope/articles`)).status).toBe(404);
      expect((await api("GET", "/api/v1/articles/999999")).status).toBe(404);
      expect((await api("GET", "/api/v1/articles/abc")).status).toBe(404);
    });
  });

  describe("speakers and topics", () => {
    it("creates and lists speakers and topics; names are unique ignoring case", async () => {
      const { api } = get();
      const { slug } = await workspaceWithArticle(get());
      const speaker = await api("POST", `/api/v1/workspaces/${slug}/speakers`, { body: { name: "Vladimir Putin", aliases: ["Putin"] } });
      expect(speaker.status).toBe(201);
      expect(speaker.body).toMatchObject({ name: "Vladimir Putin", aliases: ["Putin"], statementCount: 0 });
      const again = await api("POST", `/api/v1/workspaces/${slug}/speakers`, { body: { name: "putin" } });
      expect(again.status).toBe(409);
      expect(again.body.error.field).toBe("name");
      const topic = await api("POST", `/api/v1/workspaces/${slug}/topics`, { body: { name: "Talks", proposition: "Should Russia negotiate?" } });
      expect(topic.status).toBe(201);
      expect((await api("POST", `/api/v1/workspaces/${slug}/topics`, { body: { name: "TALKS" } })).status).toBe(409);
      expect((await api("GET", `/api/v1/workspaces/${slug}/speakers`)).body.items.map((s: { name: string }) => s.name)).toEqual(["Vladimir Putin"]);
      expect((await api("GET", `/api/v1/workspaces/${slug}/topics`)).body.items[0]).toMatchObject({ name: "Talks", proposition: "Should Russia negotiate?" });
    });

    it("refuses nameless speakers and topics and unknown workspaces", async () => {
      const { api } = get();
      const { slug } = await workspaceWithArticle(get());
      expect((await api("POST", `/api/v1/workspaces/${slug}/speakers`, { body: { name: "" } })).status).toBe(422);
      expect((await api("POST", `/api/v1/workspaces/${slug}/topics`, {})).status).toBe(415);
      expect((await api("GET", "/api/v1/workspaces/nope/speakers")).status).toBe(404);
      expect((await api("GET", "/api/v1/workspaces/nope/topics")).status).toBe(404);
    });
  });
}

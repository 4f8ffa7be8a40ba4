import { describe, expect, it } from "vitest";
import { type GetCtx, tag, taggedWorkspace, workspaceWithArticle } from "./context";

export function statementSuite(get: GetCtx) {
  describe("statements", () => {
    it("tags from a quote, creating the speaker and topic by name, and finds the span", async () => {
      const { api } = get();
      const { slug, articleId } = await workspaceWithArticle(get());
      const created = await api("POST", `/api/v1/workspaces/${slug}/statements`, {
        body: { articleId, quote: "Russia", suffix: " never", speaker: "Vladimir Putin", saidOn: "2024-09", saidOnPrecision: "month", topics: [{ topic: "Talks", stance: "supports" }] },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ quote: "Russia", speakerName: "Vladimir Putin", saidOn: "2024-09-01", saidOnPrecision: "month", anchorStatus: "exact" });
      const article = await api("GET", `/api/v1/articles/${articleId}`);
      expect(article.body.text.slice(created.body.start, created.body.end)).toBe("Russia");
      expect(article.body.text.slice(created.body.end).startsWith(" never")).toBe(true);
      const byId = await api("POST", `/api/v1/workspaces/${slug}/statements`, {
        body: { articleId, quote: "no talks", speaker: created.body.speakerId, saidOn: "2024-08-12", topics: [{ topic: created.body.stances[0].topicId, stance: "opposes" }] },
      });
      expect(byId.body.speakerId).toBe(created.body.speakerId);
      expect((await api("GET", `/api/v1/workspaces/${slug}/speakers`)).body.items).toHaveLength(1);
    });

    it("refuses an ambiguous quote, a missing quote, a future date and a foreign article, writing nothing", async () => {
      const { api } = get();
      const { slug, articleId } = await workspaceWithArticle(get());
      const base = { articleId, speaker: "Putin", saidOn: "2024-06-14" };
      const ambiguous = await api("POST", `/api/v1/workspaces/${slug}/statements`, { body: { ...base, quote: "Russia" } });
      expect(ambiguous.status).toBe(422);
      expect(ambiguous.body.error).toMatchObject({ field: "quote", message: expect.stringContaining("occurs 2 times") });
      expect((await api("POST", `/api/v1/workspaces/${slug}/statements`, { body: { ...base, quote: "never said" } })).body.error.message).toMatch(/does not occur/);
      expect((await api("POST", `/api/v1/workspaces/${slug}/statements`, { body: { ...base, quote: "Russia never", saidOn: "2999-01-01" } })).body.error.field).toBe("saidOn");
      const other = await workspaceWithArticle(get());
      expect((await api("POST", `/api/v1/workspaces/${other.slug}/statements`, { body: { ...base, quote: "Russia never" } })).status).toBe(404);
      expect((await api("GET", `/api/v1/workspaces/${slug}/statements`)).body.items).toEqual([]);
      expect((await api("GET", `/api/v1/workspaces/${slug}/speakers`)).body.items).toEqual([]);
    });

    it("lists with filters and keyset pages", async () => {
      const { api } = get();
      const { slug, june, august, september } = await taggedWorkspace(get());
      const first = await api("GET", `/api/v1/workspaces/${slug}/statements?limit=2`);
      expect(first.body.items.map((s: { id: number }) => s.id)).toEqual([june, august]);
      const rest = await api("GET", `/api/v1/workspaces/${slug}/statements?limit=2&cursor=${first.body.nextCursor}`);
      expect(rest.body).toMatchObject({ items: [{ id: september }], nextCursor: null });
      const denials = await api("GET", `/api/v1/workspaces/${slug}/statements?kind=denial`);
      expect(denials.body.items.map((s: { id: number }) => s.id)).toEqual([september]);
      expect((await api("GET", `/api/v1/workspaces/${slug}/statements?kind=rumour`)).status).toBe(422);
    });

    it("reads, patches and deletes a statement", async () => {
      const { api } = get();
      const { slug, articleId, june } = await taggedWorkspace(get());
      expect((await api("GET", `/api/v1/statements/${june}`)).body.stances[0]).toMatchObject({ topicName: "Talks with Ukraine", stance: "conditional" });
      const patched = await api("PATCH", `/api/v1/statements/${june}`, { body: { kind: "demand", summary: "Withdrawal first", speaker: "Putin (Kremlin)" } });
      expect(patched.body).toMatchObject({ kind: "demand", summary: "Withdrawal first", speakerName: "Putin (Kremlin)" });
      const extra = await tag(get(), slug, articleId, "Russia would order a ceasefire", "2024-06-14", "conditional");
      const deleted = await api("DELETE", `/api/v1/statements/${extra}`);
      expect(deleted.body).toEqual({ deleted: true, linksRemoved: 0 });
      expect((await api("GET", `/api/v1/statements/${extra}`)).status).toBe(404);
    });

    it("refuses a half-given date, unknown fields and unknown ids on patch and delete", async () => {
      const { api } = get();
      const { june } = await taggedWorkspace(get());
      expect((await api("PATCH", `/api/v1/statements/${june}`, { body: { saidOn: "2024-06-15" } })).body.error.field).toBe("saidOn");
      expect((await api("PATCH", `/api/v1/statements/${june}`, { body: { quote: "other words" } })).status).toBe(400);
      expect((await api("PATCH", "/api/v1/statements/999999", { body: { kind: "demand" } })).status).toBe(404);
      expect((await api("DELETE", "/api/v1/statements/999999")).status).toBe(404);
      expect((await api("GET", "/api/v1/statements/0")).status).toBe(404);
      expect((await api("GET", "/api/v1/workspaces/nope/statements")).status).toBe(404);
    });
  });
}

import { describe, expect, it } from "vitest";
import { rawRequest } from "../../support/http";
import { ARTICLE_TEXT, type GetCtx, taggedWorkspace, uniqueName } from "./context";

const FILES = {
  "statements.csv": /^text\/csv/, "links.csv": /^text\/csv/, "flags.csv": /^text\/csv/, "workspace.json": /^application\/json/,
  "annotations.jsonld": /^application\/ld\+json/, "claimreview.jsonld": /^application\/ld\+json/,
};

/** A workspace with three statements, a confirmed flip and a link, ready to export. */
async function exportableWorkspace(get: GetCtx) {
  const { api } = get();
  const fx = await taggedWorkspace(get());
  await api("POST", `/api/v1/workspaces/${fx.slug}/links`, { body: { fromId: fx.august, toId: fx.june, relation: "reverses", verdict: "full_flop" } });
  await api("POST", `/api/v1/flags/linked:${fx.june}:${fx.august}/review`, { body: { decision: "confirm", verdict: "full_flop" } });
  return fx;
}

export function exportSuite(get: GetCtx) {
  describe("workspace downloads", () => {
    it("serves every export file with its content type, as an attachment", async () => {
      const { server } = get();
      const { slug, june } = await exportableWorkspace(get);
      const download = async (file: keyof typeof FILES, query = "") => {
        const res = await fetch(`${server.url}/api/v1/workspaces/${slug}/export/${file}${query}`);
        expect(res.status, file).toBe(200);
        expect(res.headers.get("content-type"), file).toMatch(FILES[file]);
        expect(res.headers.get("content-disposition"), file).toMatch(new RegExp(`^attachment; filename="${slug}-`));
        return res;
      };
      const statements = (await (await download("statements.csv")).text()).trim().split("\r\n");
      expect(statements).toHaveLength(4);
      expect(statements[0]).toMatch(/^id,workspace,speaker,said_on,/);
      const withBom = new Uint8Array(await (await download("statements.csv", "?bom=1")).arrayBuffer());
      expect([...withBom.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect((await (await download("links.csv")).text()).trim().split("\r\n")).toHaveLength(2);
      expect(await (await download("flags.csv")).text()).toContain(`linked:${june}:`);
      const dump = await (await download("workspace.json")).json();
      expect(dump).toMatchObject({ formatVersion: 1, workspace: { slug } });
      expect(dump.statements).toHaveLength(3);
      const annotations = await (await download("annotations.jsonld")).json();
      expect(annotations).toMatchObject({ type: "AnnotationCollection", total: 4 });
      const reviews = await (await download("claimreview.jsonld")).json();
      expect(reviews).toMatchObject([{ "@type": "ClaimReview", reviewRating: { alternateName: expect.any(String) } }]);
    });

    it("refuses unknown files, unknown workspaces and bad options with the API's error shape", async () => {
      const { api } = get();
      const { slug } = await taggedWorkspace(get());
      const unknown = await api("GET", `/api/v1/workspaces/${slug}/export/secrets.csv`);
      expect(unknown.status).toBe(404);
      expect(unknown.body.error).toMatchObject({ code: "not_found", field: "file" });
      expect((await api("GET", "/api/v1/workspaces/nope/export/statements.csv")).body.error.code).toBe("not_found");
      expect((await api("GET", `/api/v1/workspaces/${slug}/export/statements.csv?bom=yes`)).status).toBe(422);
      expect((await api("GET", `/api/v1/workspaces/${slug}/export/workspace.json?bom=1`)).status).toBe(400);
    });
  });

  describe("workspace import", () => {
    it("imports a workspace.json as a new workspace with new ids, reviews and flags carried over", async () => {
      const { api } = get();
      const fx = await exportableWorkspace(get);
      const dump = (await api("GET", `/api/v1/workspaces/${fx.slug}/export/workspace.json`)).body;
      const imported = await api("POST", "/api/v1/workspaces/import", { body: dump });
      expect(imported.status, imported.text).toBe(201);
      expect(imported.body).toMatchObject({ counts: { statements: 3, links: 1, flagReviews: 1 } });
      const copy = imported.body.workspace.slug;
      expect(copy).not.toBe(fx.slug);
      const statements = (await api("GET", `/api/v1/workspaces/${copy}/statements?dir=asc`)).body.items;
      expect(statements.map((s: { quote: string }) => s.quote)).toEqual(dump.statements.map((s: { quote: string }) => s.quote));
      expect(statements.map((s: { id: number }) => s.id)).not.toContain(fx.june);
      const flags = (await api("GET", `/api/v1/workspaces/${copy}/flags?kind=linked`)).body.items;
      expect(flags).toMatchObject([{ id: `linked:${statements[0].id}:${statements[1].id}`, status: "confirmed", severity: "full_flop" }]);
      const named = await api("POST", `/api/v1/workspaces/import?name=${encodeURIComponent("Preconditions, copy")}&slug=preconditions-copy-${copy.slice(-8)}`, { body: dump });
      expect(named.body.workspace).toMatchObject({ name: "Preconditions, copy", slug: `preconditions-copy-${copy.slice(-8)}` });
    });

    it("takes workspace.json bodies above the 1 MB default", async () => {
      const { api } = get();
      const ws = await api("POST", "/api/v1/workspaces", { body: { name: uniqueName("Big") } });
      await api("POST", `/api/v1/workspaces/${ws.body.slug}/articles`, { body: { text: `${ARTICLE_TEXT}\n\n${"word ".repeat(300_000)}` } });
      const dump = (await api("GET", `/api/v1/workspaces/${ws.body.slug}/export/workspace.json`)).body;
      expect(JSON.stringify(dump).length).toBeGreaterThan(1024 * 1024);
      expect((await api("POST", "/api/v1/workspaces/import", { body: dump })).status).toBe(201);
    });

    it("refuses a file whose references do not resolve, other versions, non-JSON and oversized bodies, writing nothing", async () => {
      const { api, server } = get();
      const fx = await taggedWorkspace(get());
      const dump = (await api("GET", `/api/v1/workspaces/${fx.slug}/export/workspace.json`)).body;
      const newest = async () => (await api("GET", "/api/v1/workspaces?limit=5")).body.items.map((w: { slug: string }) => w.slug);
      const before = await newest();
      expect(before[0]).toBe(fx.slug);
      const dangling = structuredClone(dump);
      dangling.statements[1].articleId = 999_999;
      const refused = await api("POST", "/api/v1/workspaces/import", { body: dangling });
      expect(refused.status).toBe(422);
      expect(refused.body.error).toMatchObject({ field: "statements.1.articleId", message: expect.stringContaining("999999") });
      expect((await api("POST", "/api/v1/workspaces/import", { body: { ...dump, formatVersion: 2 } })).status).toBe(422);
      expect((await api("POST", "/api/v1/workspaces/import", { body: { ...dump, extra: true } })).status).toBe(400);
      expect((await api("POST", "/api/v1/workspaces/import", { raw: "{", headers: { "content-type": "application/json" } })).status).toBe(400);
      expect((await api("POST", "/api/v1/workspaces/import", { raw: "x", headers: { "content-type": "text/plain" } })).status).toBe(415);
      expect((await api("POST", "/api/v1/workspaces/import?slug=Not%20A%20Slug", { body: dump })).body.error.field).toBe("slug");
      const huge = await rawRequest(server.port, {
        method: "POST", path: "/api/v1/workspaces/import", headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
        chunks: Array.from({ length: 21 }, () => Buffer.alloc(1024 * 1024, 0x20)),
      });
      expect([413, -1]).toContain(huge.status);
      if (huge.status === 413) expect(huge.body.error.message).toMatch(/larger than 20 MB/);
      expect(await newest()).toEqual(before);
    });

    it("still reads a workspace whose slug is \"import\"", async () => {
      const { api } = get();
      const ws = await api("POST", "/api/v1/workspaces", { body: { name: "Import" } });
      expect(ws.body.slug).toBe("import");
      expect((await api("GET", "/api/v1/workspaces/import")).body).toMatchObject({ slug: "import", name: "Import" });
      expect((await api("PATCH", "/api/v1/workspaces/import", { body: { description: "Still here." } })).body.description).toBe("Still here.");
      expect((await api("GET", "/api/v1/workspaces/import/statements")).status).toBe(200);
    });
  });
}

import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client } from "../../support/http";
import { startServer, type TestServer } from "../../support/server";
import { ARTICLE_TEXT, type GetCtx, uniqueName, workspaceWithArticle } from "./context";

const NEWS_PAGE = fs.readFileSync(path.resolve(__dirname, "../../../lib/import/fixtures/news-page.html"), "utf8");

/** A local web site to import from: an article, a PDF, an oversized page and an error page. */
async function startSite() {
  const server = http.createServer((req, res) => {
    if (req.url === "/rail-2030") return res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(NEWS_PAGE);
    if (req.url === "/moved") return res.writeHead(301, { location: "/rail-2030" }).end();
    if (req.url === "/report.pdf") return res.writeHead(200, { "content-type": "application/pdf" }).end("%PDF-1.7");
    if (req.url === "/huge") return res.writeHead(200, { "content-type": "text/html", "content-length": String(6 * 1024 * 1024) }).end();
    res.writeHead(404, { "content-type": "text/html" }).end("<h1>Not found</h1>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}

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

    it("imports a saved web page from html: extracted, sanitised, with the page's metadata unless given", async () => {
      const { api } = get();
      const { slug } = await workspaceWithArticle(get());
      const created = await api("POST", `/api/v1/workspaces/${slug}/articles`, {
        body: { html: NEWS_PAGE, url: "https://www.dailyledger.example/politics/rail-2030", author: "J. Doe" },
      });
      expect(created.status, created.text).toBe(201);
      expect(created.body).toMatchObject({
        source: "html", title: "Minister pledges new rail line by 2030", publisher: "The Daily Ledger", author: "J. Doe",
        publishedAt: "2024-03-01", language: "en-GB", url: "https://www.dailyledger.example/politics/rail-2030",
      });
      expect(created.body.text).toContain("The transport minister promised on Friday");
      expect(created.body.text).not.toContain("mattresses");
      expect(created.body.text).not.toContain("hijacked");
    });

    it("refuses empty text, no source, two sources, bad metadata and unknown ids", async () => {
      const { api } = get();
      const { slug } = await workspaceWithArticle(get());
      const empty = await api("POST", `/api/v1/workspaces/${slug}/articles`, { body: { text: " \n " } });
      expect(empty.status).toBe(422);
      expect(empty.body.error.field).toBe("text");
      expect((await api("POST", `/api/v1/workspaces/${slug}/articles`, { body: { title: "No source" } })).body.error).toMatchObject({ code: "bad_request", field: "text" });
      expect((await api("POST", `/api/v1/workspaces/${slug}/articles`, { body: { text: "x", html: "<p>x</p>" } })).body.error).toMatchObject({ code: "invalid", field: "html" });
      expect((await api("POST", `/api/v1/workspaces/${slug}/articles`, { body: { html: "<nav></nav>" } })).body.error).toMatchObject({ code: "invalid", field: "html" });
      expect((await api("POST", `/api/v1/workspaces/${slug}/articles`, { body: { markdown: "# x" } })).status).toBe(400);
      expect((await api("POST", `/api/v1/workspaces/${slug}/articles`, { body: { text: "x", language: "not a tag" } })).body.error.field).toBe("language");
      expect((await api("GET", `/api/v1/workspaces/nope/articles`)).status).toBe(404);
      expect((await api("GET", "/api/v1/articles/999999")).status).toBe(404);
      expect((await api("GET", "/api/v1/articles/abc")).status).toBe(404);
    });
  });

  describe("articles from a url", () => {
    let site: Awaited<ReturnType<typeof startSite>> | null = null;
    let open: TestServer | null = null;
    beforeAll(async () => {
      site = await startSite();
      // A second server that may fetch from this machine, as IMPORT_ALLOW_PRIVATE_HOSTS=1 allows for local demos.
      open = await startServer({ env: { IMPORT_ALLOW_PRIVATE_HOSTS: "1" } });
    }, 600_000);
    afterAll(async () => {
      await open?.stop();
      await site?.close();
    });

    it("fetches, extracts and stores the page, recording where it was found after redirects", async () => {
      const api = client(open!.url);
      const ws = await api("POST", "/api/v1/workspaces", { body: { name: uniqueName("From a url") } });
      const created = await api("POST", `/api/v1/workspaces/${ws.body.slug}/articles`, { body: { url: `${site!.origin}/moved`, publisher: "Ledger" } });
      expect(created.status, created.text).toBe(201);
      expect(created.body).toMatchObject({ source: "url", url: `${site!.origin}/rail-2030`, title: "Minister pledges new rail line by 2030", publisher: "Ledger" });
      expect(created.body.text).toContain("This is the third deadline in five years.");
    });

    it("answers a bad url with a clear 4xx, never a 5xx, and saves nothing", async () => {
      const open_ = client(open!.url);
      const ws = await open_("POST", "/api/v1/workspaces", { body: { name: uniqueName("Bad urls") } });
      const importUrl = (api: typeof open_, slug: string, url: string) => api("POST", `/api/v1/workspaces/${slug}/articles`, { body: { url } });
      const pdf = await importUrl(open_, ws.body.slug, `${site!.origin}/report.pdf`);
      expect(pdf.status).toBe(415);
      expect(pdf.body.error).toMatchObject({ code: "unsupported_type", field: "url", message: expect.stringContaining("Paste the article's text") });
      expect((await importUrl(open_, ws.body.slug, `${site!.origin}/huge`)).status).toBe(413);
      expect((await importUrl(open_, ws.body.slug, `${site!.origin}/missing`)).status).toBe(422);
      const closed = await importUrl(open_, ws.body.slug, "http://127.0.0.1:9/article");
      expect(closed.status).toBe(422);
      expect(closed.body.error.field).toBe("url");
      expect((await importUrl(open_, ws.body.slug, "ftp://example.com/a")).status).toBe(422);
      expect((await open_("GET", `/api/v1/workspaces/${ws.body.slug}/articles`)).body.items).toEqual([]);

      // The default server refuses private and loopback addresses before connecting.
      const { api } = get();
      const { slug } = await workspaceWithArticle(get());
      const refused = await importUrl(api, slug, `${site!.origin}/rail-2030`);
      expect(refused.status).toBe(422);
      expect(refused.body.error).toMatchObject({ code: "invalid", field: "url", message: expect.stringContaining("private or internal network") });
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

    it("renames, edits and merges speakers and topics, refusing a clash without changing anything", async () => {
      const { api } = get();
      const { slug } = await workspaceWithArticle(get());
      const putin = (await api("POST", `/api/v1/workspaces/${slug}/speakers`, { body: { name: "Vladimir Putin", aliases: ["Putin"] } })).body;
      const dup = (await api("POST", `/api/v1/workspaces/${slug}/speakers`, { body: { name: "V. V. Putin" } })).body;
      const zelensky = (await api("POST", `/api/v1/workspaces/${slug}/speakers`, { body: { name: "Volodymyr Zelensky" } })).body;
      const clash = await api("PATCH", `/api/v1/speakers/${putin.id}`, { body: { name: "President Putin", aliases: ["Volodymyr Zelensky"] } });
      expect(clash.status).toBe(409);
      expect(clash.body.error.field).toBe("aliases");
      expect((await api("GET", `/api/v1/workspaces/${slug}/speakers`)).body.items.map((s: { name: string }) => s.name)).toContain("Vladimir Putin");
      const renamed = await api("PATCH", `/api/v1/speakers/${putin.id}`, { body: { name: "President Putin", description: "Russia" } });
      expect(renamed.body).toMatchObject({ id: putin.id, name: "President Putin", aliases: ["Putin"], description: "Russia" });
      const merged = await api("POST", `/api/v1/speakers/${dup.id}/merge`, { body: { into: putin.id } });
      expect(merged.status).toBe(200);
      expect(merged.body).toMatchObject({ movedStatements: 0, target: { id: putin.id, aliases: ["Putin", "V. V. Putin"] } });
      expect((await api("PATCH", `/api/v1/speakers/${dup.id}`, { body: { name: "Gone" } })).status).toBe(404);
      expect((await api("POST", `/api/v1/speakers/${zelensky.id}/merge`, { body: { into: zelensky.id } })).body.error.field).toBe("targetId");
      expect((await api("PATCH", `/api/v1/speakers/${putin.id}`, { body: {} })).body.error.field).toBe("name");
      const talks = (await api("POST", `/api/v1/workspaces/${slug}/topics`, { body: { name: "Talks" } })).body;
      const negotiations = (await api("POST", `/api/v1/workspaces/${slug}/topics`, { body: { name: "Negotiations" } })).body;
      expect((await api("PATCH", `/api/v1/topics/${talks.id}`, { body: { name: "negotiations" } })).status).toBe(409);
      expect((await api("PATCH", `/api/v1/topics/${talks.id}`, { body: { proposition: "Should Russia negotiate?" } })).body).toMatchObject({ name: "Talks", proposition: "Should Russia negotiate?" });
      expect((await api("POST", `/api/v1/topics/${negotiations.id}/merge`, { body: { into: talks.id } })).body).toMatchObject({ target: { id: talks.id } });
      expect((await api("GET", `/api/v1/workspaces/${slug}/topics`)).body.items.map((t: { name: string }) => t.name)).toEqual(["Talks"]);
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

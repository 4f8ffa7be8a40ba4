import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DB } from "../index";
import { AppError } from "../errors";
import { articles, auditEvents } from "../schema";
import { ensureLocalUser } from "./users";
import { createWorkspace } from "./workspaces";
import { countSnapshotsByUrl, importArticle, importArticleFromUrl, prepareImport, saveImportDraft } from "./article-import";
import { ImportError } from "@/lib/import/errors";
import { startServer, type TestServer } from "@/lib/import/test-servers";

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "../../lib/import/fixtures", name), "utf8");
const NEWS_URL = "https://www.dailyledger.example/politics/rail-2030";
const ARTICLE_PAGE = `<!doctype html><html lang="en"><head><title>Bridge to reopen</title><meta property="og:site_name" content="Riverside Post"></head>
<body><nav>Home · News</nav><article><h1>Bridge to reopen</h1>${"<p>The council said the bridge would reopen in May after repairs to the deck and the railings. </p>".repeat(4)}</article></body></html>`;

const dirs: string[] = [];
let server: TestServer;

beforeAll(async () => {
  server = await startServer("127.0.0.1", (req, res) => {
    const routes: Record<string, () => void> = {
      "/article": () => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(ARTICLE_PAGE),
      "/plain": () => res.writeHead(200, { "content-type": "text/plain" }).end("Line one of a transcript.\n\n\nSecond paragraph."),
      "/moved": () => res.writeHead(301, { location: "/article" }).end(),
      "/pdf": () => res.writeHead(200, { "content-type": "application/pdf" }).end("%PDF-1.7"),
      "/big": () => res.writeHead(200, { "content-type": "text/html" }).end("<p>x</p>".repeat(5_000)),
      "/missing": () => res.writeHead(404, { "content-type": "text/html" }).end("gone"),
      "/garbled": () => res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" }).end("not gzip at all"),
      "/empty": () => res.writeHead(200, { "content-type": "text/html" }).end("<html><body><nav>Menu</nav></body></html>"),
      "/binary": () => res.writeHead(200, { "content-type": "text/html" }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d])),
      "/hang": () => undefined, // never answers
    };
    (routes[req.url ?? ""] ?? routes["/missing"])();
  });
});
afterAll(() => server.close());
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function freshWorkspace(): { db: DB; workspaceId: number; actorId: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimline-import-"));
  dirs.push(dir);
  const db = openDatabase(path.join(dir, "test.db"));
  const actorId = ensureLocalUser(db).id;
  const ws = createWorkspace(db, { name: "Import tests", actorId });
  return { db, workspaceId: ws.id, actorId };
}

function rowCounts(db: DB) {
  return { articles: db.select().from(articles).all().length, audit: db.select().from(auditEvents).all().length };
}

/** Runs a failing import and returns its AppError, after checking nothing was written. */
async function failsWithoutWriting(db: DB, run: () => unknown): Promise<AppError> {
  const before = rowCounts(db);
  let caught: unknown;
  try {
    await run();
  } catch (err) {
    caught = err;
  }
  expect(rowCounts(db)).toEqual(before);
  expect(caught).toBeInstanceOf(AppError);
  return caught as AppError;
}

const open = { allowPrivate: true };

describe("importArticle: text", () => {
  it("stores normalised text with its paragraphs, a title from the first line, a hash and an audit event", () => {
    const { db, workspaceId, actorId } = freshWorkspace();
    const a = importArticle(db, { workspaceId, actorId, input: { kind: "text", text: "  Ceasefire talks stall\r\n\r\n\r\nThe envoy\u00a0left   early.\n" }, meta: {} });
    expect(a).toMatchObject({ source: "text", title: "Ceasefire talks stall", text: "Ceasefire talks stall\n\nThe envoy left early.", html: null });
    expect(a.textSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(rowCounts(db)).toEqual({ articles: 1, audit: 2 }); // workspace + article
  });

  it("keeps the caller's metadata", () => {
    const { db, workspaceId, actorId } = freshWorkspace();
    const a = importArticle(db, { workspaceId, actorId, input: { kind: "text", text: "Body." }, meta: { title: " Given title ", publisher: "Desk", publishedAt: "2024-06-14", language: "en" } });
    expect(a).toMatchObject({ title: "Given title", publisher: "Desk", publishedAt: "2024-06-14", language: "en" });
  });
});

describe("importArticle: HTML", () => {
  it("extracts the article from a messy page, stores sanitised HTML and the page's metadata", () => {
    const { db, workspaceId, actorId } = freshWorkspace();
    const a = importArticle(db, { workspaceId, actorId, input: { kind: "html", html: fixture("news-page.html"), url: NEWS_URL } });
    expect(a).toMatchObject({ source: "html", title: "Minister pledges new rail line by 2030", publisher: "The Daily Ledger", author: "Jane Doe", publishedAt: "2024-03-01", url: NEWS_URL });
    expect(a.text).toContain("The transport minister promised on Friday");
    expect(a.text).not.toContain("Holidays in the sun");
    expect(a.html).toContain("<p>");
    expect(a.html).not.toMatch(/<script|onerror|javascript:/i);
  });

  it("lets the user's corrections win over what the page says, and an empty field clear it", () => {
    const { db, workspaceId, actorId } = freshWorkspace();
    const draft = prepareImport({ kind: "html", html: fixture("news-page.html") });
    const a = saveImportDraft(db, { workspaceId, actorId, draft, meta: { title: "Corrected", author: null, publishedAt: "2024-03-02" } });
    expect(a).toMatchObject({ title: "Corrected", author: null, publishedAt: "2024-03-02", publisher: "The Daily Ledger" });
  });
});

describe("importArticleFromUrl", () => {
  it("fetches from a local server when private hosts are allowed, following redirects", async () => {
    const { db, workspaceId, actorId } = freshWorkspace();
    const a = await importArticleFromUrl(db, { workspaceId, actorId, url: `${server.origin}/moved`, fetchOptions: open });
    expect(a).toMatchObject({ source: "url", url: `${server.origin}/article`, title: "Bridge to reopen", publisher: "Riverside Post" });
    expect(a.text).toContain("the bridge would reopen in May");
    expect(a.text).not.toContain("Home · News");
  });

  it("keeps a text/plain answer as text, paragraphs intact", async () => {
    const { db, workspaceId, actorId } = freshWorkspace();
    const a = await importArticleFromUrl(db, { workspaceId, actorId, url: `${server.origin}/plain`, fetchOptions: open });
    expect(a).toMatchObject({ source: "url", html: null, text: "Line one of a transcript.\n\nSecond paragraph.", title: "Line one of a transcript." });
  });

  it("links a re-import of the same URL to the previous snapshot", async () => {
    const { db, workspaceId, actorId } = freshWorkspace();
    const url = `${server.origin}/article`;
    const first = await importArticleFromUrl(db, { workspaceId, actorId, url, fetchOptions: open });
    const second = await importArticleFromUrl(db, { workspaceId, actorId, url, fetchOptions: open });
    expect(second.previousSnapshotId).toBe(first.id);
    expect(countSnapshotsByUrl(db, { workspaceId, url })).toBe(2);
  });

  it("refuses a private address by default, before any request and without writing", async () => {
    const { db, workspaceId, actorId } = freshWorkspace();
    const requestsBefore = server.requests.length;
    const err = await failsWithoutWriting(db, () => importArticleFromUrl(db, { workspaceId, actorId, url: `${server.origin}/article` }));
    expect(err).toMatchObject({ code: "invalid", field: "url", message: new ImportError("refused_address").message });
    expect(server.requests.length).toBe(requestsBefore);
  });
});

describe("bad input writes nothing and says why", () => {
  const cases: [string, (ctx: ReturnType<typeof freshWorkspace>) => unknown, { code: string; field: string; importCode: ConstructorParameters<typeof ImportError>[0] }][] = [
    ["empty text", (c) => importArticle(c.db, { ...c, input: { kind: "text", text: " \n\t\u200b " } }), { code: "invalid", field: "text", importCode: "empty" }],
    ["binary text", (c) => importArticle(c.db, { ...c, input: { kind: "text", text: "PK\u0003\u0004\u0000\u0000" } }), { code: "unsupported_type", field: "text", importCode: "binary" }],
    ["text over the cap", (c) => importArticle(c.db, { ...c, input: { kind: "text", text: "a".repeat(5 * 1024 * 1024 + 1) } }), { code: "too_large", field: "text", importCode: "too_large" }],
    ["HTML with no text", (c) => importArticle(c.db, { ...c, input: { kind: "html", html: "<html><body><script>x()</script><nav>Menu</nav></body></html>" } }), { code: "invalid", field: "html", importCode: "empty" }],
    ["binary posing as HTML", (c) => importArticle(c.db, { ...c, input: { kind: "html", html: "\u0000\u0001GIF89a" } }), { code: "unsupported_type", field: "html", importCode: "binary" }],
    ["non-HTML content type", (c) => importArticleFromUrl(c.db, { ...c, url: `${server.origin}/pdf`, fetchOptions: open }), { code: "unsupported_type", field: "url", importCode: "unsupported_type" }],
    ["page over the cap", (c) => importArticleFromUrl(c.db, { ...c, url: `${server.origin}/big`, fetchOptions: { ...open, maxBytes: 1_000 } }), { code: "too_large", field: "url", importCode: "too_large" }],
    ["timeout", (c) => importArticleFromUrl(c.db, { ...c, url: `${server.origin}/hang`, fetchOptions: { ...open, timeoutMs: 300 } }), { code: "invalid", field: "url", importCode: "timeout" }],
    ["unreachable host", (c) => importArticleFromUrl(c.db, { ...c, url: "http://127.0.0.1:9/", fetchOptions: open }), { code: "invalid", field: "url", importCode: "unreachable" }],
    ["HTTP error", (c) => importArticleFromUrl(c.db, { ...c, url: `${server.origin}/missing`, fetchOptions: open }), { code: "invalid", field: "url", importCode: "http_error" }],
    ["garbled response", (c) => importArticleFromUrl(c.db, { ...c, url: `${server.origin}/garbled`, fetchOptions: open }), { code: "invalid", field: "url", importCode: "malformed" }],
    ["fetched page with no article", (c) => importArticleFromUrl(c.db, { ...c, url: `${server.origin}/empty`, fetchOptions: open }), { code: "invalid", field: "url", importCode: "empty" }],
    ["fetched binary", (c) => importArticleFromUrl(c.db, { ...c, url: `${server.origin}/binary`, fetchOptions: open }), { code: "unsupported_type", field: "url", importCode: "binary" }],
    ["not a web address", (c) => importArticleFromUrl(c.db, { ...c, url: "file:///etc/passwd", fetchOptions: open }), { code: "invalid", field: "url", importCode: "invalid_url" }],
  ];

  it.each(cases)("%s", async (_name, run, want) => {
    const ctx = freshWorkspace();
    const err = await failsWithoutWriting(ctx.db, () => run(ctx));
    expect(err).toMatchObject({ code: want.code, field: want.field, message: new ImportError(want.importCode).message });
  });
});

import type { Page } from "@playwright/test";
import { importArticle } from "@/db/queries/article-import";
import { ensureLocalUser } from "@/db/queries/users";
import { startServer, type TestServer } from "@/lib/import/test-servers";
import { expect, expectAccessible, test, testDb } from "./support/fixtures";

const BODY = "The council said the bridge would reopen in May, after repairs to the deck and the railings were finished. ";
const page = (title: string, site: string) => `<!doctype html><html lang="en"><head><title>${title}</title>
<meta property="og:site_name" content="${site}"><meta name="author" content="Ada Reporter">
<meta property="article:published_time" content="2024-06-14T09:00:00+02:00"></head>
<body><nav><a href="/">Home</a> · <a href="/news">News</a></nav>
<article><h1>${title}</h1><p>${BODY.repeat(3)}</p><p>The mayor promised “no more delays”.</p></article>
<footer>© Riverside Post · Subscribe now</footer></body></html>`;

let fixtureServer: TestServer;
test.beforeAll(async () => {
  fixtureServer = await startServer("127.0.0.1", (req, res) => {
    if (req.url === "/bridge") res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page("Bridge to reopen in May", "Riverside Post"));
    else if (req.url === "/report.pdf") res.writeHead(200, { "content-type": "application/pdf" }).end("%PDF-1.7");
    else res.writeHead(404, { "content-type": "text/html" }).end("not found");
  });
});
test.afterAll(() => fixtureServer.close());

async function openImport(p: Page, slug: string, mode: "Paste text" | "HTML page" | "Web address") {
  await p.goto(`/w/${slug}/articles/new`);
  await expect(p.getByRole("heading", { level: 1, name: "Import an article" })).toBeVisible();
  await p.getByRole("radio", { name: mode }).check();
}

const saveAndOpenReader = async (p: Page, slug: string) => {
  await p.getByRole("button", { name: "Save snapshot" }).click();
  await expect(p).toHaveURL(new RegExp(`/w/${slug}/articles/\\d+$`));
};

test("paste text: empty is refused, then a preview with editable details is saved and opens in the reader", async ({ page: p, emptyWorkspace }) => {
  await openImport(p, emptyWorkspace.slug, "Paste text");
  await expectAccessible(p);
  await p.getByRole("button", { name: "Extract" }).click();
  await expect(p.getByRole("alert").filter({ hasText: "The article text is empty." })).toBeVisible();

  await p.getByRole("textbox", { name: "Article text" }).fill("Minister's pledge\n\nThe rail line will open by 2030, she said.\n\n\nNo ifs, no buts.");
  await p.getByRole("button", { name: "Extract" }).click();
  const preview = p.getByRole("region", { name: "Preview" });
  await expect(preview).toBeVisible();
  await expect(preview.getByText("The rail line will open by 2030, she said.")).toBeVisible();
  await expect(preview.getByRole("textbox", { name: "Title" })).toHaveValue("Minister's pledge");
  await expectAccessible(p);

  await preview.getByRole("textbox", { name: "Title" }).fill("Rail pledge, transcript");
  await preview.getByRole("textbox", { name: "Publisher" }).fill("Hansard");
  await preview.getByRole("textbox", { name: "Language" }).fill("not a language");
  await p.getByRole("button", { name: "Save snapshot" }).click();
  await expect(preview.getByText(/Give the language as a code/)).toBeVisible();
  await expect(preview.getByRole("textbox", { name: "Publisher" })).toHaveValue("Hansard"); // corrections survive a refusal
  await preview.getByRole("textbox", { name: "Language" }).fill("en");
  await saveAndOpenReader(p, emptyWorkspace.slug);
  await expect(p.getByRole("heading", { level: 1, name: "Rail pledge, transcript" })).toBeVisible();
  await expect(p.getByText("The rail line will open by 2030, she said.")).toBeVisible();
  await expect(p.getByText("No ifs, no buts.")).toBeVisible();
});

test("HTML upload: binary and non-HTML files are refused, a saved page is extracted and read", async ({ page: p, emptyWorkspace }) => {
  await openImport(p, emptyWorkspace.slug, "HTML page");
  const file = p.getByLabel("Saved web page (.html)");
  await file.setInputFiles({ name: "report.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7") });
  await p.getByRole("button", { name: "Extract" }).click();
  await expect(p.getByText(/Choose a web page saved as \.html or \.htm/)).toBeVisible();

  await file.setInputFiles({ name: "disguised.html", mimeType: "text/html", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x0a]) });
  await p.getByRole("button", { name: "Extract" }).click();
  await expect(p.getByText(/looks like a binary file/)).toBeVisible();

  await file.setInputFiles({ name: "bridge.html", mimeType: "text/html", buffer: Buffer.from(page("Council confirms bridge date", "Riverside Post")) });
  await p.getByRole("button", { name: "Extract" }).click();
  const preview = p.getByRole("region", { name: "Preview" });
  await expect(preview.getByRole("textbox", { name: "Title" })).toHaveValue("Council confirms bridge date");
  await expect(preview.getByRole("textbox", { name: "Publisher" })).toHaveValue("Riverside Post");
  await expect(preview.getByRole("textbox", { name: "Author" })).toHaveValue("Ada Reporter");
  await expect(preview.getByLabel("Published date")).toHaveValue("2024-06-14");
  await expect(preview.getByText(/Home · News|Subscribe now/)).toHaveCount(0);
  await saveAndOpenReader(p, emptyWorkspace.slug);
  await expect(p.getByText("The mayor promised “no more delays”.")).toBeVisible();

  await p.goto(`${p.url()}/formatted`);
  await expect(p.getByRole("link", { name: "← Back to the reader" })).toBeVisible();
  await expect(p.getByText("The mayor promised “no more delays”.")).toBeVisible();
});

test("URL: a refused type says why; a page from a local server is fetched, and a re-import is announced and chained", async ({ page: p, emptyWorkspace }) => {
  await openImport(p, emptyWorkspace.slug, "Web address");
  const url = p.getByRole("textbox", { name: "Article URL" });
  await url.fill(`${fixtureServer.origin}/report.pdf`);
  await p.getByRole("button", { name: "Fetch" }).click();
  await expect(p.getByText(/isn't a web page or plain text/)).toBeVisible();

  await url.fill(`${fixtureServer.origin}/bridge`);
  await p.getByRole("button", { name: "Fetch" }).click();
  const preview = p.getByRole("region", { name: "Preview" });
  await expect(preview.getByRole("textbox", { name: "Title" })).toHaveValue("Bridge to reopen in May");
  await expect(preview.getByText(/earlier snapshot/)).toHaveCount(0);
  await saveAndOpenReader(p, emptyWorkspace.slug);
  await expect(p.getByText("The mayor promised “no more delays”.")).toBeVisible();

  await openImport(p, emptyWorkspace.slug, "Web address");
  await p.getByRole("textbox", { name: "Article URL" }).fill(`${fixtureServer.origin}/bridge`);
  await p.getByRole("button", { name: "Fetch" }).click();
  await expect(p.getByText("This URL has 1 earlier snapshot; saving makes a new snapshot.")).toBeVisible();
  await saveAndOpenReader(p, emptyWorkspace.slug);

  await p.goto(`/w/${emptyWorkspace.slug}/articles`);
  await expect(p.getByRole("link", { name: "Newer snapshot exists" })).toHaveCount(1);
  await expect(p.getByRole("link", { name: "Re-import; earlier snapshot" })).toHaveCount(1);
});

test("the article list teaches when empty, and searches by title or publisher with statement counts", async ({ page: p, emptyWorkspace, demo }) => {
  await p.goto(`/w/${emptyWorkspace.slug}/articles`);
  await expect(p.getByRole("heading", { name: "No articles yet" })).toBeVisible();
  await expect(p.getByRole("link", { name: "Import your first article" })).toHaveAttribute("href", `/w/${emptyWorkspace.slug}/articles/new`);
  await expectAccessible(p);

  const db = testDb();
  const actorId = ensureLocalUser(db).id;
  importArticle(db, { workspaceId: demo.id, actorId, input: { kind: "text", text: "A ledger story." }, meta: { title: "Budget gap widens", publisher: "Daily Ledger" } });
  await p.goto(`/w/${demo.slug}/articles`);
  const list = p.getByRole("list", { name: "Articles in this workspace" });
  await expect(list.getByText(/^[1-9]\d* statements?$/).first()).toBeVisible();
  await expectAccessible(p);

  const search = p.getByRole("searchbox", { name: "Search articles by title or publisher" });
  await search.fill("ledger");
  await search.press("Enter");
  await expect(p).toHaveURL(/\?q=ledger$/);
  await expect(list.getByRole("link", { name: "Budget gap widens" })).toBeVisible();
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list.getByText("0 statements")).toBeVisible();

  await search.fill("no such thing");
  await search.press("Enter");
  await expect(p.getByText("No articles match “no such thing”.")).toBeVisible();
});

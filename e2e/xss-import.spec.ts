import type { Page } from "@playwright/test";
import { importArticle } from "@/db/queries/article-import";
import { createArticleSnapshot } from "@/db/queries/articles";
import { ensureLocalUser } from "@/db/queries/users";
import { startServer, type TestServer } from "@/lib/import/test-servers";
import { expect, test, testDb } from "./support/fixtures";

/*
 * Every payload, if it ran or loaded, would set window.__pwned or hit the
 * beacon server below. The tests import them, open the reader and the
 * "original formatting" view, interact, and observe nothing.
 */

let beacon: TestServer;
test.beforeAll(async () => {
  beacon = await startServer("127.0.0.1", (_req, res) => res.writeHead(204, { "access-control-allow-origin": "*" }).end());
});
test.afterAll(() => beacon.close());

const PROSE = "Officials said the ceasefire proposal would be studied carefully before any answer was given to the mediators. ";

function payloadPage(b: string): string {
  const js = "window.__pwned=1";
  return `<!doctype html><html lang="en"><head><title>Talks resume quietly</title>
<meta http-equiv="refresh" content="0;url=javascript:${js}">
<meta http-equiv="refresh" content="1;url=${b}/meta-refresh">
<base href="${b}/base/">
<link rel="stylesheet" href="${b}/link-css">
<style>body{background:url("javascript:${js}")} p{width:expression(${js})} h1{background-image:url(${b}/css-url)}</style>
<script>${js};fetch("${b}/head-script")</script>
</head><body onload="${js}">
<article>
<h1 onmouseover="${js}">Talks resume quietly</h1>
<p>${PROSE.repeat(3)}</p>
<p><script>${js};new Image().src="${b}/inline-script"</script>Second paragraph stays.</p>
<p><img src="${b}/img" onerror="${js}"> <img src="x" onerror="fetch('${b}/onerror')"> <img srcset="${b}/srcset 1x"></p>
<svg onload="${js}"><script>${js}</script><a xlink:href="javascript:${js}"><text>svg link</text></a><image href="${b}/svg-image"/></svg>
<p><a href="javascript:${js}">js link</a> <a href="&#106;&#97;vascript:${js}">entity link</a> <a href="jav&#x09;ascript:${js}">tab link</a>
<a href="&#x6A;avascript&colon;${js}">colon entity</a> <a href="data:text/html,&lt;script&gt;${js}&lt;/script&gt;">data link</a>
<a href="data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+">base64 link</a> <a href="vbscript:msgbox(1)">vb link</a>
<a href="${b}/relative-ok" onclick="${js}" onmouseover="${js}" style="color:red">handler link</a></p>
<iframe srcdoc="<script>parent.__pwned=1;fetch('${b}/srcdoc')</script>"></iframe>
<iframe src="javascript:parent.__pwned=1"></iframe><iframe src="${b}/iframe"></iframe>
<object data="${b}/object"></object><embed src="${b}/embed">
<form action="javascript:${js}"><button formaction="javascript:${js}">Go</button><input type="image" src="${b}/input-image"></form>
<p style="background:url(${b}/style-attr)" onmouseover="${js}">Hover me, a paragraph with handlers.</p>
<math><mtext><table><mglyph><style><img src=x onerror="${js}"></style></mglyph></table></mtext></math>
<noscript><p title="</noscript><img src=x onerror=${js}>"></p></noscript>
<video src="${b}/video" onerror="${js}"></video><audio src="${b}/audio"></audio>
<details open ontoggle="${js}"><summary>toggle</summary>Details text.</details>
<p>${PROSE.repeat(2)} Final paragraph.</p>
</article></body></html>`;
}

const TEXT_PAYLOADS = {
  title: `<img src=x onerror="window.__pwned=1">"><script>window.__pwned=1</script>`,
  publisher: `<svg onload=window.__pwned=1>`,
  author: `javascript:window.__pwned=1 <b onmouseover=window.__pwned=1>x</b>`,
};

function watch(page: Page) {
  const seen = { dialogs: [] as string[], suspicious: [] as string[] };
  page.on("dialog", (d) => {
    seen.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on("console", (m) => {
    if (/pwned|beacon/i.test(m.text())) seen.suspicious.push(m.text());
  });
  page.on("request", (r) => {
    if (r.url().startsWith(beacon.origin)) seen.suspicious.push(`request ${r.url()}`);
  });
  return seen;
}

async function pokeAround(page: Page, root: string) {
  const container = page.locator(root);
  // Best effort by design: an element we can't reach is no reason to stop poking the others.
  const poke = (action: Promise<void>) => action.catch(() => undefined);
  for (const el of await container.locator("a, p, h1, h2, li, summary").all()) await poke(el.hover({ force: true, timeout: 1_000 }));
  // Links whose unsafe href was stripped are inert; clicking them must not run anything either.
  for (const link of await container.locator("a:not([href])").all()) await poke(link.click({ force: true, timeout: 1_000 }));
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
}

async function expectNothingRan(page: Page, seen: ReturnType<typeof watch>) {
  // Images, frames and objects block the load event, so their handlers would have fired by now.
  await page.waitForLoadState("load");
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(seen.dialogs).toEqual([]);
  expect(seen.suspicious).toEqual([]);
  expect(beacon.requests).toEqual([]);
}

async function expectInertMarkup(page: Page, root: string) {
  const report = await page.locator(root).evaluate((el) => ({
    tags: Array.from(el.querySelectorAll("script, style, iframe, object, embed, svg, math, img, video, audio, form, input, button, meta, base, link")).map((n) => n.tagName),
    handlers: Array.from(el.querySelectorAll("*")).flatMap((n) => Array.from(n.attributes).filter((a) => /^on|^style$|^srcdoc$|^src$|^formaction$/i.test(a.name)).map((a) => `${n.tagName}[${a.name}]`)),
    hrefs: Array.from(el.querySelectorAll("a[href]")).map((a) => a.getAttribute("href") ?? ""),
  }));
  expect(report.tags).toEqual([]);
  expect(report.handlers).toEqual([]);
  for (const href of report.hrefs) expect(href).toMatch(/^(https?:|mailto:)/i);
}

test("script payloads in an imported page never run in the reader or the formatted view", async ({ page, emptyWorkspace }) => {
  const db = testDb();
  const actorId = ensureLocalUser(db).id;
  const article = importArticle(db, { workspaceId: emptyWorkspace.id, actorId, input: { kind: "html", html: payloadPage(beacon.origin), url: `${beacon.origin}/page` }, meta: TEXT_PAYLOADS });
  expect(article.html).toBeTruthy();
  const seen = watch(page);

  await page.goto(`/w/${emptyWorkspace.slug}/articles/${article.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TEXT_PAYLOADS.title);
  await expect(page.getByText("Second paragraph stays.")).toBeVisible();
  await pokeAround(page, "main");
  await expectNothingRan(page, seen);

  await page.goto(`/w/${emptyWorkspace.slug}/articles/${article.id}/formatted`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TEXT_PAYLOADS.title);
  await expect(page.getByText(TEXT_PAYLOADS.publisher, { exact: false })).toBeVisible();
  await expect(page.locator("[data-formatted-article]").getByText("Second paragraph stays.")).toBeVisible();
  await expectInertMarkup(page, "[data-formatted-article]");
  await pokeAround(page, "[data-formatted-article]");
  await expectNothingRan(page, seen);

  await page.goto(`/w/${emptyWorkspace.slug}/articles`);
  await expect(page.getByRole("link", { name: TEXT_PAYLOADS.title })).toBeVisible();
  await pokeAround(page, "main");
  await expectNothingRan(page, seen);
});

test("HTML stored without sanitising (an old row, a hand edit) is sanitised again when rendered", async ({ page, emptyWorkspace }) => {
  const db = testDb();
  const actorId = ensureLocalUser(db).id;
  const raw = payloadPage(beacon.origin).replace(/^[\s\S]*<article>|<\/article>[\s\S]*$/g, "");
  const article = createArticleSnapshot(db, { workspaceId: emptyWorkspace.id, actorId, source: "html", title: "Raw row", text: "Raw row text.", html: raw });
  const seen = watch(page);
  await page.goto(`/w/${emptyWorkspace.slug}/articles/${article.id}/formatted`);
  await expect(page.locator("[data-formatted-article]").getByText("Hover me, a paragraph with handlers.")).toBeVisible();
  await pokeAround(page, "[data-formatted-article]");
  await expectNothingRan(page, seen);
  await expectInertMarkup(page, "[data-formatted-article]");
});

test("pasting the payload page through the import form: the preview and saved snapshot stay inert", async ({ page, emptyWorkspace }) => {
  const seen = watch(page);
  await page.goto(`/w/${emptyWorkspace.slug}/articles/new`);
  await page.getByRole("radio", { name: "HTML page" }).check();
  await page.getByRole("textbox", { name: "Or paste the page's HTML" }).fill(payloadPage(beacon.origin));
  await page.getByRole("button", { name: "Extract" }).click();
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByRole("textbox", { name: "Title" })).toHaveValue("Talks resume quietly");
  await preview.getByRole("textbox", { name: "Title" }).fill(TEXT_PAYLOADS.title);
  await preview.getByRole("textbox", { name: "Author" }).fill(TEXT_PAYLOADS.author);
  await expectNothingRan(page, seen);
  await page.getByRole("button", { name: "Save snapshot" }).click();
  await expect(page).toHaveURL(/\/articles\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TEXT_PAYLOADS.title);
  await expect(page.getByText(TEXT_PAYLOADS.author, { exact: false })).toBeVisible();
  await pokeAround(page, "main");
  await expectNothingRan(page, seen);

  await page.goto(`${page.url()}/formatted`);
  await expectInertMarkup(page, "[data-formatted-article]");
  await pokeAround(page, "[data-formatted-article]");
  await expectNothingRan(page, seen);
});

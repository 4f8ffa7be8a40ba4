import http from "node:http";
import type { AddressInfo } from "node:net";
import { JSDOM } from "jsdom";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { createTimeline, shareTimeline } from "@/db/queries/timelines";
import { ensureLocalUser } from "@/db/queries/users";
import { DEFAULT_VIEW } from "@/lib/timeline/view-state";
import { expect, test, testDb } from "./support/fixtures";
import { payloadText, payloads } from "./support/xss-payloads";

// User text in every place it is shown, filled with payloads of the kinds in
// OWASP's XSS filter-evasion cheat sheet, in real Chromium. Every page of
// the workspace is crawled (so pages that arrive later are covered too),
// downloads are opened, and the HTML's meta tags are parsed. Nothing may
// run: no window.__xss, no dialog, no request to the beacon. The escaping is
// checked with the CSP bypassed (it must hold on its own) and the CSP is
// checked on its own by planting markup as an escaping bug would.

let beacon: http.Server;
let beaconUrl = "";
const hits: string[] = [];

test.beforeAll(async () => {
  beacon = http.createServer((req, res) => { hits.push(req.url ?? ""); res.end(""); });
  await new Promise<void>((r) => beacon.listen(0, "127.0.0.1", () => r()));
  beaconUrl = `http://127.0.0.1:${(beacon.address() as AddressInfo).port}`;
});
test.afterAll(async () => { await new Promise((r) => beacon.close(r)); });

async function post(request: APIRequestContext, url: string, data: unknown) {
  const res = await request.post(url, { data });
  expect(res.status(), `${url}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

/** A workspace where every user-text field holds payloads; short fields rotate so that each payload lands in each kind of field. */
async function hostileWorkspace(request: APIRequestContext) {
  const list = payloads(beaconUrl);
  const ws = await post(request, "/api/v1/workspaces", { name: payloadText(list, 120), description: payloadText(list, 1000) });
  const text = list.map((p, k) => `Marker ${k} says ${p} end.`).join("\n\n");
  const article = await post(request, `/api/v1/workspaces/${ws.slug}/articles`, {
    text, title: payloadText(list, 300, 3), publisher: payloadText(list, 200, 5), author: payloadText(list, 200, 7), url: `https://example.org/a?q=${encodeURIComponent(list[0])}`,
  });
  const ids: number[] = [];
  for (let k = 0; k < list.length; k += 3) {
    const s = await post(request, `/api/v1/workspaces/${ws.slug}/statements`, {
      articleId: article.id, quote: `Marker ${k} says`, speaker: payloadText(list, 200, k), saidOn: `2024-0${1 + (k % 9)}-1${k % 10}`,
      topics: [{ topic: payloadText(list, 200, k + 1), stance: "conditional", condition: payloadText(list, 500, k + 2) }],
      summary: payloadText(list, 300, k), note: payloadText(list, 10_000, k), notePrivate: k % 2 === 0,
    });
    ids.push(s.id);
  }
  for (let i = 1; i < ids.length; i++) {
    await post(request, `/api/v1/workspaces/${ws.slug}/links`, { fromId: ids[i], toId: ids[i - 1], relation: "contradicts", verdict: "full_flop", rationale: payloadText(list, 2000, i) });
  }
  await post(request, `/api/v1/workspaces/${ws.slug}/speakers`, { name: `Speaker ${payloadText(list, 180, 9)}`, aliases: [payloadText(list, 200, 11)], description: payloadText(list, 1000, 13) });
  await post(request, `/api/v1/workspaces/${ws.slug}/topics`, { name: `Topic ${payloadText(list, 180, 15)}`, proposition: payloadText(list, 300, 17), description: payloadText(list, 1000, 19) });
  const flags = await (await request.get(`/api/v1/workspaces/${ws.slug}/flags`)).json();
  for (const f of flags.items.slice(0, 3)) await post(request, `/api/v1/flags/${encodeURIComponent(f.id)}/review`, { decision: "confirm", note: payloadText(list, 2000, 21) });
  // A saved, shared timeline with hostile title and description: the shared page, embed, CSV and Open Graph tags.
  const db = testDb();
  const actorId = ensureLocalUser(db).id;
  const shares: string[] = [];
  for (const k of [0, 12, 24]) {
    const timeline = createTimeline(db, { workspaceId: ws.id, actorId, title: payloadText(list, 200, k), description: payloadText(list, 1000, k + 6), filter: DEFAULT_VIEW });
    shares.push(shareTimeline(db, { workspaceId: ws.id, actorId, id: timeline.id }).token);
  }
  // Workspace names are short: more workspaces so every payload appears in a name and a title.
  const others: string[] = [];
  for (let k = 2; k < list.length; k += 2) others.push((await post(request, "/api/v1/workspaces", { name: payloadText(list, 120, k) })).slug);
  return { slug: ws.slug as string, articleId: article.id as number, others, shares };
}

interface Watch { dialogs: string[]; violations: string[] }

async function watchPage(page: Page): Promise<Watch> {
  const w: Watch = { dialogs: [], violations: [] };
  page.on("dialog", (d) => { w.dialogs.push(d.message()); void d.dismiss(); });
  await page.exposeFunction("__cspViolation", (v: string) => { w.violations.push(v); });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => (window as unknown as { __cspViolation: (v: string) => void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return w;
}

async function ranAnything(page: Page) {
  // Let autofocus, onerror and ontoggle handlers have their chance.
  await page.waitForLoadState("load");
  await page.mouse.move(5, 5);
  await page.mouse.move(400, 300);
  return page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss ?? null);
}

/** Same-origin pages linked from the workspace, breadth first. */
async function crawl(page: Page, start: string[], slug: string, limit = 80) {
  const seen = new Set<string>(start);
  const queue = [...start];
  const downloads = new Set<string>();
  const visited: { url: string; xss: unknown }[] = [];
  while (queue.length && visited.length < limit) {
    const url = queue.shift()!;
    const res = await page.goto(url);
    expect(res?.status(), url).toBeLessThan(500);
    visited.push({ url, xss: await ranAnything(page) });
    const hrefs = await page.locator("a[href]").evaluateAll((as) => as.map((a) => ({ href: a.getAttribute("href") ?? "", download: a.hasAttribute("download") })));
    for (const { href, download } of hrefs) {
      if (!href.startsWith("/") || href.startsWith("//")) continue;
      const path = href.split("#")[0];
      if (download || /\.(csv|json)(\?|$)|\/export|\/download/.test(path)) { downloads.add(path); continue; }
      if ((path.startsWith(`/w/${slug}`) || path.startsWith("/s/")) && !seen.has(path)) { seen.add(path); queue.push(path); }
    }
  }
  return { visited, downloads: [...downloads] };
}

async function hostileContext(browser: Browser, bypassCSP: boolean, baseURL: string) {
  const context = await browser.newContext({ bypassCSP, baseURL });
  const page = await context.newPage();
  return { context, page, watch: await watchPage(page) };
}

test.describe("XSS", () => {
  test("no payload runs anywhere user text is shown, with the CSP bypassed (escaping alone) and enforced", async ({ browser, request, baseURL }) => {
    // Two crawls of ~200 pages: about 3 minutes on an idle 2-core machine, so room for a busy one.
    test.setTimeout(420_000);
    const ws = await hostileWorkspace(request);
    const start = ["/", `/w/${ws.slug}`, `/w/${ws.slug}/articles/${ws.articleId}`, `/w/${ws.slug}/timeline`, ...ws.shares.flatMap((t) => [`/s/${t}`, `/s/${t}/embed`]), ...ws.others.map((s) => `/w/${s}`)];
    for (const bypassCSP of [true, false]) {
      const { context, page, watch } = await hostileContext(browser, bypassCSP, baseURL!);
      // The payloads are really on the page, shown as text.
      await page.goto(`/w/${ws.slug}`);
      await expect(page.getByRole("heading", { level: 1 })).toContainText(payloads(beaconUrl)[0]);
      const { visited, downloads } = await crawl(page, start, ws.slug);
      for (const d of [...downloads, ...ws.shares.map((t) => `/s/${t}/timeline.csv`), `/api/v1/workspaces/${ws.slug}/statements`]) {
        const res = await page.request.get(d);
        expect(res.status(), d).toBeLessThan(500);
        expect(res.headers()["content-type"], d).not.toMatch(/html|xml|svg/);
        await page.goto(d).catch(() => { /* an attachment starts a download instead of a page */ });
        visited.push({ url: d, xss: await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss ?? null).catch(() => null) });
      }
      // Open every statement's details, where notes, rationales and history show.
      await page.goto(`/w/${ws.slug}/articles/${ws.articleId}`);
      for (const button of await page.getByRole("button", { name: /history|details|links/i }).all()) await button.click().catch(() => {});
      visited.push({ url: "reader, expanded", xss: await ranAnything(page) });
      console.log(`[xss] ${bypassCSP ? "CSP bypassed" : "CSP enforced"}: ${payloads(beaconUrl).length} payloads, ${visited.length} pages and downloads, executed ${visited.filter((v) => v.xss !== null).length}, dialogs ${watch.dialogs.length}, beacon hits ${hits.length}`);
      expect(visited.filter((v) => v.xss !== null)).toEqual([]);
      expect(watch.dialogs).toEqual([]);
      expect(hits).toEqual([]);
      expect(visited.length).toBeGreaterThanOrEqual(start.length);
      await context.close();
    }
  });

  test("meta tags and titles hold payloads as attribute text, and every script carries the request's nonce", async ({ request }) => {
    const ws = await hostileWorkspace(request);
    for (const url of ["/", `/w/${ws.slug}`, `/w/${ws.slug}/articles/${ws.articleId}`, ...ws.shares.flatMap((t) => [`/s/${t}`, `/s/${t}/embed`]), ...ws.others.map((s) => `/w/${s}`)]) {
      const res = await request.get(url);
      const nonce = /'nonce-([^']+)'/.exec(res.headers()["content-security-policy"] ?? "")?.[1];
      expect(nonce, url).toBeTruthy();
      const { document } = new JSDOM(await res.text()).window;
      for (const meta of document.querySelectorAll("meta")) {
        expect(meta.getAttributeNames().filter((n) => !["name", "property", "content", "charset", "http-equiv", "itemprop"].includes(n)), url).toEqual([]);
        expect(meta.getAttribute("http-equiv") ?? "", url).not.toMatch(/refresh/i);
      }
      if (url === `/s/${ws.shares[0]}`) {
        // The share's Open Graph title holds the hostile title as plain attribute text.
        expect(document.querySelector('meta[property="og:title"]')?.getAttribute("content"), url).toContain(payloads(beaconUrl)[0]);
      }
      expect(document.querySelector("base"), url).toBeNull();
      expect(document.querySelectorAll("title").length, url).toBe(1);
      // Injected <script> tags would have no nonce; Next's own all do.
      expect([...document.querySelectorAll("script")].filter((s) => s.getAttribute("nonce") !== nonce).map((s) => s.outerHTML.slice(0, 120)), url).toEqual([]);
      expect([...document.querySelectorAll("*")].flatMap((el) => el.getAttributeNames().filter((n) => n.startsWith("on"))), url).toEqual([]);
    }
  });

  test("the CSP alone stops markup that slipped through: inline handlers and foreign loads are blocked", async ({ browser, baseURL, emptyWorkspace }) => {
    const plant = (page: Page) => page.evaluate((b) => {
      const div = document.createElement("div");
      div.innerHTML = `<img src="x" onerror="window.__xss='inline'"><img src="${b}/planted">`;
      document.body.append(div);
    }, beaconUrl);
    for (const bypassCSP of [true, false]) {
      const { context, page, watch } = await hostileContext(browser, bypassCSP, baseURL!);
      const before = hits.length;
      await page.goto(`/w/${emptyWorkspace.slug}`);
      await plant(page);
      const ran = () => page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss ?? null);
      if (bypassCSP) {
        // Proves the detection works: without the CSP the planted handler runs and the image loads.
        await expect.poll(ran).toBe("inline");
        await expect.poll(() => hits.length).toBe(before + 1);
      } else {
        // The browser reports both blocks; once it has, the handler can no longer run.
        await expect.poll(() => watch.violations.join("\n")).toMatch(/script-src[\s\S]*img-src|img-src[\s\S]*script-src/);
        expect(await ran()).toBeNull();
        expect(hits.length).toBe(before);
      }
      hits.length = before;
      await context.close();
    }
  });
});

test.describe("security headers", () => {
  test("pages get a nonce CSP that changes per request; API answers and the embed route get their own", async ({ request, demo }) => {
    const a = await request.get(`/w/${demo.slug}`);
    const b = await request.get(`/w/${demo.slug}`);
    const csp = a.headers()["content-security-policy"];
    const directives = Object.fromEntries(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(" ")]));
    expect(directives["script-src"]).toMatch(/^'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'$/);
    expect(directives["object-src"]).toBe("'none'");
    expect(directives["base-uri"]).toBe("'none'");
    expect(directives["form-action"]).toBe("'self'");
    expect(directives["frame-ancestors"]).toBe("'none'");
    expect(directives["default-src"]).toBe("'self'");
    expect(b.headers()["content-security-policy"]).not.toBe(csp);
    expect(a.headers()["x-frame-options"]).toBe("DENY");
    expect(a.headers()["x-content-type-options"]).toBe("nosniff");
    expect(a.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(a.headers()["x-powered-by"]).toBeUndefined();

    const api = await request.get("/api/v1/workspaces");
    expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox");
    expect(api.headers()["x-frame-options"]).toBe("DENY");

    // The embed route alone may be framed by other sites (whether or not a share exists yet).
    const embed = await request.get("/s/not-a-token/embed");
    expect(embed.headers()["content-security-policy"]).toMatch(/frame-ancestors \*/);
    expect(embed.headers()["x-frame-options"]).toBeUndefined();
    const share = await request.get("/s/not-a-token");
    expect(share.headers()["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
    expect((await request.get("/w/%ZZ")).status()).toBe(400);
  });
});

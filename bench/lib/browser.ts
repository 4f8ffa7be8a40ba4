import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
  "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"];

let browser: Browser | undefined;

/** One headless Chromium for the whole run; `gc()` is exposed so reps start from a collected heap. */
export async function getBrowser(): Promise<Browser> {
  browser ??= await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, "--js-flags=--expose-gc"] });
  return browser;
}

/** A fresh page that can only reach 127.0.0.1: a peer asking for a CDN fails at once instead of hanging. */
export async function newPage(viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await (await getBrowser()).newContext({ viewport });
  const page = await context.newPage();
  await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  page.setDefaultTimeout(180_000);
  // A peer failing in the page should be visible in the log, not a silent hang.
  page.on("pageerror", (error) => process.stderr.write(`[page error] ${page.url()}: ${error.message}\n`));
  return page;
}

export async function closePage(page: Page) {
  await page.context().close();
}

export async function closeBrowser() {
  await browser?.close();
  browser = undefined;
}

export async function chromiumVersion(): Promise<string> {
  return (await getBrowser()).version();
}

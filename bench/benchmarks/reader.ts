import { execFileSync } from "node:child_process";
import { generateAnchors, generateArticle } from "../lib/article";
import { closePage, newPage } from "../lib/browser";
import type { Benchmark } from "../lib/context";
import { REPS, summarize, type Sample } from "../lib/stats";
import { ROOT } from "../lib/static-server";
import { addCase, emptyOutcome } from "../lib/types";

const SLUG = "bench-reader";
const BASELINE = "same article, no statements";
const LOADED = "article with 1,000 statements";

/** Whether the reader announces painted highlights (the agreed signal: data-highlights-ready on <html>). */
function readerSignalsHighlights(): boolean {
  try {
    execFileSync("grep", ["-rlE", "highlightsReady|data-highlights-ready", "app", "components", "lib"], { cwd: ROOT });
    return true;
  } catch {
    return false;
  }
}

interface Visit { ready: number; scriptEncoded: number; scriptDecoded: number; documentEncoded: number }

/** One cold-context navigation: when the page is ready (see `useSignal`) and what it downloaded. */
async function visit(url: string, useSignal: boolean): Promise<Visit> {
  const page = await newPage();
  try {
    // Records the moment the reader flags its highlights as painted, from navigation start.
    await page.addInitScript(() => {
      const w = window as unknown as { __highlightsReady?: number };
      // Init scripts run before <html> exists: watch the document itself for the attribute.
      new MutationObserver((_, observer) => {
        if (document.documentElement?.dataset.highlightsReady) {
          w.__highlightsReady = performance.now();
          observer.disconnect();
        }
      }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-highlights-ready"] });
    });
    await page.goto(url, { waitUntil: "load" });
    if (useSignal) await page.waitForFunction(() => (window as unknown as { __highlightsReady?: number }).__highlightsReady !== undefined, null, { timeout: 60_000 });
    return await page.evaluate((signal) => {
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      const scripts = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter((e) => e.initiatorType === "script" || /\.m?js(\?|$)/.test(e.name));
      return {
        ready: signal ? (window as unknown as { __highlightsReady: number }).__highlightsReady : nav.loadEventEnd,
        scriptEncoded: scripts.reduce((n, e) => n + e.encodedBodySize, 0),
        scriptDecoded: scripts.reduce((n, e) => n + e.decodedBodySize, 0),
        documentEncoded: nav.encodedBodySize,
      };
    }, useSignal);
  } finally {
    await closePage(page);
  }
}

export const reader: Benchmark = {
  name: "reader",
  title: "Reader page, 100,000 characters with 1,000 statements",
  async run(ctx) {
    const out = emptyOutcome();
    const text = generateArticle(100_000, 42);
    const spans = generateAnchors(text, 1000, 11).map((a) => ({ start: a.start, end: a.end, prefix: a.prefix, suffix: a.suffix }));
    const loaded = ctx.db().article(SLUG, "Reader with 1,000 statements", text, spans).articleIds[0];
    const empty = ctx.db().article(SLUG, "Reader with no statements", text, []).articleIds[0];
    const app = await ctx.app();
    const signal = readerSignalsHighlights();
    if (!signal) out.waiting.push("reader: no data-highlights-ready signal in the reader yet (waits for the highlighting reader, lib/anchoring/paint.ts); timed to the load event instead.");
    const urls = { [BASELINE]: `${app.url}/w/${SLUG}/articles/${empty}`, [LOADED]: `${app.url}/w/${SLUG}/articles/${loaded}` };
    const ready: Record<string, Sample> = {};
    const js: Record<string, Sample> = {};
    const jsRaw: Record<string, Sample> = {};
    const html: Record<string, Sample> = {};
    for (const [name, url] of Object.entries(urls)) {
      ctx.log(`reader: ${name}`);
      // The empty page has no highlights to wait for: it is timed to its load event.
      const useSignal = signal && name === LOADED;
      await visit(url, useSignal);
      const visits: Visit[] = [];
      for (let i = 0; i < REPS; i++) visits.push(await visit(url, useSignal));
      ready[name] = summarize(visits.map((v) => v.ready));
      js[name] = summarize(visits.map((v) => v.scriptEncoded / 1024));
      jsRaw[name] = summarize(visits.map((v) => v.scriptDecoded / 1024));
      html[name] = summarize(visits.map((v) => v.documentEncoded / 1024));
    }
    addCase(out, "reader", signal ? "navigation → highlights ready" : "navigation → load event", "ms", BASELINE, ready);
    addCase(out, "reader", "JavaScript shipped (compressed)", "KB", BASELINE, js);
    addCase(out, "reader", "JavaScript shipped (uncompressed)", "KB", BASELINE, jsRaw);
    addCase(out, "reader", "HTML document (compressed, incl. inline RSC payload)", "KB", BASELINE, html);
    out.notes.push("Each visit opens a fresh browser context (cold cache) on the production build (.next-bench).");
    return out;
  },
};

import fs from "node:fs";
import path from "node:path";
import { generateAnchors, generateArticle, paragraphsOf } from "../lib/article";
import { closePage, newPage } from "../lib/browser";
import { bundle } from "../lib/bundle";
import type { Benchmark } from "../lib/context";
import { repeat, type Sample } from "../lib/stats";
import { ROOT } from "../lib/static-server";
import { addCase, emptyOutcome } from "../lib/types";

// BENCH_HIGHLIGHT_SIZES=100,1000 narrows a run while working on one contender.
export const SIZES = (process.env.BENCH_HIGHLIGHT_SIZES ?? "100,1000,5000").split(",").map(Number);
const PEERS = ["apache", "recogito"];
const LABELS: Record<string, string> = {
  naive: "baseline: single-pass <mark>", apache: "@apache-annotator/dom 0.2.0", recogito: "@recogito/text-annotator 4.1.1 (CSS highlights)",
  claimline: "Claimline lib/anchoring/paint.ts",
};
/** Claimline's painter plugs in through this adapter once lib/anchoring/paint.ts is on main. */
const CLAIMLINE_ADAPTER = "bench/highlight/claimline.ts";
const PAINT = "lib/anchoring/paint.ts";

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The reader's markup: one <p data-start> per paragraph, no whitespace between (so DOM text offsets are predictable). */
export function articleHtml(text: string): string {
  return paragraphsOf(text).map((p) => `<p data-start="${p.start}">${escapeHtml(p.text)}</p>`).join("");
}

export const highlight: Benchmark = {
  name: "highlight",
  title: "Highlighting a 100,000-character article",
  async run(ctx) {
    const out = emptyOutcome();
    const server = await ctx.static();
    const text = generateArticle();
    for (const size of SIZES) server.put(`/data/anchors-${size}.json`, JSON.stringify(generateAnchors(text, size, size)));
    const page = await bundle("bench/highlight/page.ts");
    server.put("/highlight/page.js", page.js);
    server.put("/highlight/page.css", page.css);
    const contenders = ["naive", ...PEERS];
    let claimlineScript = "";
    if (fs.existsSync(path.join(ROOT, PAINT)) && fs.existsSync(path.join(ROOT, CLAIMLINE_ADAPTER))) {
      const claimline = await bundle(CLAIMLINE_ADAPTER);
      server.put("/highlight/claimline.js", claimline.js);
      server.put("/highlight/claimline.css", claimline.css);
      claimlineScript = `<link rel="stylesheet" href="/highlight/claimline.css"><script src="/highlight/claimline.js"></script>`;
      contenders.push("claimline");
    } else {
      out.waiting.push(`Claimline's painter: waits for ${PAINT} on main (then the adapter ${CLAIMLINE_ADAPTER}).`);
    }
    server.put("/highlight.html", `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>highlight bench</title>
<link rel="stylesheet" href="/highlight/page.css">
<style>body{font:18px/1.7 Georgia,serif;max-width:70ch;margin:2rem auto;padding:0 1rem}mark{background:#fde68a;color:inherit}</style>
${claimlineScript}</head><body><article id="article">${articleHtml(text)}</article><script src="/highlight/page.js"></script></body></html>`);

    for (const size of SIZES) {
      const samples: Record<string, Sample> = {};
      for (const name of contenders) {
        ctx.log(`highlight: ${size} statements, ${name}`);
        const tab = await newPage();
        await tab.goto(`${server.url}/highlight.html`);
        const run = (limit?: number) => tab.evaluate(([n, s, l]) => window.bench.run(n, s, l ?? undefined), [name, size, limit ?? null] as const);
        const reps: number[] = [];
        // A warm-up of 1,000 anchors is enough to compile every path; apache-annotator at 5,000 takes ~10 s a run.
        samples[LABELS[name]] = await repeat(async () => {
          reps.push(await run());
          return reps[reps.length - 1];
        }, { warmup: () => run(1000) });
        // Every repetition in order, so a contender slowing down from one to the next shows in the log.
        ctx.log(`highlight: ${size} statements, ${name}: ${reps.map((ms) => ms.toFixed(0)).join(", ")} ms`);
        await closePage(tab);
      }
      addCase(out, "highlight", `${size.toLocaleString("en-US")} statements`, "ms", LABELS.naive, samples);
      const ours = samples[LABELS.claimline];
      if (ours) {
        const base = samples[LABELS.naive].median;
        const fastestPeer = Math.min(...PEERS.map((p) => samples[LABELS[p]].median));
        out.bars.push({ benchmark: "highlight", bar: `${size} statements: faster than every peer`, met: ours.median < fastestPeer,
          detail: `Claimline ${ours.median.toFixed(1)} ms vs fastest peer ${fastestPeer.toFixed(1)} ms (${(ours.median / fastestPeer).toFixed(2)}×)` });
        out.bars.push({ benchmark: "highlight", bar: `${size} statements: at most 1.5× the baseline`, met: ours.median <= 1.5 * base,
          detail: `${(ours.median / base).toFixed(2)}× the single-pass baseline` });
      }
    }
    out.notes.push("Timed in the page from handing over parsed anchors to the next animation frame plus a forced layout read (the same for every contender). Recogito is timed to its own onRedraw event, which comes after its debounced frame.");
    out.notes.push("@apache-annotator/dom paints the anchors back to front (in document order each match walks every text node the earlier highlights split) and collects garbage at a fixed interval inside its timed span (Chromium updates every Range and NodeIterator the library leaves behind on each DOM change until they are collected); see bench/highlight/contenders.ts.");
    return out;
  },
};

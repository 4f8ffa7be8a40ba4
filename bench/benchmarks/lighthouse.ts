import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { demoWorkspace } from "@/db/seed-data";
import { shareTimeline } from "@/db/queries/timelines";
import { ensureLocalUser } from "@/db/queries/users";
import { CHROMIUM, CHROMIUM_ARGS } from "../lib/browser";
import type { Benchmark } from "../lib/context";
import { summarize, type Sample } from "../lib/stats";
import { ROOT } from "../lib/static-server";
import { addCase, emptyOutcome } from "../lib/types";

const VERSION = "12.2.3";
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;

function lighthouseRun(url: string, preset: "mobile" | "desktop", outFile: string): Promise<void> {
  const args = ["-y", `lighthouse@${VERSION}`, url, "--quiet", "--output=json", `--output-path=${outFile}`, `--only-categories=${CATEGORIES.join(",")}`,
    `--chrome-path=${CHROMIUM}`, `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(" ")}`, ...(preset === "desktop" ? ["--preset=desktop"] : [])];
  return new Promise((resolve, reject) => execFile("npx", args, { cwd: ROOT, timeout: 180_000, maxBuffer: 64 * 1024 * 1024 }, (error, _out, stderr) =>
    error ? reject(new Error(`lighthouse failed on ${url} (${preset}): ${error.message.split("\n")[0]} ${stderr.slice(-300)}`)) : resolve()));
}

/** Lighthouse needs the npm registry the first time (npx fetches 12.2.3); without it the benchmark says why and stops. */
function lighthouseAvailable(): Promise<string | null> {
  return new Promise((resolve) => execFile("npx", ["-y", `lighthouse@${VERSION}`, "--version"], { cwd: ROOT, timeout: 300_000 }, (error, out) =>
    resolve(error ? `npx could not fetch lighthouse@${VERSION}: ${error.message.split("\n")[0]}` : out.trim() === VERSION ? null : `unexpected version ${out.trim()}`)));
}

export const lighthouse: Benchmark = {
  name: "lighthouse",
  title: `Lighthouse ${VERSION} on the demo's reader, timeline and shared timeline`,
  async run(ctx) {
    const out = emptyOutcome();
    const missing = await lighthouseAvailable();
    if (missing) {
      out.waiting.push(`lighthouse skipped: ${missing}.`);
      return out;
    }
    const bench = ctx.db();
    const slug = demoWorkspace.slug;
    const sqlite = bench.db.$client;
    const article = sqlite.prepare("SELECT a.id FROM articles a JOIN workspaces w ON w.id = a.workspace_id WHERE w.slug = ? ORDER BY a.id LIMIT 1").get(slug) as { id: number };
    // The demo's timeline is not shared by the seed: share it in this throwaway database, as the Share button does
    // (a made-up token would be refused: real ones are 128-bit random).
    const saved = sqlite.prepare("SELECT t.id, t.workspace_id AS workspaceId FROM timelines t JOIN workspaces w ON w.id = t.workspace_id WHERE w.slug = ? ORDER BY t.id LIMIT 1").get(slug) as { id: number; workspaceId: number } | undefined;
    const token = saved ? shareTimeline(bench.db, { workspaceId: saved.workspaceId, actorId: ensureLocalUser(bench.db).id, id: saved.id }).token : undefined;
    const app = await ctx.app();
    const pages: [string, string][] = [["reader", `/w/${slug}/articles/${article.id}`]];
    if (fs.existsSync(path.join(ROOT, "app/w/[slug]/timeline/page.tsx"))) pages.push(["timeline", `/w/${slug}/timeline`]);
    else out.waiting.push("lighthouse: the timeline page waits for app/w/[slug]/timeline/page.tsx.");
    const shared = fs.existsSync(path.join(ROOT, "app/s/[token]/page.tsx")) && token ? `/s/${token}` : null;
    if (shared) pages.push(["shared timeline", shared]);
    else out.waiting.push("lighthouse: the shared timeline waits for app/s/[token]/page.tsx and a shared demo timeline.");
    for (const [name, pathname] of pages) {
      for (const preset of ["mobile", "desktop"] as const) {
        ctx.log(`lighthouse: ${name}, ${preset}`);
        const file = path.join(bench.dir, `lh-${name.replace(/\W+/g, "-")}-${preset}.json`);
        try {
          await lighthouseRun(app.url + pathname, preset, file);
        } catch (error) {
          out.notes.push((error as Error).message);
          continue;
        }
        const report = JSON.parse(fs.readFileSync(file, "utf8")) as {
          categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
          audits: Record<string, { score: number | null; numericValue?: number; displayValue?: string }>;
        };
        // What cost the points, so a missed bar says where to look.
        for (const c of ["accessibility", "best-practices"]) {
          const failing = (report.categories[c]?.auditRefs ?? []).filter((r) => r.weight > 0 && report.audits[r.id]?.score !== null && (report.audits[r.id]?.score ?? 1) < 1).map((r) => r.id);
          if (failing.length) out.notes.push(`${name} (${preset}) ${c} fails: ${failing.join(", ")}`);
        }
        if (preset === "mobile") {
          const metrics = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"]
            .map((id) => `${id} ${report.audits[id]?.displayValue ?? "?"}`);
          out.notes.push(`${name} (mobile) performance: ${metrics.join(", ")}`);
        }
        const scores: Record<string, Sample> = {};
        for (const c of CATEGORIES) scores[c] = summarize([Math.round((report.categories[c]?.score ?? 0) * 100)]);
        addCase(out, "lighthouse", `${name} (${preset})`, "score", "", scores, { higherIsBetter: true });
        out.bars.push({ benchmark: "lighthouse", bar: `${name} (${preset}): accessibility 100`, met: scores.accessibility.median === 100, detail: `accessibility ${scores.accessibility.median}` });
        if (preset === "mobile") out.bars.push({ benchmark: "lighthouse", bar: `${name} (mobile): performance ≥ 90`, met: scores.performance.median >= 90, detail: `performance ${scores.performance.median}` });
      }
    }
    out.notes.push("Lighthouse runs once per page and preset (a run takes 20–60 s here); scores are absolute, judged against the bars rather than a baseline.");
    return out;
  },
};

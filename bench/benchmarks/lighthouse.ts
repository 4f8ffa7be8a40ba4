import fs from "node:fs";
import path from "node:path";
import { demoWorkspace } from "@/db/seed-data";
import { shareTimeline } from "@/db/queries/timelines";
import { ensureLocalUser } from "@/db/queries/users";
import type { Benchmark } from "../lib/context";
import { LIGHTHOUSE_VERSION as VERSION, LighthouseRunner, type LighthouseReport } from "../lib/lighthouse-runner";
import { REPS, summarize, type Sample } from "../lib/stats";
import { ROOT } from "../lib/static-server";
import { addCase, emptyOutcome } from "../lib/types";

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const MOBILE_METRICS = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"];

const score = (report: LighthouseReport, category: string) => Math.round((report.categories[category]?.score ?? 0) * 100);

export const lighthouse: Benchmark = {
  name: "lighthouse",
  title: `Lighthouse ${VERSION} on the demo's reader, timeline and shared timeline`,
  async run(ctx) {
    const out = emptyOutcome();
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
    const runner = await LighthouseRunner.start();
    if (typeof runner === "string") {
      out.waiting.push(`lighthouse skipped: ${runner}.`);
      return out;
    }
    try {
      // Dropped: the browser's first tab pays for starting its processes and fonts, which no later run does.
      ctx.log("lighthouse: warm-up run");
      await runner.run(app.url + pages[0][1], "mobile", ["performance"]);
      for (const [name, pathname] of pages) {
        for (const preset of ["mobile", "desktop"] as const) {
          ctx.log(`lighthouse: ${name}, ${preset}, ${REPS} runs`);
          const url = app.url + pathname;
          const runs: LighthouseReport[] = [];
          try {
            // Accessibility, best practices and SEO check the DOM and headers, which are the same every run: the first
            // run gathers every category, the others only what varies (the performance trace) and skip axe and the DOM checks.
            runs.push(await runner.run(url, preset, CATEGORIES));
            while (runs.length < REPS) runs.push(await runner.run(url, preset, ["performance"]));
          } catch (error) {
            out.notes.push((error as Error).message);
            continue;
          }
          const full = runs[0];
          fs.writeFileSync(path.join(bench.dir, `lh-${name.replace(/\W+/g, "-")}-${preset}.json`), JSON.stringify(full));
          // What cost the points, so a missed bar says where to look.
          for (const c of ["accessibility", "best-practices"]) {
            const failing = (full.categories[c]?.auditRefs ?? []).filter((r) => r.weight > 0 && full.audits[r.id]?.score !== null && (full.audits[r.id]?.score ?? 1) < 1).map((r) => r.id);
            if (failing.length) out.notes.push(`${name} (${preset}) ${c} fails: ${failing.join(", ")}`);
          }
          const perf = runs.map((r) => score(r, "performance"));
          const scores: Record<string, Sample> = { performance: summarize(perf) };
          if (preset === "mobile") {
            // The metrics of the run scored nearest the median, so they add up to the figure in the table.
            const gap = (k: number) => Math.abs(perf[k] - scores.performance.median);
            const median = runs[perf.reduce((best, _, k) => (gap(k) < gap(best) ? k : best), 0)];
            out.notes.push(`${name} (mobile) performance ${perf.join(" / ")}; the median run: ${MOBILE_METRICS.map((id) => `${id} ${median.audits[id]?.displayValue ?? "?"}`).join(", ")}`);
          }
          for (const c of CATEGORIES.slice(1)) scores[c] = summarize([score(full, c)]);
          addCase(out, "lighthouse", `${name} (${preset})`, "score", "", scores, { higherIsBetter: true });
          out.bars.push({ benchmark: "lighthouse", bar: `${name} (${preset}): accessibility 100`, met: scores.accessibility.median === 100, detail: `accessibility ${scores.accessibility.median}` });
          if (preset === "mobile") out.bars.push({ benchmark: "lighthouse", bar: `${name} (mobile): performance ≥ 90`, met: scores.performance.median >= 90, detail: `performance ${scores.performance.median} (${perf.join(", ")})` });
        }
      }
    } finally {
      runner.close();
    }
    out.notes.push(`Lighthouse ${VERSION} through its Node API, one headless Chromium for every run, each run in a new tab with the origin's storage and the cache cleared. Performance is the median of ${REPS} runs per page and preset after one warm-up run; accessibility, best practices and SEO come from the first of them. Scores are absolute, judged against the bars rather than a baseline.`);
    return out;
  },
};

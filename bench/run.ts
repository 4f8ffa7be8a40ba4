// `npm run bench`: runs every benchmark (or BENCH_ONLY=name[,name]), prints
// the table and writes bench/results/latest.json. See bench/README.md.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromiumVersion } from "./lib/browser";
import { BenchContext, type Benchmark } from "./lib/context";
import { ROOT } from "./lib/static-server";
import { barLines, textTable } from "./lib/table";
import { resultsMarkdown } from "./lib/results-md";
import { emptyOutcome, type Outcome } from "./lib/types";
import { REPS } from "./lib/stats";
import { highlight } from "./benchmarks/highlight";
import { reader } from "./benchmarks/reader";
import { timeline } from "./benchmarks/timeline";
import { flags } from "./benchmarks/flags";
import { writes } from "./benchmarks/writes";
import { exportsBench } from "./benchmarks/exports";
import { search } from "./benchmarks/search";
import { lighthouse } from "./benchmarks/lighthouse";

const ALL: Benchmark[] = [flags, search, highlight, reader, timeline, writes, exportsBench, lighthouse];

function machine(chromium: string) {
  const git = (...args: string[]) => { try { return execFileSync("git", args, { cwd: ROOT, encoding: "utf8" }).trim(); } catch { return "unknown"; } };
  return {
    cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? "unknown", memoryGiB: Math.round(os.totalmem() / 2 ** 30 * 10) / 10,
    node: process.version, chromium, commit: git("rev-parse", "--short", "HEAD") + (git("status", "--porcelain") ? " (uncommitted changes)" : ""),
  };
}

async function main() {
  process.chdir(ROOT);
  const only = process.env.BENCH_ONLY?.split(",").map((s) => s.trim()).filter(Boolean);
  const unknown = only?.filter((n) => !ALL.some((b) => b.name === n)) ?? [];
  if (unknown.length) {
    console.error(`Unknown benchmark ${unknown.join(", ")}. Choose from: ${ALL.map((b) => b.name).join(", ")}.`);
    process.exit(2);
  }
  const chosen = only ? ALL.filter((b) => only.includes(b.name)) : ALL;
  const ctx = new BenchContext();
  const started = Date.now();
  const results: Record<string, Outcome & { seconds: number; error?: string }> = {};
  try {
    for (const b of chosen) {
      ctx.log(`== ${b.name}: ${b.title}`);
      const t0 = Date.now();
      try {
        results[b.name] = { ...(await b.run(ctx)), seconds: (Date.now() - t0) / 1000 };
      } catch (error) {
        // One broken benchmark must not hide the others' figures.
        ctx.log(`${b.name} failed: ${(error as Error).stack}`);
        results[b.name] = { ...emptyOutcome(), seconds: (Date.now() - t0) / 1000, error: (error as Error).message };
      }
      ctx.log(`${b.name} took ${results[b.name].seconds.toFixed(0)} s`);
    }
    const report = {
      date: new Date().toISOString(), machine: machine(await chromiumVersion()), repetitions: REPS,
      totalSeconds: (Date.now() - started) / 1000, benchmarks: results,
    };
    fs.mkdirSync(path.join(ROOT, "bench", "results"), { recursive: true });
    fs.writeFileSync(path.join(ROOT, "bench", "results", "latest.json"), JSON.stringify(report, null, 2));
    // RESULTS.md records full runs only; BENCH_ONLY runs are for working on one benchmark.
    if (!only) fs.writeFileSync(path.join(ROOT, "bench", "RESULTS.md"), resultsMarkdown(report));
    const all = Object.values(results);
    console.log(`\nClaimline benchmarks — ${report.date}, ${report.machine.cores} cores, ${report.machine.memoryGiB} GiB, Node ${report.machine.node}, Chromium ${report.machine.chromium}, commit ${report.machine.commit}\n`);
    console.log(textTable(all.flatMap((o) => o.rows)));
    const bars = all.flatMap((o) => o.bars);
    if (bars.length) console.log(`\nBars\n${barLines(bars)}`);
    const waiting = all.flatMap((o) => o.waiting);
    if (waiting.length) console.log(`\nWaiting\n${waiting.map((w) => `- ${w}`).join("\n")}`);
    const notes = Object.entries(results).flatMap(([name, o]) => [...o.notes.map((n) => `- [${name}] ${n}`), ...(o.error ? [`- [${name}] FAILED: ${o.error}`] : [])]);
    if (notes.length) console.log(`\nNotes\n${notes.join("\n")}`);
    console.log(`\nTotal ${report.totalSeconds.toFixed(0)} s; wrote bench/results/latest.json${only ? "" : " and bench/RESULTS.md"}`);
  } finally {
    await ctx.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

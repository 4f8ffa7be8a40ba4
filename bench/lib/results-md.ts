import { markdownTable } from "./table";
import type { Outcome } from "./types";

export interface BenchReport {
  date: string;
  machine: { cores: number; cpu: string; memoryGiB: number; node: string; chromium: string; commit: string };
  repetitions: number;
  totalSeconds: number;
  benchmarks: Record<string, Outcome & { seconds: number; error?: string }>;
}

/** bench/RESULTS.md from a full run's report: when, on what, at which commit, then the table, bars and notes. */
export function resultsMarkdown(report: BenchReport): string {
  const all = Object.entries(report.benchmarks);
  const m = report.machine;
  const bars = all.flatMap(([, o]) => o.bars);
  const notes = all.flatMap(([name, o]) => [...o.notes.map((n) => `- **${name}**: ${n}`), ...(o.error ? [`- **${name}** FAILED: ${o.error}`] : [])]);
  const waiting = all.flatMap(([, o]) => o.waiting);
  return [
    "# Benchmark results",
    "",
    `Written by \`npm run bench\` (a full run) on ${report.date.slice(0, 10)} at ${report.date.slice(11, 16)} UTC; how to read it: [README.md](README.md).`,
    "",
    `- Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node}, Chromium ${m.chromium}`,
    `- Commit: ${m.commit}`,
    `- ${report.repetitions} repetitions after a warm-up; the whole run took ${Math.round(report.totalSeconds / 60)} minutes`,
    "",
    "## Bars",
    "",
    ...(bars.length ? bars.map((b) => `- ${b.met ? "**MET**" : "**MISSED**"} [${b.benchmark}] ${b.bar}: ${b.detail}`) : ["- (none measured)"]),
    "",
    "## Figures",
    "",
    markdownTable(all.flatMap(([, o]) => o.rows)),
    "",
    ...(waiting.length ? ["## Not measured", "", ...waiting.map((w) => `- ${w}`), ""] : []),
    "## Notes",
    "",
    ...notes,
    "",
  ].join("\n");
}

import type { Bar, Row } from "./types";

function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  if (abs >= 1000) return Math.round(n).toLocaleString("en-US");
  if (abs >= 100) return n.toFixed(0);
  if (abs >= 10) return n.toFixed(1);
  if (abs >= 1) return n.toFixed(2);
  return n.toPrecision(2);
}

export function formatRow(r: Row): string[] {
  const s = r.sample;
  const figure = s.n > 1 ? `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)}) ${r.unit}` : `${fmt(s.median)} ${r.unit}`;
  const ratio = !r.ratio ? "—" : r.contender === r.baseline ? "1× (baseline)"
    : s.n > 1 ? `${fmt(r.ratio.median)}× (${fmt(r.ratio.min)}–${fmt(r.ratio.max)})` : `${fmt(r.ratio.median)}×`;
  return [r.benchmark, r.case, r.contender, figure, ratio];
}

const HEAD = ["benchmark", "case", "contender", "median (min–max)", "ratio to baseline"];

/** A plain-text table for the terminal. */
export function textTable(rows: Row[]): string {
  const cells = [HEAD, ...rows.map(formatRow)];
  const widths = HEAD.map((_, i) => Math.max(...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i])).join("  ");
  return [line(HEAD), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

/** The same table in Markdown, for RESULTS.md. */
export function markdownTable(rows: Row[]): string {
  const esc = (v: string) => v.replace(/\|/g, "\\|");
  return [`| ${HEAD.join(" | ")} |`, `| ${HEAD.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${formatRow(r).map(esc).join(" | ")} |`)].join("\n");
}

export function barLines(bars: Bar[]): string {
  return bars.map((b) => `${b.met ? "MET " : "MISS"}  [${b.benchmark}] ${b.bar}: ${b.detail}`).join("\n");
}

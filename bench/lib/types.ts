import type { Sample } from "./stats";

/** One line of the results table: a contender's figure and its ratio to the baseline of the same case. */
export interface Row {
  benchmark: string;
  case: string;
  contender: string;
  /** "ms", "req/s", "rows/s", "KB", "MB", "score". */
  unit: string;
  sample: Sample;
  /** Name of the baseline contender this row is divided by (itself for the baseline row). */
  baseline: string;
  /** sample / baseline median (median, min, max); for throughputs the ratio is still contender ÷ baseline. */
  ratio: Sample | null;
  /** Whether bigger numbers are better (throughput, scores) — the README explains how to read ratios then. */
  higherIsBetter?: boolean;
  note?: string;
}

export interface Bar {
  benchmark: string;
  bar: string;
  met: boolean;
  detail: string;
}

export interface Outcome {
  rows: Row[];
  bars: Bar[];
  /** Parts that cannot run yet, each with what they wait on. */
  waiting: string[];
  notes: string[];
}

export function emptyOutcome(): Outcome {
  return { rows: [], bars: [], waiting: [], notes: [] };
}

export function ratioOf(sample: Sample, baseline: Sample): Sample {
  const b = baseline.median;
  return { median: sample.median / b, min: sample.min / b, max: sample.max / b, n: sample.n };
}

/** Adds rows for one case: the baseline first, then every contender divided by it. */
export function addCase(out: Outcome, benchmark: string, kase: string, unit: string, baselineName: string,
  samples: Record<string, Sample>, opts: { higherIsBetter?: boolean; notes?: Record<string, string> } = {}) {
  const base = samples[baselineName];
  for (const [contender, sample] of Object.entries(samples)) {
    out.rows.push({
      benchmark, case: kase, contender, unit, sample, baseline: baselineName,
      ratio: base ? ratioOf(sample, base) : null, higherIsBetter: opts.higherIsBetter, note: opts.notes?.[contender],
    });
  }
}

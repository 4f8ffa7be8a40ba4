/** A measured figure: median of the repetitions, with their spread. */
export interface Sample {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function summarize(values: number[]): Sample {
  if (values.length === 0) throw new Error("No values to summarize.");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length };
}

/** The q-quantile (0..1) by nearest rank, e.g. p99 of request latencies. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export const REPS = Number(process.env.BENCH_REPS || 5);

/**
 * One warm-up call (its result dropped) then `reps` measured calls. The
 * warm-up may use a lighter input (see `warmup`) when one call takes many
 * seconds: it only has to get the code compiled and caches filled.
 */
export async function repeat(measure: () => Promise<number> | number, { reps = REPS, warmup = measure as () => Promise<number> | number } = {}): Promise<Sample> {
  await warmup();
  const values: number[] = [];
  for (let i = 0; i < reps; i++) values.push(await measure());
  return summarize(values);
}

/**
 * `repeat` for several contenders that a ratio compares: each is warmed up once (with `warmup` when given), then
 * they run in turn, one call of each per round, `reps` rounds. Drift on a shared machine then falls on all of them
 * alike; timed in blocks, a ratio moved with whatever else the machine was doing. Results come back per contender.
 */
export async function inTurns<T>(contenders: { run: () => Promise<T> | T; warmup?: () => unknown }[], reps = REPS): Promise<T[][]> {
  for (const c of contenders) await (c.warmup ?? c.run)();
  const results = contenders.map((): T[] => []);
  for (let i = 0; i < reps; i++) for (const [k, c] of contenders.entries()) results[k].push(await c.run());
  return results;
}

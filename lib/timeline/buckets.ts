import type { DatePrecision } from "../domain/enums";
import { saidOnInterval } from "../domain/said-on";
import type { TimelineOrder, TimelineScale } from "./view-state";

/** What grouping needs of a row; the page's rows carry more. */
export interface DatedRow {
  id: number;
  speakerId: number;
  saidOn: string;
  saidOnPrecision: DatePrecision;
}

export interface TimelineBucket<R> {
  /** "2024", "2024-09" or "2024-09-02": the period the header names. */
  key: string;
  label: string;
  rows: R[];
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
export const MONTHS_SHORT = MONTHS.map((m) => m.slice(0, 3));

/** Past this many months, month headers become a wall; years read better. */
const LONG_RANGE_MONTHS = 36;

/** The scale to show: the one asked for, else month, or year for ranges longer than three years. */
export function resolveScale(scale: TimelineScale | null, rows: readonly DatedRow[]): TimelineScale {
  if (scale) return scale;
  if (rows.length < 2) return "month";
  let min = rows[0].saidOn;
  let max = rows[0].saidOn;
  for (const r of rows) {
    if (r.saidOn < min) min = r.saidOn;
    if (r.saidOn > max) max = r.saidOn;
  }
  const months = (Number(max.slice(0, 4)) - Number(min.slice(0, 4))) * 12 + Number(max.slice(5, 7)) - Number(min.slice(5, 7));
  return months > LONG_RANGE_MONTHS ? "year" : "month";
}

/**
 * The bucket a row falls in. A statement dated less precisely than the scale
 * gets its own bucket ("Sep 2024, day not known") rather than being forced
 * into a day it may not have been said on.
 */
function bucketOf(row: DatedRow, scale: TimelineScale): { key: string; label: string } {
  const y = row.saidOn.slice(0, 4);
  const m = Number(row.saidOn.slice(5, 7)) - 1;
  if (scale === "year" || row.saidOnPrecision === "year") {
    return { key: y, label: scale === "year" ? y : `${y}, ${scale === "day" ? "day and month" : "month"} not known` };
  }
  if (scale === "month" || row.saidOnPrecision === "month") {
    return { key: row.saidOn.slice(0, 7), label: scale === "month" ? `${MONTHS[m]} ${y}` : `${MONTHS_SHORT[m]} ${y}, day not known` };
  }
  return { key: row.saidOn, label: `${Number(row.saidOn.slice(8, 10))} ${MONTHS_SHORT[m]} ${y}` };
}

/**
 * Groups rows into period buckets. Buckets are ordered by the end of their
 * period, then shorter first, so "sometime in 2024" follows all of 2024's
 * months; rows keep their given (chronological) order inside a bucket.
 * With order "desc" everything is reversed.
 */
export function groupIntoBuckets<R extends DatedRow>(rows: readonly R[], scale: TimelineScale, order: TimelineOrder = "asc"): TimelineBucket<R>[] {
  const buckets = new Map<string, TimelineBucket<R> & { end: string; start: string }>();
  for (const row of rows) {
    const { key, label } = bucketOf(row, scale);
    let bucket = buckets.get(key);
    if (!bucket) {
      const precision: DatePrecision = key.length === 4 ? "year" : key.length === 7 ? "month" : "day";
      const interval = saidOnInterval({ date: precision === "year" ? `${key}-01-01` : precision === "month" ? `${key}-01` : key, precision });
      bucket = { key, label, rows: [], start: interval.start, end: interval.end };
      buckets.set(key, bucket);
    }
    bucket.rows.push(row);
  }
  const sorted = [...buckets.values()].sort((a, b) => (a.end !== b.end ? (a.end < b.end ? -1 : 1) : a.start < b.start ? 1 : a.start > b.start ? -1 : 0));
  const out = sorted.map(({ key, label, rows: rs }) => ({ key, label, rows: order === "desc" ? [...rs].reverse() : rs }));
  return order === "desc" ? out.reverse() : out;
}

export interface Lane {
  speakerId: number;
  index: number;
}

/** More lanes than this and each card gets too narrow to read: fall back to one column. */
export const MAX_LANES = 4;

/**
 * One lane per speaker, in the order they first speak. Empty when a single
 * column is better: one speaker, or too many to fit side by side.
 */
export function assignLanes(rows: readonly DatedRow[]): Lane[] {
  const seen: number[] = [];
  for (const r of rows) if (!seen.includes(r.speakerId)) seen.push(r.speakerId);
  if (seen.length < 2 || seen.length > MAX_LANES) return [];
  return seen.map((speakerId, index) => ({ speakerId, index }));
}

/** Interval lookup over statement spans, for "which statements are under this click". */

export type SpanId = string | number;

export interface Span {
  id: SpanId;
  start: number;
  end: number;
}

export interface SortedSpans<T extends Span = Span> {
  spans: readonly T[];
  /** maxEnd[i] = max end of spans[0..i]; lets a lookup stop once nothing earlier can reach the offset. */
  maxEnd: readonly number[];
}

export function sortSpans<T extends Span>(spans: readonly T[]): SortedSpans<T> {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const maxEnd: number[] = [];
  let m = -Infinity;
  for (const s of sorted) maxEnd.push((m = Math.max(m, s.end)));
  return { spans: sorted, maxEnd };
}

/**
 * Spans with start <= offset < end, shortest first, because the innermost
 * statement is what a click most plausibly meant. O(log n + spans scanned);
 * the scan stops as soon as no earlier span can still cover the offset.
 */
export function spansAt<T extends Span>(sorted: SortedSpans<T>, offset: number): T[] {
  const { spans, maxEnd } = sorted;
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start <= offset) lo = mid + 1;
    else hi = mid;
  }
  const hits: T[] = [];
  for (let i = lo - 1; i >= 0 && maxEnd[i] > offset; i--) {
    if (spans[i].end > offset) hits.push(spans[i]);
  }
  return hits.sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start);
}

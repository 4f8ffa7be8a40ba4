import { STATEMENT_KINDS, type StatementKind } from "../domain/enums";

/** The zoom of the spine: the size of the period each header covers. */
export const TIMELINE_SCALES = ["day", "month", "year"] as const;
export type TimelineScale = (typeof TIMELINE_SCALES)[number];
export const TIMELINE_ORDERS = ["asc", "desc"] as const;
export type TimelineOrder = (typeof TIMELINE_ORDERS)[number];

/**
 * Everything that decides what a timeline shows. The URL's search params, a
 * saved timeline's `filter` column and a share link all hold this one shape,
 * so any of them reproduces the same view.
 */
export interface TimelineViewState {
  topics: number[];
  speakers: number[];
  kinds: StatementKind[];
  /** Inclusive bounds as YYYY, YYYY-MM or YYYY-MM-DD; a month means the whole month. */
  from: string | null;
  to: string | null;
  /** Only statements that take part in a flag. */
  flagged: boolean;
  /** Only flags a person confirmed (and, with `flagged`, only their statements). */
  confirmed: boolean;
  /** null = chosen from the range shown (month, or year for long ranges). */
  scale: TimelineScale | null;
  order: TimelineOrder;
  selected: number | null;
}

export const DEFAULT_VIEW: TimelineViewState = Object.freeze({
  topics: [], speakers: [], kinds: [], from: null, to: null, flagged: false, confirmed: false, scale: null, order: "asc", selected: null,
}) as TimelineViewState;

const BOUND = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const MAX_IDS = 200;

/** "1,2", ["1","2"], [1,2] and 1 all mean the ids 1 and 2; junk is dropped, not fatal. */
function readIds(v: unknown): number[] {
  const ids = new Set<number>();
  for (const item of toList(v)) {
    const n = typeof item === "number" ? item : typeof item === "string" && /^\d{1,15}$/.test(item.trim()) ? Number(item.trim()) : NaN;
    if (Number.isSafeInteger(n) && n > 0) ids.add(n);
  }
  return [...ids].sort((a, b) => a - b).slice(0, MAX_IDS);
}

function readKinds(v: unknown): StatementKind[] {
  const wanted = new Set(toList(v).map((i) => String(i).trim()));
  return STATEMENT_KINDS.filter((k) => wanted.has(k));
}

function readBound(v: unknown): string | null {
  const s = typeof v === "string" ? v.trim() : "";
  return BOUND.test(s) && isRealDate(s) ? s : null;
}

const readFlag = (v: unknown) => v === true || v === 1 || v === "1" || v === "true";
const oneOf = <T extends string>(values: readonly T[], v: unknown): T | null => (values.includes(v as T) ? (v as T) : null);

function readId(v: unknown): number | null {
  const n = typeof v === "number" ? v : typeof v === "string" && /^\d{1,15}$/.test(v) ? Number(v) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** A part that cannot be read (a symbol, an object that throws on toString) falls back instead of failing the view. */
function lenient<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

type ParamsLike = URLSearchParams | Record<string, unknown> | null | undefined;

/** Reads URL search params (URLSearchParams or Next's `searchParams` object) or a stored filter object. */
export function parseTimelineView(input: ParamsLike): TimelineViewState {
  const raw: Record<string, unknown> = {};
  if (input instanceof URLSearchParams) {
    for (const key of input.keys()) {
      const all = input.getAll(key);
      raw[key] = all.length > 1 ? all : all[0];
    }
  } else if (input && typeof input === "object" && !Array.isArray(input)) {
    Object.assign(raw, input);
  }
  // Lenient on purpose, and plain functions rather than a zod schema: this never refuses (a hand-edited or
  // outdated URL still opens a timeline, with the parts it cannot read left at their defaults), and the
  // timeline's filters run it in the browser, where zod would add 110 KB of script to the page.
  const view: TimelineViewState = {
    topics: lenient(() => readIds(raw.topics), []),
    speakers: lenient(() => readIds(raw.speakers), []),
    kinds: lenient(() => readKinds(raw.kinds), []),
    from: lenient(() => readBound(raw.from), null),
    to: lenient(() => readBound(raw.to), null),
    flagged: readFlag(raw.flagged),
    confirmed: readFlag(raw.confirmed),
    scale: oneOf(TIMELINE_SCALES, raw.scale),
    order: oneOf(TIMELINE_ORDERS, raw.order) ?? "asc",
    selected: readId(raw.selected),
  };
  if (view.from && view.to && boundStart(view.from) > boundEnd(view.to)) [view.from, view.to] = [view.to, view.from];
  return view;
}

/**
 * Canonical query string: fixed key order, sorted ids, defaults left out, so
 * the same view always gives the same URL (and "" for the default view).
 */
export function serializeTimelineView(view: TimelineViewState): string {
  const v = parseTimelineView(view as unknown as Record<string, unknown>);
  const parts: [string, string][] = [];
  if (v.speakers.length) parts.push(["speakers", v.speakers.join(",")]);
  if (v.topics.length) parts.push(["topics", v.topics.join(",")]);
  if (v.kinds.length) parts.push(["kinds", v.kinds.join(",")]);
  if (v.from) parts.push(["from", v.from]);
  if (v.to) parts.push(["to", v.to]);
  if (v.flagged) parts.push(["flagged", "1"]);
  if (v.confirmed) parts.push(["confirmed", "1"]);
  if (v.scale) parts.push(["scale", v.scale]);
  if (v.order !== "asc") parts.push(["order", v.order]);
  if (v.selected) parts.push(["selected", String(v.selected)]);
  // Commas are safe in a query and keep "speakers=1,2" readable.
  return parts.map(([k, val]) => `${k}=${encodeURIComponent(val).replace(/%2C/g, ",")}`).join("&");
}

/**
 * What a saved timeline stores: the filter, without the reader's position
 * (selected statement), in the same keys as the URL.
 */
export function toStoredFilter(view: TimelineViewState): Record<string, unknown> {
  const v = parseTimelineView(view as unknown as Record<string, unknown>);
  const out: Record<string, unknown> = {};
  if (v.speakers.length) out.speakers = v.speakers;
  if (v.topics.length) out.topics = v.topics;
  if (v.kinds.length) out.kinds = v.kinds;
  if (v.from) out.from = v.from;
  if (v.to) out.to = v.to;
  if (v.flagged) out.flagged = true;
  if (v.confirmed) out.confirmed = true;
  if (v.scale) out.scale = v.scale;
  if (v.order !== "asc") out.order = v.order;
  return out;
}

export function withView(view: TimelineViewState, change: Partial<TimelineViewState>): TimelineViewState {
  return parseTimelineView({ ...view, ...change } as unknown as Record<string, unknown>);
}

/** First day a bound covers (ISO). */
export function boundStart(bound: string): string {
  return bound.length === 4 ? `${bound}-01-01` : bound.length === 7 ? `${bound}-01` : bound;
}

/** Last day a bound covers (ISO). */
export function boundEnd(bound: string): string {
  if (bound.length === 4) return `${bound}-12-31`;
  if (bound.length === 7) {
    const [y, m] = bound.split("-").map(Number);
    return `${bound}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, "0")}`;
  }
  return bound;
}

function isRealDate(s: string): boolean {
  if (s.length < 10) return true;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function toList(v: unknown): unknown[] {
  if (Array.isArray(v)) return v.flatMap((x) => (typeof x === "string" ? x.split(",") : [x]));
  if (typeof v === "string") return v.split(",");
  if (typeof v === "number") return [v];
  return [];
}

import type { DatePrecision, FlagRule, Stance, StatementKind } from "../domain/enums";
import type { FlagSeverity, FlagStatus } from "../flags/engine";
import { assignLanes, groupIntoBuckets, type DatedRow } from "./buckets";
import { gutterCells, gutterWidth, placeFlags, type GutterPart, type PlacedFlag } from "./flag-layout";
import type { TimelineOrder, TimelineScale } from "./view-state";

/** Above this many rows only the rows near the viewport are rendered, and a page sends only some of them. */
export const VIRTUALIZE_ABOVE = 300;

/** A statement as the timeline shows it. Deliberately without private notes or authorship. */
export interface TimelineStatement extends DatedRow {
  articleId: number;
  speakerName: string;
  quote: string;
  summary: string;
  kind: StatementKind;
  saidOnPrecision: DatePrecision;
  stances: { topicId: number; topicName: string; color: number; stance: Stance; condition: string }[];
  articleTitle: string;
  publisher: string | null;
  articleUrl: string | null;
  /** The note only when its author made it public; private notes never leave the workspace. */
  publicNote: string | null;
}

export interface TimelineFlag {
  key: string;
  rule: FlagRule;
  severity: FlagSeverity;
  status: FlagStatus;
  earlierId: number;
  laterId: number;
  /** In words with names and dates, never ids. */
  rationale: string;
  orderUncertain: boolean;
}

/** The other end of a flag, as much as a row needs to name it and jump to it. */
export interface FlagPartner {
  id: number;
  /** Its display position, so a jump can scroll to a row that is not loaded yet. */
  index: number;
  speakerId: number;
  speakerName: string;
  saidOn: string;
  saidOnPrecision: DatePrecision;
}

export interface RowFlag {
  flag: TimelineFlag;
  /** Position of this flag in reading order (what "next flag" walks). */
  placed: number;
  other: FlagPartner | undefined;
}

/** One piece of a flag's bracket in a row's gutter (its rationale is on the rows at either end). */
export interface RowCell {
  key: string;
  column: number;
  part: GutterPart;
  severity: FlagSeverity;
}

/** Everything one row draws: the client never needs the other 9,999 to draw it. */
export interface TimelineRowView {
  index: number;
  statement: TimelineStatement;
  flags: RowFlag[];
  cells: RowCell[];
}

/**
 * The shape of the whole list, small whatever its length: bucket headers with
 * their row counts (the virtual list's geometry), the gutter width, the speaker
 * lanes and where each flag starts (for "next flag").
 */
export interface TimelineSkeleton {
  /** Changes when the rows, their order or their flags do: a window fetched for another version would not line up. */
  version: string;
  total: number;
  flagCount: number;
  buckets: { key: string; label: string; count: number }[];
  gutter: number;
  lanes: { speakerId: number; name: string }[];
  /** The upper row of each placed flag, in reading order. */
  flagTops: number[];
}

export interface TimelineModel {
  skeleton: TimelineSkeleton;
  /** Display-order statement ids (index → id). */
  ids: number[];
  row(index: number): TimelineRowView;
  rows(from: number, to: number): TimelineRowView[];
}

/**
 * Lays out a timeline once: buckets, flag brackets, gutter cells and lanes.
 * Rows are built on demand, so a server can hand out any window of a
 * 10,000-row timeline without serialising the rest.
 */
export function buildTimelineModel(statements: readonly TimelineStatement[], flags: readonly TimelineFlag[], scale: TimelineScale, order: TimelineOrder): TimelineModel {
  const buckets = groupIntoBuckets(statements, scale, order);
  const shown = buckets.flatMap((b) => b.rows);
  const ids = shown.map((s) => s.id);
  const placed: PlacedFlag[] = placeFlags(ids, flags);
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const flagByKey = new Map(flags.map((f) => [f.key, f]));
  const rowFlags = new Map<number, { key: string; placed: number; other: number }[]>();
  placed.forEach((p, i) => {
    const f = flagByKey.get(p.key)!;
    for (const [self, other] of [[f.earlierId, f.laterId], [f.laterId, f.earlierId]]) {
      const list = rowFlags.get(self) ?? [];
      list.push({ key: p.key, placed: i, other });
      rowFlags.set(self, list);
    }
  });
  const cells = gutterCells(placed, shown.length);
  const lanes = assignLanes(statements);
  const names = new Map(statements.map((s) => [s.speakerId, s.speakerName]));

  const partner = (id: number): FlagPartner | undefined => {
    const index = indexOf.get(id);
    if (index === undefined) return undefined;
    const s = shown[index];
    return { id, index, speakerId: s.speakerId, speakerName: s.speakerName, saidOn: s.saidOn, saidOnPrecision: s.saidOnPrecision };
  };
  const row = (index: number): TimelineRowView => {
    const statement = shown[index];
    return {
      index, statement,
      flags: (rowFlags.get(statement.id) ?? []).map((r) => ({ flag: flagByKey.get(r.key)!, placed: r.placed, other: partner(r.other) })),
      cells: cells[index].map((c) => ({ ...c, severity: flagByKey.get(c.key)!.severity })),
    };
  };
  return {
    skeleton: {
      version: fingerprint(ids, placed),
      total: shown.length,
      flagCount: flags.length,
      buckets: buckets.map((b) => ({ key: b.key, label: b.label, count: b.rows.length })),
      gutter: gutterWidth(placed),
      lanes: lanes.map((l) => ({ speakerId: l.speakerId, name: names.get(l.speakerId) ?? "" })),
      flagTops: placed.map((p) => p.top),
    },
    ids,
    row,
    rows: (from, to) => {
      const out: TimelineRowView[] = [];
      for (let i = Math.max(0, from); i < Math.min(to, shown.length); i++) out.push(row(i));
      return out;
    },
  };
}

/** Rows a page sends with its HTML: all of a short timeline; of a long one, the start, the end and the rows around a selection. */
export function initialRows(model: TimelineModel, { selectedId, whole, edge }: { selectedId: number | null; whole: number; edge: number }): TimelineRowView[] {
  const total = model.skeleton.total;
  if (total <= whole) return model.rows(0, total);
  const ranges: [number, number][] = [[0, edge], [total - edge, total]];
  const selected = selectedId === null ? -1 : model.ids.indexOf(selectedId);
  if (selected >= 0) ranges.push([selected - edge / 2, selected + edge / 2]);
  const wanted = new Set<number>();
  for (const [from, to] of ranges) for (let i = Math.max(0, Math.floor(from)); i < Math.min(total, to); i++) wanted.add(i);
  return [...wanted].sort((a, b) => a - b).map((i) => model.row(i));
}

/** FNV-1a over the display order and the placed flags: cheap, and any insertion, deletion or move changes it. */
function fingerprint(ids: readonly number[], placed: readonly PlacedFlag[]): string {
  let h = 0x811c9dc5;
  const mix = (n: number) => {
    h ^= n;
    h = Math.imul(h, 0x01000193) >>> 0;
  };
  for (const id of ids) mix(id);
  for (const p of placed) {
    for (let i = 0; i < p.key.length; i++) mix(p.key.charCodeAt(i));
    mix(p.top);
    mix(p.column);
  }
  return `${ids.length}-${placed.length}-${h.toString(36)}`;
}

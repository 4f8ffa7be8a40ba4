"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { assignLanes, groupIntoBuckets, type TimelineBucket } from "@/lib/timeline/buckets";
import { gutterCells, gutterWidth, placeFlags, stepFlag } from "@/lib/timeline/flag-layout";
import { severityLabel } from "@/lib/timeline/describe";
import { serializeTimelineView, withView, type TimelineOrder, type TimelineScale, type TimelineViewState } from "@/lib/timeline/view-state";
import type { TimelineFlag, TimelineStatement } from "@/db/queries/timeline-view";
import { Button } from "@/components/ui/button";
import { dateOf, TimelineRow, type RowFlag, type VirtualPlacement } from "./timeline-row";
import { VirtualTimelineList } from "./virtual-list";
import "./timeline.css";

/** Above this many rows only the rows near the viewport are rendered. */
export const VIRTUALIZE_ABOVE = 300;

export interface TimelineProps {
  statements: TimelineStatement[];
  flags: TimelineFlag[];
  scale: TimelineScale;
  order: TimelineOrder;
  selected: number | null;
  /** The state links encode (selecting a statement keeps the rest of it). */
  linkState: TimelineViewState;
  readerBase: string | null;
  compact?: boolean;
}

export type ListItem<R> = { type: "header"; bucket: TimelineBucket<R> } | { type: "row"; statement: R; index: number };
type RowItem = Extract<ListItem<TimelineStatement>, { type: "row" }>;

export function Timeline({ statements, flags, scale, order, selected, linkState, readerBase, compact = false }: TimelineProps) {
  const buckets = useMemo(() => groupIntoBuckets(statements, scale, order), [statements, scale, order]);
  const layout = useMemo(() => {
    const shown = buckets.flatMap((b) => b.rows);
    const placed = placeFlags(shown.map((s) => s.id), flags);
    const byId = new Map(shown.map((s) => [s.id, s]));
    const flagByKey = new Map(flags.map((f) => [f.key, f]));
    const rowFlags = new Map<number, RowFlag[]>();
    for (const p of placed) {
      const f = flagByKey.get(p.key)!;
      for (const [self, other] of [[f.earlierId, f.laterId], [f.laterId, f.earlierId]]) {
        const list = rowFlags.get(self) ?? [];
        list.push({ flag: f, other: byId.get(other) });
        rowFlags.set(self, list);
      }
    }
    const items: ListItem<TimelineStatement>[] = [];
    const groups: { bucket: TimelineBucket<TimelineStatement>; rows: RowItem[] }[] = [];
    let index = 0;
    for (const bucket of buckets) {
      items.push({ type: "header", bucket });
      const rows: RowItem[] = bucket.rows.map((statement) => ({ type: "row", statement, index: index++ }));
      items.push(...rows);
      groups.push({ bucket, rows });
    }
    const lanes = assignLanes(statements);
    return {
      shown, placed, byId, flagByKey, rowFlags, items, groups, cells: gutterCells(placed, shown.length), gutter: gutterWidth(placed),
      lanes, laneOf: new Map(lanes.map((l) => [l.speakerId, l.index])),
    };
  }, [buckets, flags, statements]);

  const [active, setActive] = useState<number | null>(null);
  const activeFlag = active === null ? null : layout.placed[active] ?? null;
  const virtual = statements.length > VIRTUALIZE_ABOVE;
  const scrollToRowRef = useRef<(statementId: number) => void>(() => {});

  const focusRow = useCallback((statementId: number) => {
    scrollToRowRef.current(statementId);
    // The row may only exist after the virtual list scrolls to it.
    requestAnimationFrame(() => requestAnimationFrame(() => {
      const el = document.getElementById(`row-${statementId}`);
      el?.focus({ preventScroll: !virtual });
      if (!virtual) el?.scrollIntoView({ block: "center" });
    }));
  }, [virtual]);

  const goToFlag = useCallback((direction: 1 | -1) => {
    const next = stepFlag(active, layout.placed.length, direction);
    if (next === null) return;
    setActive(next);
    focusRow(layout.shown[layout.placed[next].top].id);
  }, [active, layout, focusRow]);

  const jump = useCallback((statementId: number, flagKey: string) => {
    const i = layout.placed.findIndex((p) => p.key === flagKey);
    if (i >= 0) setActive(i);
    focusRow(statementId);
  }, [layout, focusRow]);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || ["TEXTAREA", "SELECT"].includes(t.tagName) || isTextInput(t) || t.closest("dialog[open]"))) return;
      const k = e.key.toLowerCase();
      if (k === "j" || k === "n") { e.preventDefault(); goToFlag(1); }
      if (k === "k" || k === "p") { e.preventDefault(); goToFlag(-1); }
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [goToFlag]);

  useEffect(() => {
    if (selected !== null && layout.byId.has(selected)) focusRow(selected);
    // Only when arriving with a selection in the URL, not on every re-render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const selectHref = (id: number) => `?${serializeTimelineView(withView(linkState, { selected: id }))}`;
  const renderRow = (item: RowItem, extra?: { posinset: number; setsize: number; placement?: VirtualPlacement }) => (
    <TimelineRow key={item.statement.id} statement={item.statement} flags={layout.rowFlags.get(item.statement.id) ?? []}
      cells={layout.cells[item.index]} flagByKey={layout.flagByKey} activeKey={activeFlag?.key ?? null}
      lane={layout.laneOf.get(item.statement.speakerId) ?? 0} laneCount={layout.lanes.length}
      selected={selected === item.statement.id} selectHref={selectHref(item.statement.id)} readerBase={readerBase} onJump={jump} {...extra} />
  );

  const status = activeFlag ? describeActive(layout.flagByKey.get(activeFlag.key)!, layout.byId, active!, layout.placed.length) : "";
  const listLabel = `Statements, ${order === "asc" ? "oldest" : "newest"} first`;
  const style = { "--tl-gutter": layout.gutter } as React.CSSProperties;

  return (
    <section aria-label="Timeline" className="tl" style={style}>
      <div className={`tl-toolbar flex flex-wrap items-center gap-2 ${compact ? "mb-2" : "mb-4"}`} data-no-print>
        <p className="text-sm text-muted">
          {statements.length} {statements.length === 1 ? "statement" : "statements"} · {flags.length} {flags.length === 1 ? "flag" : "flags"}
        </p>
        {flags.length ? (
          <>
            <Button size="sm" onClick={() => goToFlag(-1)} aria-keyshortcuts="k p">Previous flag</Button>
            <Button size="sm" onClick={() => goToFlag(1)} aria-keyshortcuts="j n">Next flag</Button>
            {!compact ? <span className="text-xs text-muted">Keys: <kbd>j</kbd>/<kbd>n</kbd> next, <kbd>k</kbd>/<kbd>p</kbd> previous</span> : null}
          </>
        ) : null}
      </div>
      <p role="status" aria-live="polite" className={status ? "mb-3 rounded border border-line bg-panel px-3 py-2 text-sm" : "sr-only"} data-no-print>{status}</p>
      {layout.lanes.length ? (
        <div aria-hidden="true" className="mb-1 grid text-xs font-semibold uppercase tracking-wide text-muted"
          style={{ gridTemplateColumns: `calc(var(--tl-gutter) * var(--tl-col)) var(--tl-when) minmax(0,1fr)` }}>
          <span /><span />
          <div className="tl-lane-legend pl-4" style={{ gridTemplateColumns: `repeat(${layout.lanes.length}, minmax(0,1fr))` }}>
            {layout.lanes.map((l) => <span key={l.speakerId}>{layout.shown.find((s) => s.speakerId === l.speakerId)?.speakerName}</span>)}
          </div>
        </div>
      ) : null}
      {virtual ? (
        <VirtualTimelineList items={layout.items} label={listLabel} renderRow={renderRow} scrollToRowRef={scrollToRowRef} />
      ) : (
        <ol aria-label={listLabel}>
          {layout.groups.map(({ bucket, rows }) => (
            <li key={bucket.key}>
              <h2 className="tl-bucket-head text-sm">{bucket.label}</h2>
              <ol aria-label={bucket.label}>{rows.map((i) => renderRow(i))}</ol>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Typing in a field must not jump around; a focused checkbox or button may. */
function isTextInput(el: HTMLElement): boolean {
  return el instanceof HTMLInputElement && !["checkbox", "radio", "button", "submit", "reset", "range", "color"].includes(el.type);
}

function describeActive(f: TimelineFlag, byId: Map<number, TimelineStatement>, index: number, count: number): string {
  const a = byId.get(f.earlierId);
  const b = byId.get(f.laterId);
  const who = a && b ? (a.speakerId === b.speakerId ? `${a.speakerName}, ${dateOf(a)} and ${dateOf(b)}` : `${a.speakerName}, ${dateOf(a)} and ${b.speakerName}, ${dateOf(b)}`) : "";
  return `Flag ${index + 1} of ${count}: ${severityLabel(f.severity)} between ${who}. ${f.rationale}`;
}

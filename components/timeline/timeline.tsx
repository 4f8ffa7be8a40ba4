"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { stepFlag } from "@/lib/timeline/flag-layout";
import { severityLabel } from "@/lib/timeline/describe";
import { VIRTUALIZE_ABOVE, type RowFlag, type TimelineRowView, type TimelineSkeleton, type TimelineStatement } from "@/lib/timeline/model";
import type { TimelineOrder } from "@/lib/timeline/view-state";
import { Button } from "@/components/ui/button";
import { dateOf, TimelineRow, virtualStyle, type VirtualPlacement } from "./timeline-row";
import { useTimelineRows } from "./use-timeline-rows";
import { VirtualTimelineList } from "./virtual-list";
import "./timeline.css";

export interface TimelineProps {
  skeleton: TimelineSkeleton;
  /** Every row of a short timeline; of a long one, those the page sends with its HTML. */
  initialRows: TimelineRowView[];
  /** Where the rest of a long timeline's rows come from (`?start=&end=&v=`); null when the page sent them all. */
  rowsUrl: string | null;
  order: TimelineOrder;
  selected: number | null;
  /** The view's query string without a selection: selecting a statement keeps the rest of the view. */
  viewQuery: string;
  readerBase: string | null;
  compact?: boolean;
}

export type ListItem = { type: "header"; key: string; label: string } | { type: "row"; index: number };

/** A new filter or order is a new list: rows, fetched chunks and the active flag start again. */
export function Timeline(props: TimelineProps) {
  return <TimelineList key={props.skeleton.version} {...props} />;
}

function TimelineList({ skeleton, initialRows, rowsUrl, order, selected, viewQuery, readerBase, compact = false }: TimelineProps) {
  const { rows, ensure, problem } = useTimelineRows({ initial: initialRows, rowsUrl, total: skeleton.total, version: skeleton.version });
  const items = useMemo(() => {
    const out: ListItem[] = [];
    let index = 0;
    for (const b of skeleton.buckets) {
      out.push({ type: "header", key: b.key, label: b.label });
      for (let i = 0; i < b.count; i++) out.push({ type: "row", index: index++ });
    }
    return out;
  }, [skeleton]);
  const laneOf = useMemo(() => new Map(skeleton.lanes.map((l, i) => [l.speakerId, i])), [skeleton]);

  const [active, setActive] = useState<number | null>(null);
  const flagCount = skeleton.flagTops.length;
  const activeFlag = active === null ? null : findPlaced(rows.get(skeleton.flagTops[active]), active);
  const virtual = skeleton.total > VIRTUALIZE_ABOVE;
  const scrollToRowRef = useRef<(index: number) => void>(() => {});

  const focusRow = useCallback((index: number) => {
    scrollToRowRef.current(index);
    // A virtual row exists only once the list has scrolled to it (and, in a long timeline, once it has loaded).
    let frames = 0;
    const tryFocus = () => {
      const el = document.querySelector<HTMLElement>(`.tl [data-row="${index}"]`);
      if (el) {
        el.focus({ preventScroll: virtual });
        if (!virtual) el.scrollIntoView({ block: "center" });
      } else if (frames++ < 120) requestAnimationFrame(tryFocus);
    };
    requestAnimationFrame(tryFocus);
  }, [virtual]);

  const goToFlag = useCallback((direction: 1 | -1) => {
    const next = stepFlag(active, flagCount, direction);
    if (next === null) return;
    setActive(next);
    focusRow(skeleton.flagTops[next]);
  }, [active, flagCount, skeleton, focusRow]);

  const jump = useCallback((index: number, placed: number) => {
    if (placed >= 0) setActive(placed);
    focusRow(index);
  }, [focusRow]);

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
    const row = selected === null ? undefined : initialRows.find((r) => r.statement.id === selected);
    if (row) focusRow(row.index);
    // Only when arriving with a selection in the URL, not on every re-render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // "selected" is the last key of a canonical view query (lib/timeline/view-state), so this is the canonical URL.
  const selectHref = (id: number) => `?${viewQuery ? `${viewQuery}&` : ""}selected=${id}`;
  const renderRow = (index: number, extra?: { posinset: number; setsize: number; placement?: VirtualPlacement }) => {
    const row = rows.get(index);
    if (!row) return <PendingRow key={`pending-${index}`} index={index} placement={extra?.placement} />;
    return (
      <TimelineRow key={row.statement.id} index={index} statement={row.statement} flags={row.flags} cells={row.cells}
        activeKey={activeFlag?.flag.key ?? null} lane={laneOf.get(row.statement.speakerId) ?? 0} laneCount={skeleton.lanes.length}
        selected={selected === row.statement.id} selectHref={selectHref(row.statement.id)} readerBase={readerBase} onJump={jump} {...extra} />
    );
  };

  const activeRow = active === null ? undefined : rows.get(skeleton.flagTops[active]);
  const status = active === null ? "" : activeFlag && activeRow ? describeActive(activeFlag, activeRow.statement, active, flagCount) : `Flag ${active + 1} of ${flagCount}`;
  const listLabel = `Statements, ${order === "asc" ? "oldest" : "newest"} first`;
  const style = { "--tl-gutter": skeleton.gutter } as React.CSSProperties;

  return (
    <section aria-label="Timeline" className="tl" style={style}>
      <div className={`tl-toolbar flex flex-wrap items-center gap-2 ${compact ? "mb-2" : "mb-4"}`} data-no-print>
        <p className="text-sm text-muted">
          {skeleton.total} {skeleton.total === 1 ? "statement" : "statements"} · {skeleton.flagCount} {skeleton.flagCount === 1 ? "flag" : "flags"}
        </p>
        {flagCount ? (
          <>
            <Button size="sm" onClick={() => goToFlag(-1)} aria-keyshortcuts="k p">Previous flag</Button>
            <Button size="sm" onClick={() => goToFlag(1)} aria-keyshortcuts="j n">Next flag</Button>
            {!compact ? <span className="text-xs text-muted">Keys: <kbd>j</kbd>/<kbd>n</kbd> next, <kbd>k</kbd>/<kbd>p</kbd> previous</span> : null}
          </>
        ) : null}
      </div>
      <p role="status" aria-live="polite" className={status ? "mb-3 rounded border border-line bg-panel px-3 py-2 text-sm" : "sr-only"} data-no-print>{status}</p>
      {problem ? (
        <p role="alert" className="mb-3 rounded border border-line bg-panel px-3 py-2 text-sm">
          {problem === "changed" ? "This timeline changed since the page was opened. " : "Some statements could not be loaded. "}
          <button type="button" className="text-accent underline" onClick={() => window.location.reload()}>Reload the page</button>
        </p>
      ) : null}
      {skeleton.lanes.length ? (
        <div aria-hidden="true" className="mb-1 grid text-xs font-semibold uppercase tracking-wide text-muted"
          style={{ gridTemplateColumns: `calc(var(--tl-gutter) * var(--tl-col)) var(--tl-when) minmax(0,1fr)` }}>
          <span /><span />
          <div className="tl-lane-legend pl-4" style={{ gridTemplateColumns: `repeat(${skeleton.lanes.length}, minmax(0,1fr))` }}>
            {skeleton.lanes.map((l) => <span key={l.speakerId}>{l.name}</span>)}
          </div>
        </div>
      ) : null}
      {virtual ? (
        <VirtualTimelineList items={items} total={skeleton.total} label={listLabel} renderRow={renderRow} onRange={ensure} scrollToRowRef={scrollToRowRef} />
      ) : (
        <ol aria-label={listLabel}>
          {groupItems(items).map(({ header, indexes }) => (
            <li key={header.key}>
              <h2 className="tl-bucket-head text-sm">{header.label}</h2>
              <ol aria-label={header.label}>{indexes.map((i) => renderRow(i))}</ol>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** A row of a long timeline that has not arrived yet: the same height as a short row, announced as loading. */
function PendingRow({ index, placement }: { index: number; placement?: VirtualPlacement }) {
  return (
    <li data-index={placement?.index} ref={placement?.measure} aria-busy="true" className="tl-row tl-row-virtual tl-row-pending"
      style={placement ? virtualStyle(placement) : undefined}>
      <span className="sr-only">Statement {index + 1} is loading</span>
    </li>
  );
}

function groupItems(items: ListItem[]) {
  const groups: { header: Extract<ListItem, { type: "header" }>; indexes: number[] }[] = [];
  for (const item of items) {
    if (item.type === "header") groups.push({ header: item, indexes: [] });
    else groups[groups.length - 1].indexes.push(item.index);
  }
  return groups;
}

/** The flag at `placed` among a row's flags, if that row has loaded. */
function findPlaced(row: TimelineRowView | undefined, placed: number): RowFlag | null {
  return row?.flags.find((f) => f.placed === placed) ?? null;
}

/** Typing in a field must not jump around; a focused checkbox or button may. */
function isTextInput(el: HTMLElement): boolean {
  return el instanceof HTMLInputElement && !["checkbox", "radio", "button", "submit", "reset", "range", "color"].includes(el.type);
}

function describeActive({ flag, other }: RowFlag, self: TimelineStatement, index: number, count: number): string {
  const [a, b] = flag.earlierId === self.id ? [self, other] : [other, self];
  const who = a && b ? (a.speakerId === b.speakerId ? `${a.speakerName}, ${dateOf(a)} and ${dateOf(b)}` : `${a.speakerName}, ${dateOf(a)} and ${b.speakerName}, ${dateOf(b)}`) : "";
  return `Flag ${index + 1} of ${count}: ${severityLabel(flag.severity)} between ${who}. ${flag.rationale}`;
}

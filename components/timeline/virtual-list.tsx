"use client";

import { useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode, type RefObject } from "react";
import { useWindowVirtualizer } from "@tanstack/react-virtual";
import type { ListItem } from "./timeline";
import type { VirtualPlacement } from "./timeline-row";
import { virtualStyle } from "./timeline-row";

/** Rows the server renders in normal flow, so the first screen shows before any script runs. */
const FIRST_SCREEN = 12;
const noSubscribe = () => () => {};
const estimate = (item: ListItem) => (item.type === "header" ? 40 : 170);

/**
 * For long timelines: only the rows near the viewport exist in the DOM, and
 * `onRange` asks for the rows about to be shown (a page holds only some).
 * Until hydration the first screen is plain in-flow markup (the virtualizer
 * cannot know row heights on the server, and guessed positions would overlap).
 * Headers cannot be sticky inside absolutely placed items, so the current
 * period is shown in a pinned bar above the list once the reader scrolls.
 */
export function VirtualTimelineList({ items, total, label, renderRow, onRange, scrollToRowRef }: {
  items: ListItem[];
  total: number;
  label: string;
  renderRow: (index: number, extra: { posinset: number; setsize: number; placement?: VirtualPlacement }) => ReactNode;
  /** The row indexes [from, to) the list is about to draw. */
  onRange: (from: number, to: number) => void;
  scrollToRowRef: RefObject<(index: number) => void>;
}) {
  const listRef = useRef<HTMLOListElement>(null);
  const hydrated = useSyncExternalStore(noSubscribe, () => true, () => false);
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    setScrollMargin((listRef.current?.getBoundingClientRect().top ?? 0) + window.scrollY);
  }, []);
  const virtualizer = useWindowVirtualizer({
    count: items.length,
    estimateSize: (i) => estimate(items[i]),
    overscan: 8,
    scrollMargin,
  });
  const itemOfRow = useMemo(() => {
    const out: number[] = [];
    items.forEach((item, i) => { if (item.type === "row") out[item.index] = i; });
    return out;
  }, [items]);
  useEffect(() => {
    scrollToRowRef.current = (index: number) => {
      const item = itemOfRow[index];
      if (item !== undefined) virtualizer.scrollToIndex(item, { align: "center" });
    };
  }, [itemOfRow, virtualizer, scrollToRowRef]);

  const virtualItems = hydrated ? virtualizer.getVirtualItems() : [];
  const firstItem = virtualItems[0]?.index ?? 0;
  const lastItem = virtualItems[virtualItems.length - 1]?.index ?? 0;
  useEffect(() => {
    if (!hydrated) return;
    // Rows, not items: a header before the first row shifts nothing that matters for a chunk.
    const rowAt = (i: number) => { for (let k = i; k < items.length; k++) { const it = items[k]; if (it.type === "row") return it.index; } return total; };
    onRange(rowAt(firstItem), rowAt(lastItem) + 1);
  }, [hydrated, firstItem, lastItem, items, total, onRange]);

  if (!hydrated) {
    // Before the script runs: the first screen, then a gap as tall as the virtual list will make the rows in
    // between, then the last screen, so reading from either end (or pressing End) works from the first paint.
    const tailStart = Math.max(FIRST_SCREEN, items.length - FIRST_SCREEN);
    const gap = items.slice(FIRST_SCREEN, tailStart).reduce((h, item) => h + estimate(item), 0);
    // The tail's period heading, unless the first screen already shows it.
    const headerAt = items.slice(0, tailStart).findLastIndex((item) => item.type === "header");
    const tailHeader = headerAt >= FIRST_SCREEN && items[tailStart].type !== "header" ? items[headerAt] : null;
    const plain = (item: ListItem) => item.type === "header"
      ? <li key={`h-${item.key}`}><h2 className="border-b border-line py-1 text-sm font-semibold">{item.label}</h2></li>
      : renderRow(item.index, { posinset: item.index + 1, setsize: total });
    return (
      <ol ref={listRef} aria-label={label} className="tl-prerender">
        {items.slice(0, FIRST_SCREEN).map(plain)}
        {gap ? <li aria-hidden="true" style={{ height: gap }} /> : null}
        {tailHeader ? plain(tailHeader) : null}
        {items.slice(tailStart).map(plain)}
      </ol>
    );
  }
  let current: string | null = null;
  for (let i = firstItem; i >= 0; i--) {
    const item = items[i];
    if (item?.type === "header") { current = item.label; break; }
  }
  return (
    <>
      {current && (virtualizer.scrollOffset ?? 0) > scrollMargin ? <div className="tl-bucket-head text-sm" aria-hidden="true">{current}</div> : null}
      <ol ref={listRef} aria-label={label} style={{ position: "relative", height: virtualizer.getTotalSize() }}>
        {virtualItems.map((v) => {
          const item = items[v.index];
          const placement = { index: v.index, offset: v.start - virtualizer.options.scrollMargin, measure: virtualizer.measureElement };
          return item.type === "header" ? (
            <li key={v.key} ref={placement.measure} data-index={v.index} style={virtualStyle(placement)}>
              <h2 className="border-b border-line py-1 text-sm font-semibold">{item.label}</h2>
            </li>
          ) : renderRow(item.index, { posinset: item.index + 1, setsize: total, placement });
        })}
      </ol>
    </>
  );
}

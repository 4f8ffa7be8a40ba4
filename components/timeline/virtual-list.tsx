"use client";

import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore, type ReactNode, type RefObject } from "react";
import { useWindowVirtualizer } from "@tanstack/react-virtual";
import type { TimelineStatement } from "@/db/queries/timeline-view";
import type { ListItem } from "./timeline";
import { virtualStyle, type VirtualPlacement } from "./timeline-row";

type RowItem = Extract<ListItem<TimelineStatement>, { type: "row" }>;

/** Rows the server renders in normal flow, so the first screen shows before any script runs. */
const FIRST_SCREEN = 12;
const noSubscribe = () => () => {};

/**
 * For long timelines: only the rows near the viewport exist in the DOM. Until
 * hydration the first screen is plain in-flow markup (the virtualizer cannot
 * know row heights on the server, and guessed positions would overlap).
 * Headers cannot be sticky inside absolutely placed items, so the current
 * period is shown in a pinned bar above the list once the reader scrolls.
 */
export function VirtualTimelineList({ items, label, renderRow, scrollToRowRef }: {
  items: ListItem<TimelineStatement>[];
  label: string;
  renderRow: (item: RowItem, extra: { posinset: number; setsize: number; placement?: VirtualPlacement }) => ReactNode;
  scrollToRowRef: RefObject<(statementId: number) => void>;
}) {
  const listRef = useRef<HTMLOListElement>(null);
  const hydrated = useSyncExternalStore(noSubscribe, () => true, () => false);
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    setScrollMargin((listRef.current?.getBoundingClientRect().top ?? 0) + window.scrollY);
  }, []);
  const virtualizer = useWindowVirtualizer({
    count: items.length,
    estimateSize: (i) => (items[i].type === "header" ? 40 : 170),
    overscan: 8,
    scrollMargin,
  });
  const rowCount = items.filter((i) => i.type === "row").length;
  useEffect(() => {
    scrollToRowRef.current = (statementId: number) => {
      const index = items.findIndex((i) => i.type === "row" && i.statement.id === statementId);
      if (index >= 0) virtualizer.scrollToIndex(index, { align: "center" });
    };
  }, [items, virtualizer, scrollToRowRef]);
  if (!hydrated) {
    return (
      <ol aria-label={label}>
        {items.slice(0, FIRST_SCREEN).map((item) => item.type === "header"
          ? <li key={`h-${item.bucket.key}`}><h2 className="border-b border-line py-1 text-sm font-semibold">{item.bucket.label}</h2></li>
          : renderRow(item, { posinset: item.index + 1, setsize: rowCount }))}
      </ol>
    );
  }
  const virtualItems = virtualizer.getVirtualItems();
  const first = virtualItems[0]?.index ?? 0;
  let current: string | null = null;
  for (let i = first; i >= 0; i--) {
    const item = items[i];
    if (item?.type === "header") { current = item.bucket.label; break; }
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
              <h2 className="border-b border-line py-1 text-sm font-semibold">{item.bucket.label}</h2>
            </li>
          ) : renderRow(item, { posinset: item.index + 1, setsize: rowCount, placement });
        })}
      </ol>
    </>
  );
}

"use client";

import { useEffect, useMemo, useRef, type RefObject } from "react";
import { buildTextIndex, offsetFromPoint, paintHighlights, rangesFor, selectionToOffsets, sortSpans, spansAt, type TextIndex } from "@/lib/anchoring/paint";
import { describeSelection } from "@/lib/anchoring";
import type { ReaderStatement, TextSpan } from "./types";

type Painter = ReturnType<typeof paintHighlights>;

/**
 * Paints every statement over the server-rendered text in one pass (CSS
 * Custom Highlight API; no DOM changes to the article), maps clicks on the
 * text to the statements under them, and mouse selections to text offsets.
 */
export function useHighlights(
  ref: RefObject<HTMLElement | null>,
  text: string,
  statements: ReaderStatement[],
  activeId: number | null,
  onPick: (id: number) => void,
  onSelect: (span: TextSpan | null, at: { top: number; left: number } | null) => void,
) {
  const index = useRef<TextIndex | null>(null);
  const painter = useRef<Painter | null>(null);
  const spans = useMemo(() => statements
    .map((s) => ({ id: s.id, start: s.start, end: s.end, group: `cl-topic-${s.stances[0]?.color ?? 7}` }))
    .sort((a, b) => a.start - b.start || a.end - b.end), [statements]);
  const sorted = useMemo(() => sortSpans(spans), [spans]);
  const callbacks = useRef({ onPick, onSelect });
  useEffect(() => { callbacks.current = { onPick, onSelect }; });

  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    index.current = buildTextIndex(root);
    painter.current = paintHighlights(root, spans);
    // Benchmarks and tests wait for this: every highlight is painted.
    document.documentElement.dataset.highlightsReady = String(spans.length);
    return () => painter.current?.clear();
  }, [ref, spans]);

  useEffect(() => { painter.current?.setActive(activeId); }, [activeId, spans]);

  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const onPointerUp = () => {
      const selection = window.getSelection();
      if (!index.current || !selection || selection.isCollapsed || !root.contains(selection.anchorNode)) return callbacks.current.onSelect(null, null);
      const range = selection.getRangeAt(0);
      const offsets = selectionToOffsets(index.current, range);
      const described = offsets ? describeSelection(text, offsets.start, offsets.end) : null;
      if (!described) return callbacks.current.onSelect(null, null);
      const box = range.getBoundingClientRect();
      const origin = root.getBoundingClientRect();
      callbacks.current.onSelect({ start: described.start, end: described.end, quote: described.quote }, { top: box.bottom - origin.top + 6, left: Math.max(0, box.right - origin.left - 120) });
    };
    const onClick = (event: MouseEvent) => {
      if (!index.current || !window.getSelection()?.isCollapsed) return;
      const hit = caretAt(event.clientX, event.clientY);
      if (!hit || !root.contains(hit.node)) return;
      const offset = offsetFromPoint(index.current, hit.node, hit.offset);
      if (offset === null) return;
      // A click on the right half of a statement's last character reports the offset just past it.
      const under = spansAt(sorted, offset).length ? spansAt(sorted, offset) : spansAt(sorted, Math.max(0, offset - 1));
      // Innermost statement first.
      if (under.length) callbacks.current.onPick(under[0].id);
    };
    root.addEventListener("mouseup", onPointerUp);
    root.addEventListener("keyup", onPointerUp);
    root.addEventListener("click", onClick);
    return () => {
      root.removeEventListener("mouseup", onPointerUp);
      root.removeEventListener("keyup", onPointerUp);
      root.removeEventListener("click", onClick);
    };
  }, [ref, spans, sorted, text]);

  return useMemo(() => ({
    scrollTo(id: number) {
      const span = spans.find((s) => s.id === id);
      if (!span || !index.current) return;
      const range = rangesFor(index.current, [span])[0]?.ranges[0];
      const box = range?.getBoundingClientRect();
      if (box) window.scrollBy({ top: box.top - window.innerHeight / 3, behavior: "smooth" });
    },
    /** Shows a keyboard selection as a real selection, so it is visible and readable by assistive technology. */
    showSelection(span: TextSpan) {
      if (!index.current) return;
      const ranges = rangesFor(index.current, [{ id: -1, start: span.start, end: span.end }])[0]?.ranges ?? [];
      if (!ranges.length) return;
      const range = document.createRange();
      range.setStart(ranges[0].startContainer, ranges[0].startOffset);
      range.setEnd(ranges[ranges.length - 1].endContainer, ranges[ranges.length - 1].endOffset);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    },
  }), [spans]);
}

function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null };
  const pos = doc.caretPositionFromPoint?.(x, y);
  if (pos) return { node: pos.offsetNode, offset: pos.offset };
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

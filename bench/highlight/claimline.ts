// Browser code: Claimline's own painter as a highlighting contender. It runs
// what the reader runs on load (components/reader/use-highlights.ts): spans
// sorted by offset, grouped by topic colour, painted in one pass with
// lib/anchoring/paint.ts (CSS Custom Highlight API), styled as in the app.
import { paintHighlights, type PaintSpan } from "@/lib/anchoring/paint";
import type { Anchor } from "../lib/article";
import type { Contender } from "./contenders";
import "@/app/highlights.css";

declare global {
  interface Window {
    benchContenders: Record<string, Contender>;
  }
}

const claimline: Contender = async (container, anchors) => {
  const spans: PaintSpan[] = anchors
    .map((a: Anchor) => ({ id: a.id, start: a.start, end: a.end, group: `cl-topic-${a.id % 8}` }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const painter = paintHighlights(container, spans);
  return () => painter.clear();
};

window.benchContenders = { ...(window.benchContenders ?? {}), claimline };

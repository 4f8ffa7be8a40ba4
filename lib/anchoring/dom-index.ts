/**
 * Mapping between snapshot offsets and the reader's DOM. The reader renders
 * blocks with data-start="N" whose textContent is text.slice(N, ...); inline
 * children may split the text into several nodes, and the "\n\n" between
 * paragraphs has no DOM at all. Everything here is one walk to build the
 * index plus binary searches over it.
 */
import type { Span, SpanId } from "./spans";

const SHOW_TEXT = 0x4; // NodeFilter.SHOW_TEXT, without relying on the global
const TEXT_NODE = 3;

export interface TextIndex {
  root: Element;
  /** Indexed text nodes in offset order; starts[i] is the global offset of nodes[i]. */
  nodes: Text[];
  starts: number[];
  /** The data-start block of each node: ranges never cross one, so paragraph gaps stay unpainted. */
  blocks: Element[];
  byNode: Map<Text, number>;
}

export function buildTextIndex(root: Element): TextIndex {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  const used = new Map<Element, number>();
  const entries: { node: Text; start: number; block: Element }[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const node = n as Text;
    const block = node.parentElement?.closest("[data-start]");
    if (!block || !root.contains(block) || node.data.length === 0) continue;
    const base = Number(block.getAttribute("data-start"));
    if (!Number.isInteger(base) || base < 0) continue;
    const before = used.get(block) ?? 0;
    used.set(block, before + node.data.length);
    entries.push({ node, start: base + before, block });
  }
  // Document order is offset order in a well-formed reader; sorting keeps the binary searches honest if not.
  entries.sort((a, b) => a.start - b.start);
  return {
    root,
    nodes: entries.map((e) => e.node),
    starts: entries.map((e) => e.start),
    blocks: entries.map((e) => e.block),
    byNode: new Map(entries.map((e, i) => [e.node, i])),
  };
}

export function nodeEnd(index: TextIndex, i: number): number {
  return index.starts[i] + index.nodes[i].data.length;
}

/** First node whose end is after `offset`. */
function firstNodeEndingAfter(index: TextIndex, offset: number, from = 0): number {
  let lo = from;
  let hi = index.nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (nodeEnd(index, mid) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A span's share of one text node, in node-local offsets. */
export interface Piece {
  node: number;
  from: number;
  to: number;
}

/** Pieces of [start, end) per text node, starting the search at node `from`. */
export function piecesFor(index: TextIndex, start: number, end: number, from = 0): Piece[] {
  const out: Piece[] = [];
  for (let i = firstNodeEndingAfter(index, start, from); i < index.nodes.length && index.starts[i] < end; i++) {
    const a = Math.max(start, index.starts[i]) - index.starts[i];
    const b = Math.min(end, nodeEnd(index, i)) - index.starts[i];
    if (b > a) out.push({ node: i, from: a, to: b });
  }
  return out;
}

export interface SpanRanges {
  id: SpanId;
  ranges: Range[];
}

/**
 * DOM Ranges for every span, in input order: one Range per block the span
 * touches (clipped to that block's text, so the "\n\n" gaps are skipped).
 * Spans are visited by start so the node search only moves forward.
 */
export function rangesFor(index: TextIndex, spans: readonly Span[]): SpanRanges[] {
  const doc = index.root.ownerDocument;
  const out: SpanRanges[] = spans.map((s) => ({ id: s.id, ranges: [] }));
  const order = spans.map((_, i) => i).sort((a, b) => spans[a].start - spans[b].start);
  let cursor = 0;
  for (const k of order) {
    const { start, end } = spans[k];
    cursor = firstNodeEndingAfter(index, start, cursor);
    const pieces = piecesFor(index, start, end, cursor);
    for (let p = 0; p < pieces.length; ) {
      let q = p;
      while (q + 1 < pieces.length && index.blocks[pieces[q + 1].node] === index.blocks[pieces[p].node]) q++;
      const range = doc.createRange();
      range.setStart(index.nodes[pieces[p].node], pieces[p].from);
      range.setEnd(index.nodes[pieces[q].node], pieces[q].to);
      out[k].ranges.push(range);
      p = q + 1;
    }
  }
  return out;
}

/**
 * Offset of a DOM boundary point. Inside an indexed text node it is direct;
 * anywhere else (an element child index, chrome outside the blocks) we find
 * the neighbouring indexed text by comparing positions, biased forward for a
 * start and backward for an end, so a triple-click selection ending at the
 * next paragraph does not swallow it.
 */
function boundaryOffset(index: TextIndex, node: Node, offset: number, bias: "start" | "end"): number | null {
  const n = index.nodes.length;
  if (n === 0) return null;
  const i = node.nodeType === TEXT_NODE ? index.byNode.get(node as Text) : undefined;
  if (i !== undefined) return index.starts[i] + Math.max(0, Math.min(offset, index.nodes[i].data.length));
  const probe = index.root.ownerDocument.createRange();
  try {
    probe.setStart(node, offset);
  } catch {
    return null;
  }
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (probe.comparePoint(index.nodes[mid], 0) < 0) lo = mid + 1;
    else hi = mid;
  }
  if (bias === "start") return lo < n ? index.starts[lo] : nodeEnd(index, n - 1);
  return lo > 0 ? nodeEnd(index, lo - 1) : index.starts[0];
}

/**
 * Text offset under a caret position (from caretPositionFromPoint or
 * caretRangeFromPoint); null when the point is outside the indexed root.
 */
export function offsetFromPoint(index: TextIndex, node: Node, offsetInNode: number): number | null {
  if (!index.root.contains(node)) return null;
  return boundaryOffset(index, node, offsetInNode, "start");
}

/**
 * Text offsets of a selection (all its ranges, as Firefox can have several),
 * clamped to the indexed text; null when nothing of it lies in the text.
 */
export function selectionToOffsets(index: TextIndex, selection: Selection | AbstractRange): { start: number; end: number } | null {
  const ranges: AbstractRange[] =
    "getRangeAt" in selection ? Array.from({ length: selection.rangeCount }, (_, i) => selection.getRangeAt(i)) : [selection];
  let start = Infinity;
  let end = -Infinity;
  for (const r of ranges) {
    const s = boundaryOffset(index, r.startContainer, r.startOffset, "start");
    const e = boundaryOffset(index, r.endContainer, r.endOffset, "end");
    if (s === null || e === null || e <= s) continue;
    start = Math.min(start, s);
    end = Math.max(end, e);
  }
  return start < end ? { start, end } : null;
}

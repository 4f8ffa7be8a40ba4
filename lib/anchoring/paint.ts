/**
 * Painting statement highlights over the reader. The CSS Custom Highlight
 * API paints Ranges without touching the DOM React owns, so it is preferred;
 * where it is missing we wrap <mark> elements, and clear() restores the text
 * nodes exactly so React's reconciliation still finds what it rendered.
 */
import { buildTextIndex, piecesFor, rangesFor, type Piece } from "./dom-index";
import type { Span, SpanId } from "./spans";

export { buildTextIndex, offsetFromPoint, rangesFor, selectionToOffsets, type SpanRanges, type TextIndex } from "./dom-index";
export { sortSpans, spansAt, type SortedSpans, type Span, type SpanId } from "./spans";

export const ACTIVE_HIGHLIGHT = "cl-active";

export interface PaintSpan extends Span {
  /** Highlight name / CSS class, e.g. "cl-topic-3"; styled with ::highlight(cl-topic-3) or mark.cl-topic-3. */
  group: string;
}

export interface PaintHandle {
  mode: "highlight" | "mark";
  clear(): void;
  setActive(id: SpanId | null): void;
}

interface Registry {
  set(name: string, highlight: unknown): unknown;
  delete(name: string): boolean;
}
type HighlightCtor = new (...ranges: AbstractRange[]) => unknown;

function highlightApi(doc: Document): { registry: Registry; Highlight: HighlightCtor } | null {
  for (const scope of [doc.defaultView, globalThis] as unknown[]) {
    const w = scope as { CSS?: { highlights?: Registry }; Highlight?: HighlightCtor } | null;
    if (w?.CSS?.highlights && typeof w.Highlight === "function") return { registry: w.CSS.highlights, Highlight: w.Highlight };
  }
  return null;
}

/**
 * Paint spans under `root`. With marks, the DOM changes (text nodes split), so
 * rebuild any TextIndex after painting; offsets themselves stay valid.
 */
export function paintHighlights(root: Element, spans: readonly PaintSpan[], doc: Document = root.ownerDocument): PaintHandle {
  const api = highlightApi(doc);
  return api ? paintWithHighlights(root, spans, api.registry, api.Highlight) : paintWithMarks(root, spans, doc);
}

function paintWithHighlights(root: Element, spans: readonly PaintSpan[], registry: Registry, Highlight: HighlightCtor): PaintHandle {
  const mapped = rangesFor(buildTextIndex(root), spans);
  const byGroup = new Map<string, Range[]>();
  const byId = new Map<SpanId, Range[]>();
  mapped.forEach(({ id, ranges }, i) => {
    const list = byGroup.get(spans[i].group) ?? [];
    byGroup.set(spans[i].group, list.concat(ranges));
    byId.set(id, ranges);
  });
  for (const [group, ranges] of byGroup) registry.set(group, new Highlight(...ranges));
  return {
    mode: "highlight",
    clear() {
      for (const group of byGroup.keys()) registry.delete(group);
      registry.delete(ACTIVE_HIGHLIGHT);
    },
    setActive(id) {
      registry.delete(ACTIVE_HIGHLIGHT);
      const ranges = id === null ? undefined : byId.get(id);
      if (ranges?.length) registry.set(ACTIVE_HIGHLIGHT, new Highlight(...ranges));
    },
  };
}

function paintWithMarks(root: Element, spans: readonly PaintSpan[], doc: Document): PaintHandle {
  const index = buildTextIndex(root);
  // Collect every span's pieces per text node first, so each node is split exactly once.
  const perNode = new Map<number, { piece: Piece; span: PaintSpan }[]>();
  for (const span of spans) {
    for (const piece of piecesFor(index, span.start, span.end)) {
      const list = perNode.get(piece.node) ?? [];
      list.push({ piece, span });
      perNode.set(piece.node, list);
    }
  }
  const marks: HTMLElement[] = [];
  const byId = new Map<SpanId, HTMLElement[]>();
  const splits: Text[][] = [];
  for (const [nodeIdx, items] of perNode) {
    const original = index.nodes[nodeIdx];
    const cuts = [...new Set(items.flatMap(({ piece }) => [piece.from, piece.to]))]
      .filter((c) => c > 0 && c < original.data.length)
      .sort((a, b) => b - a);
    // Splitting from the right keeps `original` as the first part and every earlier cut valid.
    const parts: Text[] = [original];
    for (const c of cuts) parts.splice(1, 0, original.splitText(c));
    splits.push(parts);
    let at = 0;
    for (const part of parts) {
      const from = at;
      const to = (at += part.data.length);
      // Outermost first: the earlier-starting, longer span encloses the others.
      const covering = items
        .filter(({ piece }) => piece.from <= from && piece.to >= to)
        .map(({ span }) => span)
        .sort((a, b) => a.start - b.start || b.end - a.end);
      let target: Node = part;
      for (const span of covering.reverse()) {
        const mark = doc.createElement("mark");
        mark.dataset.statementId = String(span.id);
        mark.className = span.group;
        target.parentNode!.insertBefore(mark, target);
        mark.appendChild(target);
        target = mark;
        marks.push(mark);
        const own = byId.get(span.id);
        if (own) own.push(mark);
        else byId.set(span.id, [mark]);
      }
    }
  }
  let active: HTMLElement[] = [];
  return {
    mode: "mark",
    clear() {
      for (const mark of marks) mark.replaceWith(...Array.from(mark.childNodes));
      for (const [first, ...rest] of splits) {
        first.data += rest.map((t) => t.data).join("");
        for (const t of rest) t.remove();
      }
      marks.length = 0;
      splits.length = 0;
      active = [];
    },
    setActive(id) {
      for (const m of active) m.classList.remove(ACTIVE_HIGHLIGHT);
      active = id === null ? [] : (byId.get(id) ?? []);
      for (const m of active) m.classList.add(ACTIVE_HIGHLIGHT);
    },
  };
}

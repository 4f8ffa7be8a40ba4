// Browser code: the highlighting contenders, bundled by esbuild for the bench page.
import { createTextQuoteSelectorMatcher, highlightText } from "@apache-annotator/dom";
import { createTextAnnotator, W3CTextFormat } from "@recogito/text-annotator";
import type { Anchor } from "../lib/article";

/** Paints every anchor inside `container`; resolves when the contender considers itself done; returns its clean-up. */
export type Contender = (container: HTMLElement, anchors: Anchor[]) => Promise<() => void>;

/**
 * The baseline: one pass over the paragraphs in document order, cutting each
 * paragraph's text at every anchor boundary and wrapping covered pieces in
 * <mark>. No search (offsets are trusted), no per-anchor DOM walk.
 */
export const naiveMarks: Contender = async (container, anchors) => {
  let next = 0;
  for (const p of container.querySelectorAll<HTMLElement>("p[data-start]")) {
    const pStart = Number(p.dataset.start);
    const text = p.textContent ?? "";
    const pEnd = pStart + text.length;
    const local: Anchor[] = [];
    while (next < anchors.length && anchors[next].start < pEnd) local.push(anchors[next++]);
    if (local.length === 0) continue;
    const cuts = new Set<number>([0, text.length]);
    for (const a of local) {
      cuts.add(a.start - pStart);
      cuts.add(a.end - pStart);
    }
    const points = [...cuts].sort((x, y) => x - y);
    const fragment = document.createDocumentFragment();
    for (let k = 0; k < points.length - 1; k++) {
      const [from, to] = [points[k], points[k + 1]];
      const piece = text.slice(from, to);
      const ids = local.filter((a) => a.start - pStart <= from && a.end - pStart >= to).map((a) => a.id);
      if (ids.length === 0) {
        fragment.append(piece);
      } else {
        const mark = document.createElement("mark");
        mark.dataset.ids = ids.join(" ");
        mark.textContent = piece;
        fragment.append(mark);
      }
    }
    p.replaceChildren(fragment);
  }
  return () => {};
};

/** How many anchors @apache-annotator/dom paints between two collections (see below). */
const APACHE_COLLECT_EVERY = 100;

/**
 * @apache-annotator/dom: match each TextQuoteSelector in the DOM, then wrap the
 * range (its documented recipe), for the anchors back to front. Two things in
 * the way this is driven, not in the library, decide its time here:
 *
 * - Order. Each match walks the text nodes from the start of the scope, and
 *   highlightText splits them. In document order the n-th match walks the
 *   fragments of all n−1 highlights before it (5,000 anchors: ~75 s of
 *   matching); back to front, the text before the next match is still whole
 *   paragraphs (~5 s). The marks cover the same spans either way.
 * - Collection. Every Range and NodeIterator the library makes (the scope,
 *   the chunker's iterator, the match, one range per wrapped text node) stays
 *   registered with the document until V8 collects it, and Chromium updates
 *   each one on every DOM change. In a loop that never yields a task V8
 *   hardly collects, so painting slows quadratically (5,000 anchors: ~120 s
 *   of highlightText instead of ~2 s); yielding lets Chromium collect when it
 *   likes, and the same run then took 30–195 s. Collecting every
 *   APACHE_COLLECT_EVERY anchors (inside the timed span, ~1 s in all at 5,000;
 *   every 25, 50 or 250 cost more) measures the library's own work: its best
 *   case, which a page could only be slower than. Range.detach() is a no-op
 *   and collapsing the match changed nothing.
 *
 * The anchors arrive in document order (sorted by start).
 */
export const apacheAnnotator: Contender = async (container, anchors) => {
  const undo: (() => void)[] = [];
  for (let i = anchors.length - 1; i >= 0; i--) {
    const a = anchors[i];
    const matcher = createTextQuoteSelectorMatcher({ type: "TextQuoteSelector", exact: a.exact, prefix: a.prefix, suffix: a.suffix });
    let found: Range | undefined;
    // Highlighting while the generator still runs corrupts it (upstream issue #112): take the first match, then paint.
    for await (const range of matcher(container)) {
      found = range;
      break;
    }
    if (found) undo.push(highlightText(found, "mark", { "data-id": String(a.id) }));
    const done = anchors.length - i;
    if (done % APACHE_COLLECT_EVERY === 0 && i > 0) window.gc?.();
  }
  return () => undo.forEach((u) => u());
};

/**
 * @recogito/text-annotator 4 with its CSS Custom Highlight renderer, fed W3C
 * annotations (TextQuote + TextPosition selectors) through its own adapter.
 * It redraws on a 10 ms debounce plus requestAnimationFrame and announces
 * "onRedraw" afterwards: we wait for that event, as a reader would.
 * setAnnotations(…, replace = true) goes to the core store's syncAnnotations,
 * which 4.1.1 does not wrap with its range revival (nothing would paint), so
 * the bench upserts into the fresh annotator instead.
 */
export const recogito: Contender = async (container, anchors) => {
  const anno = createTextAnnotator(container, { renderer: "CSS_HIGHLIGHTS", annotatingEnabled: false, adapter: W3CTextFormat("bench", container) });
  const redrawn = new Promise<void>((resolve) => {
    const off = anno.renderer.on("onRedraw", () => {
      off();
      resolve();
    });
  });
  anno.setAnnotations(anchors.map((a) => ({
    "@context": "http://www.w3.org/ns/anno.jsonld", type: "Annotation", id: `a${a.id}`, body: [],
    target: { source: "bench", selector: [
      { type: "TextQuoteSelector", exact: a.exact, prefix: a.prefix, suffix: a.suffix },
      { type: "TextPositionSelector", start: a.domStart, end: a.domEnd },
    ] },
  })) as unknown as Parameters<typeof anno.setAnnotations>[0], false);
  await redrawn;
  return () => anno.destroy();
};

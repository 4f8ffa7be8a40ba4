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

/** @apache-annotator/dom: match each TextQuoteSelector in the DOM, then wrap the range (its documented recipe). */
export const apacheAnnotator: Contender = async (container, anchors) => {
  const undo: (() => void)[] = [];
  for (const a of anchors) {
    const matcher = createTextQuoteSelectorMatcher({ type: "TextQuoteSelector", exact: a.exact, prefix: a.prefix, suffix: a.suffix });
    let found: Range | undefined;
    // Highlighting while the generator still runs corrupts it (upstream issue #112): take the first match, then paint.
    for await (const range of matcher(container)) {
      found = range;
      break;
    }
    if (found) undo.push(highlightText(found, "mark", { "data-id": String(a.id) }));
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

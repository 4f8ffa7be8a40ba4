/**
 * Boundary helpers. Offsets must never land inside a grapheme (a surrogate
 * pair, "e" + combining acute, an emoji ZWJ family), or the stored quote and
 * the painted highlight show half a character. Intl.Segmenter knows the
 * Unicode rules (and dictionary word breaks for scripts without spaces), so we
 * ask it about a small window instead of re-implementing UAX #29.
 */

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });
const words = new Intl.Segmenter(undefined, { granularity: "word" });
// Wide enough for the longest realistic grapheme (tagged flags are 14 units); the window edges are not real boundaries.
const WINDOW = 64;

function around(seg: Intl.Segmenter, text: string, i: number): { before: number; after: number } {
  const lo = Math.max(0, i - WINDOW);
  const hi = Math.min(text.length, i + WINDOW);
  let before = lo;
  let after = hi;
  for (const { index } of seg.segment(text.slice(lo, hi))) {
    const b = lo + index;
    if (b <= i) before = b;
    if (b >= i) {
      after = b;
      break;
    }
  }
  return { before, after };
}

/** The grapheme boundary at or before i. */
export function graphemeFloor(text: string, i: number): number {
  return around(graphemes, text, i).before;
}

/** The grapheme boundary at or after i. */
export function graphemeCeil(text: string, i: number): number {
  return around(graphemes, text, i).after;
}

/** Widen [start, end) outwards so neither edge cuts a grapheme. */
export function snapOutward(text: string, start: number, end: number): [number, number] {
  return [graphemeFloor(text, start), Math.max(graphemeCeil(text, end), graphemeFloor(text, start))];
}

/** The word boundary at or before i (never inside a grapheme). */
export function wordFloor(text: string, i: number): number {
  return graphemeFloor(text, around(words, text, i).before);
}

/** The word boundary at or after i (never inside a grapheme). */
export function wordCeil(text: string, i: number): number {
  return graphemeCeil(text, around(words, text, i).after);
}

const SPACE = /\s/;

/** Shrink [start, end) past whitespace at both ends; start === end when nothing is left. */
export function trimRange(text: string, start: number, end: number): [number, number] {
  while (start < end && SPACE.test(text[start])) start++;
  while (end > start && SPACE.test(text[end - 1])) end--;
  return [start, end];
}

/**
 * True when neither edge of [start, end) falls inside a grapheme, so an exact
 * match of "👨" inside a ZWJ family, or of "q" before its combining dot, is
 * refused. Below U+0300 there are no extenders, joiners or surrogates, which
 * lets plain text skip the segmenter.
 */
export function isGraphemeAligned(text: string, start: number, end: number): boolean {
  const low = (i: number) => i < 0 || i >= text.length || text.charCodeAt(i) < 0x300;
  if (low(start - 1) && low(start) && low(end - 1) && low(end)) return true;
  return graphemeFloor(text, start) === start && graphemeCeil(text, end) === end;
}

import type { SelectionDescription } from "./types";
import { snapOutward, trimRange, wordCeil, wordFloor } from "./unicode";

/**
 * Context length. 32 characters is what Hypothesis stores: enough to tell
 * repeated quotes apart and to re-anchor after edits, small enough to keep
 * rows compact.
 */
export const CONTEXT_LENGTH = 32;

/**
 * Prefix and suffix around [start, end): at least `min` characters each (or
 * up to the text edge), widened to a word boundary so the stored context reads
 * as whole words and survives re-tokenising.
 */
export function contextAround(text: string, start: number, end: number, min = CONTEXT_LENGTH): { prefix: string; suffix: string } {
  const from = start - min <= 0 ? 0 : wordFloor(text, start - min);
  const to = end + min >= text.length ? text.length : wordCeil(text, end + min);
  return { prefix: text.slice(from, start), suffix: text.slice(end, to) };
}

/**
 * Describe a user's selection as W3C TextQuote + TextPosition. The selection
 * is widened to whole graphemes and then trimmed of surrounding whitespace,
 * because browsers happily include a trailing space or half an emoji.
 * Returns null when the range is invalid or holds only whitespace.
 */
export function describeSelection(text: string, start: number, end: number): SelectionDescription | null {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) return null;
  const [s0, e0] = snapOutward(text, start, end);
  const [s, e] = trimRange(text, s0, e0);
  if (s >= e) return null;
  return { quote: text.slice(s, e), ...contextAround(text, s, e), start: s, end: e };
}

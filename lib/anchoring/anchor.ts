import { approxSearch, prefixDistance } from "./myers";
import type { AnchorOptions, AnchorResult, QuoteSelector } from "./types";
import { isGraphemeAligned, snapOutward, trimRange } from "./unicode";

// Weights from Hypothesis' match-quote: the quote dominates, context breaks ties
// between similar candidates, position only separates otherwise equal ones.
const WEIGHT = { quote: 50, prefix: 20, suffix: 20, position: 2 };
// Cap on occurrences we score, so a stray one-word quote cannot cost O(n) context checks.
const MAX_OCCURRENCES = 10_000;

const ORPHANED: AnchorResult = { status: "orphaned", start: -1, end: -1, score: 0 };

/** 1 - edit distance / length, aligning the stored context against the text beside the candidate. */
function contextScore(stored: string, beside: string, reversed: boolean): number {
  if (!stored) return 1;
  const pattern = reversed ? [...stored].reverse().join("") : stored;
  const text = reversed ? [...beside].reverse().join("") : beside;
  return 1 - prefixDistance(pattern, text) / stored.length;
}

interface Scorer {
  (start: number, end: number, quoteScore: number): number;
}

function makeScorer(text: string, sel: QuoteSelector, hint: number | null): Scorer {
  const prefix = sel.prefix?.normalize("NFC") ?? "";
  const suffix = sel.suffix?.normalize("NFC") ?? "";
  // Slack lets an inserted word in the context still align instead of being cut off.
  const slackP = Math.ceil(prefix.length / 4);
  const slackS = Math.ceil(suffix.length / 4);
  const total = WEIGHT.quote + (prefix ? WEIGHT.prefix : 0) + (suffix ? WEIGHT.suffix : 0) + (hint === null ? 0 : WEIGHT.position);
  return (start, end, quoteScore) => {
    let sum = WEIGHT.quote * quoteScore;
    if (prefix) sum += WEIGHT.prefix * contextScore(prefix, text.slice(Math.max(0, start - prefix.length - slackP), start), true);
    if (suffix) sum += WEIGHT.suffix * contextScore(suffix, text.slice(end, end + suffix.length + slackS), false);
    if (hint !== null) sum += WEIGHT.position * (1 - Math.abs(start - hint) / Math.max(1, text.length));
    return sum / total;
  };
}

function positionHint(sel: QuoteSelector, text: string): number | null {
  const s = sel.start;
  return typeof s === "number" && Number.isInteger(s) && s >= 0 && s <= text.length ? s : null;
}

/** Prefer the higher score; on a tie, the candidate nearer the old position, then the earlier one. */
function better(score: number, start: number, best: { score: number; start: number } | null, hint: number | null): boolean {
  if (!best) return true;
  if (Math.abs(score - best.score) > 1e-9) return score > best.score;
  if (hint !== null) {
    const d = Math.abs(start - hint) - Math.abs(best.start - hint);
    if (d !== 0) return d < 0;
  }
  return start < best.start;
}

/**
 * Re-find a statement's quote in a (possibly edited) text: stored position,
 * then any exact occurrence chosen by context and distance, then an
 * approximate match. Never throws for a missing quote: orphaned is a result.
 */
export function anchorSelector(text: string, selector: QuoteSelector, opts: AnchorOptions = {}): AnchorResult {
  const quote = selector.quote.normalize("NFC");
  if (!quote.trim()) return ORPHANED;
  const hint = positionHint(selector, text);
  // The common case after a reload: O(quote length), no allocation beyond the NFC check.
  if (hint !== null && text.startsWith(quote, hint) && isGraphemeAligned(text, hint, hint + quote.length)) {
    return { status: "exact", start: hint, end: hint + quote.length, score: 1 };
  }

  const score = makeScorer(text, selector, hint);
  let best: { score: number; start: number } | null = null;
  let seen = 0;
  for (let i = text.indexOf(quote); i >= 0 && seen < MAX_OCCURRENCES; i = text.indexOf(quote, i + 1), seen++) {
    if (!isGraphemeAligned(text, i, i + quote.length)) continue;
    const s = score(i, i + quote.length, 1);
    if (better(s, i, best, hint)) best = { score: s, start: i };
  }
  if (best) return { status: "moved", start: best.start, end: best.start + quote.length, score: round(best.score) };
  return fuzzy(text, quote, score, hint, opts);
}

function fuzzy(text: string, quote: string, score: Scorer, hint: number | null, opts: AnchorOptions): AnchorResult {
  const budget = Math.min(opts.maxErrors ?? 256, Math.floor(quote.length * (opts.errorRatio ?? 0.25)));
  if (budget < 1) return ORPHANED;
  let best: { score: number; start: number; end: number } | null = null;
  for (const m of approxSearch(text, quote, budget)) {
    const [s0, e0] = snapOutward(text, m.start, m.end);
    const [s, e] = trimRange(text, s0, e0);
    if (s >= e) continue;
    const sc = score(s, e, Math.max(0, 1 - m.errors / quote.length));
    if (better(sc, s, best, hint)) best = { score: sc, start: s, end: e };
  }
  if (!best || best.score < (opts.minScore ?? 0.5)) return ORPHANED;
  return { status: "fuzzy", start: best.start, end: best.end, score: round(best.score) };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/** Anchor many statements against one text; results are in input order. */
export function anchorAll(text: string, selectors: readonly QuoteSelector[], opts: AnchorOptions = {}): AnchorResult[] {
  return selectors.map((sel) => anchorSelector(text, sel, opts));
}

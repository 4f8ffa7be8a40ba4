/**
 * Approximate string matching with Myers' bit-parallel algorithm (1999),
 * multi-word variant, so a 300-character quote costs ten 32-bit steps per text
 * character instead of a 300-cell DP column. Distances are Levenshtein over
 * UTF-16 code units; callers snap results to grapheme boundaries afterwards.
 */

const W = 32;

interface Compiled {
  m: number;
  blocks: number;
  peq: Map<number, Int32Array>;
  none: Int32Array;
  lastBit: number;
}

function compile(pattern: string): Compiled {
  const m = pattern.length;
  const blocks = Math.max(1, Math.ceil(m / W));
  const peq = new Map<number, Int32Array>();
  for (let i = 0; i < m; i++) {
    const c = pattern.charCodeAt(i);
    let v = peq.get(c);
    if (!v) peq.set(c, (v = new Int32Array(blocks)));
    v[(i / W) | 0] |= 1 << i % W;
  }
  return { m, blocks, peq, none: new Int32Array(blocks), lastBit: 1 << (m - 1) % W };
}

/**
 * Last-row scores: out[j] is the least edit distance between the whole pattern
 * and a substring of text ending at j (0..n). With `anchored`, the substring
 * must start at 0 (global alignment against text prefixes), which is what
 * context scoring and finding a match's start need.
 */
export function lastRowScores(text: string, pattern: string, anchored = false): Int32Array {
  const n = text.length;
  const out = new Int32Array(n + 1);
  const c = compile(pattern);
  if (c.m === 0) {
    for (let j = 0; j <= n; j++) out[j] = anchored ? j : 0;
    return out;
  }
  const P = new Int32Array(c.blocks).fill(-1);
  const M = new Int32Array(c.blocks);
  const top = 1 << (W - 1);
  let score = c.m;
  out[0] = score;
  for (let j = 0; j < n; j++) {
    const eqv = c.peq.get(text.charCodeAt(j)) ?? c.none;
    // The horizontal delta entering row 0: 0 lets a match start anywhere, +1 charges for skipped text.
    let hin = anchored ? 1 : 0;
    for (let b = 0; b < c.blocks; b++) {
      const high = b === c.blocks - 1 ? c.lastBit : top;
      const pv = P[b];
      const mv = M[b];
      let eq = eqv[b];
      const xv = eq | mv;
      if (hin < 0) eq |= 1;
      const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      const hout = ph & high ? 1 : mh & high ? -1 : 0;
      ph <<= 1;
      mh <<= 1;
      if (hin < 0) mh |= 1;
      else if (hin > 0) ph |= 1;
      P[b] = mh | ~(xv | ph);
      M[b] = ph & xv;
      hin = hout;
    }
    score += hin;
    out[j + 1] = score;
  }
  return out;
}

/** Least edit distance between `pattern` and any prefix of `text`. */
export function prefixDistance(pattern: string, text: string): number {
  const scores = lastRowScores(text, pattern, true);
  let best = scores[0];
  for (let j = 1; j < scores.length; j++) if (scores[j] < best) best = scores[j];
  return best;
}

export interface ApproxMatch {
  start: number;
  end: number;
  errors: number;
}

function reverse(s: string): string {
  // Code-unit reversal is deliberate: both sides are reversed the same way and Myers compares code units.
  let r = "";
  for (let i = s.length - 1; i >= 0; i--) r += s[i];
  return r;
}

/**
 * Matches of `pattern` in `text` with at most `maxErrors` edits: one per run
 * of qualifying end positions (its best ends), best first, at most
 * `limit`. Starts are recovered by aligning the reversed pattern backwards
 * from each end, which costs O(m²/32) per candidate rather than a full matrix.
 */
export function approxSearch(text: string, pattern: string, maxErrors: number, limit = 32): ApproxMatch[] {
  const m = pattern.length;
  if (m === 0 || maxErrors < 0) return [];
  const scores = lastRowScores(text, pattern);
  // Within a run of qualifying ends, every end with the run's best score is kept:
  // "rise"→"rose" can be a substitution or a deletion at equal cost, and only
  // the suffix context can tell which end is right.
  const ends: { end: number; errors: number }[] = [];
  let run: number[] = [];
  const flush = () => {
    const min = Math.min(...run.map((j) => scores[j]));
    for (const j of run.filter((j) => scores[j] === min).slice(0, 4)) ends.push({ end: j, errors: min });
    run = [];
  };
  for (let j = 1; j <= text.length; j++) {
    if (scores[j] <= maxErrors) run.push(j);
    else if (run.length) flush();
  }
  if (run.length) flush();
  ends.sort((a, b) => a.errors - b.errors || a.end - b.end);
  const revPattern = reverse(pattern);
  return ends.slice(0, limit).map(({ end, errors }) => {
    const lo = Math.max(0, end - m - errors);
    const back = lastRowScores(reverse(text.slice(lo, end)), revPattern, true);
    let bestLen = 0;
    for (let len = 1; len < back.length; len++) {
      const better = back[len] < back[bestLen] || (back[len] === back[bestLen] && Math.abs(len - m) < Math.abs(bestLen - m));
      if (better) bestLen = len;
    }
    return { start: end - bestLen, end, errors: back[bestLen] };
  });
}

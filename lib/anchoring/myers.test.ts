import { describe, expect, it } from "vitest";
import { approxSearch, lastRowScores, prefixDistance } from "./myers";

/** Plain O(nm) Sellers DP, the reference the bit-parallel code must agree with. */
function naive(text: string, pattern: string, anchored: boolean): number[] {
  const m = pattern.length;
  let col = Array.from({ length: m + 1 }, (_, i) => i);
  const out = [m];
  for (let j = 1; j <= text.length; j++) {
    const next = [anchored ? j : 0];
    for (let i = 1; i <= m; i++) {
      const cost = pattern[i - 1] === text[j - 1] ? 0 : 1;
      next[i] = Math.min(col[i - 1] + cost, col[i] + 1, next[i - 1] + 1);
    }
    col = next;
    out.push(col[m]);
  }
  return out;
}

function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
}

describe("myers", () => {
  it("agrees with the naive DP across block sizes, both search modes", () => {
    const rand = rng(7);
    const word = (n: number, alphabet: string) => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join("");
    for (const m of [1, 5, 31, 32, 33, 64, 65, 100]) {
      for (let trial = 0; trial < 6; trial++) {
        const pattern = word(m, "abcd");
        const text = word(150, "abcd") + pattern.slice(0, Math.floor(m / 2)) + "x" + pattern.slice(Math.floor(m / 2)) + word(20, "abcd");
        for (const anchored of [false, true]) {
          expect(Array.from(lastRowScores(text, pattern, anchored))).toEqual(naive(text, pattern, anchored));
        }
      }
    }
  });

  it("finds a match with an edit, with its start and error count", () => {
    const text = "Nothing here. The quick brown fox jumped over the lazy dog. Fin.";
    const [best] = approxSearch(text, "quick brwn fox jumped", 3);
    expect(best).toEqual({ start: 18, end: 40, errors: 1 });
    expect(text.slice(best.start, best.end)).toBe("quick brown fox jumped");
  });

  it("returns nothing beyond the error budget and ranks candidates by errors", () => {
    expect(approxSearch("completely different", "quick brown", 2)).toEqual([]);
    const found = approxSearch("abcxef ... abcdef", "abcdef", 1);
    expect(found.map((f) => f.errors)).toEqual([0, 1]);
    expect(found[0].start).toBe(11);
  });

  it("measures prefix distance as a global alignment", () => {
    expect(prefixDistance("abc", "abcxyz")).toBe(0);
    expect(prefixDistance("abc", "xabc")).toBe(1);
    expect(prefixDistance("abc", "")).toBe(3);
  });
});

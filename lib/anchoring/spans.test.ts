import { describe, expect, it } from "vitest";
import { sortSpans, spansAt } from "./spans";

describe("spansAt", () => {
  const sorted = sortSpans([
    { id: "outer", start: 0, end: 100 },
    { id: "inner", start: 10, end: 20 },
    { id: "late", start: 50, end: 60 },
    { id: "touching", start: 20, end: 30 },
  ]);

  it("returns covering spans, innermost first, with end exclusive", () => {
    expect(spansAt(sorted, 15).map((s) => s.id)).toEqual(["inner", "outer"]);
    expect(spansAt(sorted, 20).map((s) => s.id)).toEqual(["touching", "outer"]);
    expect(spansAt(sorted, 0).map((s) => s.id)).toEqual(["outer"]);
    expect(spansAt(sorted, 100)).toEqual([]);
    expect(spansAt(sorted, -1)).toEqual([]);
  });

  it("agrees with a linear scan on random spans", () => {
    let seed = 3;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) % 1000);
    const spans = Array.from({ length: 300 }, (_, i) => {
      const start = rand();
      return { id: i, start, end: start + 1 + (rand() % 40) };
    });
    const s = sortSpans(spans);
    for (let off = 0; off < 1050; off += 7) {
      const expected = spans.filter((x) => x.start <= off && off < x.end).map((x) => x.id).sort((a, b) => a - b);
      expect(spansAt(s, off).map((x) => x.id).sort((a, b) => Number(a) - Number(b))).toEqual(expected);
    }
  });
});

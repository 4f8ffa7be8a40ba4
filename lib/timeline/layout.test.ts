import { describe, expect, it } from "vitest";
import { assignLanes, groupIntoBuckets, resolveScale, type DatedRow } from "./buckets";
import { gutterCells, gutterWidth, placeFlags, stepFlag } from "./flag-layout";

const row = (id: number, saidOn: string, saidOnPrecision: DatedRow["saidOnPrecision"] = "day", speakerId = 1): DatedRow => ({ id, speakerId, saidOn, saidOnPrecision });

describe("buckets", () => {
  const rows = [row(1, "2024-06-14"), row(2, "2024-08-12"), row(3, "2024-09-01", "month"), row(4, "2024-09-02"), row(5, "2024-01-01", "year")];

  it("groups by month with names, a vaguer date in its own bucket after the precise ones", () => {
    const buckets = groupIntoBuckets([...rows].sort((a, b) => (a.saidOn < b.saidOn ? -1 : 1)), "month");
    expect(buckets.map((b) => [b.label, b.rows.map((r) => r.id)])).toEqual([
      ["June 2024", [1]], ["August 2024", [2]], ["September 2024", [3, 4]], ["2024, month not known", [5]],
    ]);
  });

  it("groups by day, keeping month-precision statements apart", () => {
    const buckets = groupIntoBuckets([row(1, "2024-09-01", "month"), row(2, "2024-09-02"), row(3, "2024-09-02")], "day");
    expect(buckets.map((b) => [b.label, b.rows.map((r) => r.id)])).toEqual([["2 Sep 2024", [2, 3]], ["Sep 2024, day not known", [1]]]);
  });

  it("reverses buckets and rows for newest first", () => {
    const buckets = groupIntoBuckets([row(1, "2023-05-01"), row(2, "2024-02-01"), row(3, "2024-03-01")], "year", "desc");
    expect(buckets.map((b) => [b.key, b.rows.map((r) => r.id)])).toEqual([["2024", [3, 2]], ["2023", [1]]]);
  });

  it("chooses years for ranges longer than three years, months otherwise, and respects a chosen scale", () => {
    expect(resolveScale(null, [row(1, "2020-01-01"), row(2, "2024-06-01")])).toBe("year");
    expect(resolveScale(null, [row(1, "2023-01-01"), row(2, "2024-06-01")])).toBe("month");
    expect(resolveScale("day", [row(1, "2020-01-01"), row(2, "2024-06-01")])).toBe("day");
    expect(resolveScale(null, [])).toBe("month");
  });
});

describe("lanes", () => {
  it("gives each speaker a lane in the order they first speak; none for a single speaker or a crowd", () => {
    expect(assignLanes([row(1, "2024-01-01", "day", 7), row(2, "2024-01-02", "day", 3), row(3, "2024-01-03", "day", 7)])).toEqual([{ speakerId: 7, index: 0 }, { speakerId: 3, index: 1 }]);
    expect(assignLanes([row(1, "2024-01-01", "day", 7)])).toEqual([]);
    expect(assignLanes([1, 2, 3, 4, 5].map((s) => row(s, "2024-01-01", "day", s)))).toEqual([]);
  });
});

describe("flag brackets", () => {
  const ids = [10, 11, 12, 13, 14];

  it("places flags by display position, either direction, and skips flags with a statement not shown", () => {
    const placed = placeFlags(ids, [
      { key: "a", earlierId: 10, laterId: 13 },
      { key: "b", earlierId: 11, laterId: 12 },
      { key: "c", earlierId: 14, laterId: 13 },
      { key: "gone", earlierId: 10, laterId: 99 },
    ]);
    expect(placed).toEqual([
      { key: "a", top: 0, bottom: 3, column: 0 },
      { key: "b", top: 1, bottom: 2, column: 1 },
      { key: "c", top: 3, bottom: 4, column: 1 },
    ]);
    expect(gutterWidth(placed)).toBe(2);
  });

  it("marks start, middle and end of each bracket on the rows", () => {
    const cells = gutterCells(placeFlags(ids, [{ key: "a", earlierId: 11, laterId: 13 }]), ids.length);
    expect(cells.map((c) => c.map((x) => x.part))).toEqual([[], ["start"], ["mid"], ["end"], []]);
  });

  it("caps the gutter and leaves extra flags unplaced", () => {
    const many = Array.from({ length: 9 }, (_, i) => ({ key: `k${i}`, earlierId: 10, laterId: 14 }));
    const placed = placeFlags(ids, many);
    expect(placed.filter((p) => p.column === -1)).toHaveLength(3);
    expect(gutterCells(placed, ids.length)[0]).toHaveLength(6);
  });

  it("steps through flags and wraps round", () => {
    expect(stepFlag(null, 3, 1)).toBe(0);
    expect(stepFlag(null, 3, -1)).toBe(2);
    expect(stepFlag(2, 3, 1)).toBe(0);
    expect(stepFlag(0, 3, -1)).toBe(2);
    expect(stepFlag(null, 0, 1)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DEFAULT_VIEW, boundEnd, parseTimelineView, serializeTimelineView, toStoredFilter, withView } from "./view-state";

describe("timeline view codec", () => {
  it("reads every field from URL search params", () => {
    const v = parseTimelineView(new URLSearchParams("speakers=3,1&topics=2&kinds=denial,claim&from=2024-06&to=2024-09-30&flagged=1&confirmed=true&scale=day&order=desc&selected=7"));
    expect(v).toEqual({ speakers: [1, 3], topics: [2], kinds: ["claim", "denial"], from: "2024-06", to: "2024-09-30", flagged: true, confirmed: true, scale: "day", order: "desc", selected: 7 });
  });

  it("accepts the stored filter shape the demo seed writes, and Next's searchParams objects", () => {
    expect(parseTimelineView({ speakers: [4], topics: [9] })).toMatchObject({ speakers: [4], topics: [9], order: "asc" });
    expect(parseTimelineView({ speakers: ["4", "5"], topics: "9" })).toMatchObject({ speakers: [4, 5], topics: [9] });
    expect(parseTimelineView(new URLSearchParams("speakers=2&speakers=1"))).toMatchObject({ speakers: [1, 2] });
  });

  it("drops what it cannot read instead of failing", () => {
    const v = parseTimelineView(new URLSearchParams("speakers=1,x,-2,0,1e3&kinds=rumour&from=2024-13&to=2024-02-30&scale=week&order=up&selected=abc&flagged=yes"));
    expect(v).toEqual({ ...DEFAULT_VIEW, speakers: [1] });
    expect(parseTimelineView(null)).toEqual(DEFAULT_VIEW);
    expect(parseTimelineView({ speakers: { evil: true }, topics: [[1]] } as never)).toEqual(DEFAULT_VIEW);
    // A stored filter edited by hand can hold values that throw when turned into text; the rest still reads.
    const hostile = { toString() { throw new Error("no"); } };
    expect(parseTimelineView({ kinds: [hostile], topics: [Symbol("x"), 4], speakers: [3], order: "desc" } as never)).toEqual({ ...DEFAULT_VIEW, topics: [4], speakers: [3], order: "desc" });
    expect(parseTimelineView({ kinds: [Symbol("x")], from: hostile, to: "2024" } as never)).toEqual({ ...DEFAULT_VIEW, to: "2024" });
  });

  it("swaps a reversed date range", () => {
    expect(parseTimelineView({ from: "2024-09", to: "2024-06" })).toMatchObject({ from: "2024-06", to: "2024-09" });
    expect(parseTimelineView({ from: "2024-09", to: "2024-09-15" })).toMatchObject({ from: "2024-09", to: "2024-09-15" });
  });

  it("serializes canonically: defaults omitted, ids sorted, fixed key order", () => {
    expect(serializeTimelineView(DEFAULT_VIEW)).toBe("");
    const a = parseTimelineView(new URLSearchParams("topics=2&speakers=3,1&order=desc"));
    const b = parseTimelineView(new URLSearchParams("order=desc&speakers=1,3,3&topics=2"));
    expect(serializeTimelineView(a)).toBe("speakers=1,3&topics=2&order=desc");
    expect(serializeTimelineView(b)).toBe(serializeTimelineView(a));
  });

  it("puts the selection last, so the timeline can append it to the view's query without parsing", () => {
    const view = parseTimelineView(new URLSearchParams("speakers=1&from=2024-06&flagged=1&scale=year&order=desc"));
    expect(serializeTimelineView({ ...view, selected: 42 })).toBe(`${serializeTimelineView(view)}&selected=42`);
    expect(serializeTimelineView({ ...DEFAULT_VIEW, selected: 42 })).toBe("selected=42");
  });

  it("round-trips any view through the URL", () => {
    const view = fc.record({
      speakers: fc.uniqueArray(fc.integer({ min: 1, max: 1e6 }), { maxLength: 5 }),
      topics: fc.uniqueArray(fc.integer({ min: 1, max: 1e6 }), { maxLength: 5 }),
      kinds: fc.subarray(["claim", "precondition", "demand", "promise", "denial", "prediction", "other"] as const),
      from: fc.option(fc.constantFrom("2023", "2024-06", "2024-06-14")),
      to: fc.option(fc.constantFrom("2025", "2025-02", "2025-02-28")),
      flagged: fc.boolean(), confirmed: fc.boolean(),
      scale: fc.option(fc.constantFrom("day", "month", "year") as fc.Arbitrary<"day" | "month" | "year">),
      order: fc.constantFrom("asc", "desc") as fc.Arbitrary<"asc" | "desc">,
      selected: fc.option(fc.integer({ min: 1, max: 1e6 })),
    });
    fc.assert(fc.property(view, (v) => {
      const url = serializeTimelineView(v);
      const back = parseTimelineView(new URLSearchParams(url));
      expect(serializeTimelineView(back)).toBe(url);
      expect(back.speakers).toEqual([...v.speakers].sort((x, y) => x - y));
      expect(back.selected).toBe(v.selected);
    }));
  });

  it("stores the filter without the selected statement, in the URL's keys", () => {
    const v = withView(DEFAULT_VIEW, { speakers: [2], flagged: true, selected: 5, order: "desc" });
    expect(toStoredFilter(v)).toEqual({ speakers: [2], flagged: true, order: "desc" });
    expect(parseTimelineView(toStoredFilter(v))).toEqual({ ...v, selected: null });
  });

  it("knows the last day of a month bound, leap years included", () => {
    expect(boundEnd("2024-02")).toBe("2024-02-29");
    expect(boundEnd("2023-02")).toBe("2023-02-28");
    expect(boundEnd("2024")).toBe("2024-12-31");
    expect(boundEnd("2024-06-14")).toBe("2024-06-14");
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DATE_PRECISIONS } from "./enums";
import { compareSaidOn, formatSaidOn, normaliseSaidOn, saidOnInterval, saidOnOrdinals, saidOnOverlaps, type SaidOn } from "./said-on";

/** Normalised said-on dates around a few month and year boundaries, so ties and nesting are common. */
const saidOn = fc.record({
  day: fc.date({ min: new Date("2023-11-25T00:00:00Z"), max: new Date("2024-03-05T00:00:00Z"), noInvalidDate: true }),
  precision: fc.constantFrom(...DATE_PRECISIONS),
}).map(({ day, precision }): SaidOn => ({ date: normaliseSaidOn(day.toISOString().slice(0, 10), precision)!, precision }));

describe("said-on dates", () => {
  it("normalises to the first day of the period and refuses malformed dates", () => {
    expect(normaliseSaidOn("2024-09-17", "month")).toBe("2024-09-01");
    expect(normaliseSaidOn("2024-09", "month")).toBe("2024-09-01");
    expect(normaliseSaidOn("2024", "year")).toBe("2024-01-01");
    expect(normaliseSaidOn("2024-02-30", "day")).toBeNull();
    expect(normaliseSaidOn("yesterday", "day")).toBeNull();
  });

  it("orders a precise day before the vaguer month that starts on it", () => {
    const sept = { date: "2024-09-01", precision: "month" as const };
    const sept2 = { date: "2024-09-02", precision: "day" as const };
    const sept1 = { date: "2024-09-01", precision: "day" as const };
    expect(compareSaidOn(sept1, sept)).toBeLessThan(0);
    expect(compareSaidOn(sept, sept2)).toBeLessThan(0);
    expect(saidOnOverlaps(sept, sept2)).toBe(true);
    expect(saidOnOverlaps(sept1, sept2)).toBe(false);
  });

  it("formats with the precision it has", () => {
    expect(formatSaidOn({ date: "2024-06-14", precision: "day" })).toBe("14 Jun 2024");
    expect(formatSaidOn({ date: "2024-09-01", precision: "month" })).toBe("Sep 2024");
    expect(formatSaidOn({ date: "2024-01-01", precision: "year" })).toBe("2024");
    // Remembered results are kept apart by precision: the same stored date reads three ways.
    expect(["day", "month", "year", "day"].map((precision) => formatSaidOn({ date: "2024-01-01", precision: precision as "day" }))).toEqual(["1 Jan 2024", "Jan 2024", "2024", "1 Jan 2024"]);
    expect(() => formatSaidOn({ date: "not a date", precision: "day" })).toThrow();
    expect(saidOnInterval({ date: "2024-02-01", precision: "month" })).toEqual({ start: "2024-02-01", end: "2024-02-29" });
  });

  it("says two periods overlap exactly when their day ranges meet", () => {
    fc.assert(fc.property(saidOn, saidOn, (a, b) => {
      const [x, y] = [saidOnInterval(a), saidOnInterval(b)];
      expect(saidOnOverlaps(a, b)).toBe(x.start <= y.end && y.start <= x.end);
    }), { numRuns: 500 });
    expect(saidOnOverlaps({ date: "2024-01-01", precision: "year" }, { date: "2024-12-31", precision: "day" })).toBe(true);
    expect(saidOnOverlaps({ date: "2024-02-01", precision: "month" }, { date: "2024-03-01", precision: "day" })).toBe(false);
  });

  it("numbers a set of said-on dates in compareSaidOn's order, ties included", () => {
    fc.assert(fc.property(fc.array(saidOn, { minLength: 1, maxLength: 40 }), (all) => {
      const ordinal = saidOnOrdinals(all);
      for (const a of all) for (const b of all) expect(Math.sign(ordinal(a) - ordinal(b))).toBe(Math.sign(compareSaidOn(a, b)));
    }), { numRuns: 200 });
  });
});

import { describe, expect, it } from "vitest";
import { compareSaidOn, formatSaidOn, normaliseSaidOn, saidOnInterval, saidOnOverlaps } from "./said-on";

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
    expect(saidOnInterval({ date: "2024-02-01", precision: "month" })).toEqual({ start: "2024-02-01", end: "2024-02-29" });
  });
});

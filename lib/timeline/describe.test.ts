import { describe, expect, it } from "vitest";
import { describeRange, describeTimelineView, formatBound, severityLabel } from "./describe";
import { DEFAULT_VIEW, withView } from "./view-state";

const names = { speakers: new Map([[1, "Vladimir Putin"], [2, "Volodymyr Zelensky"], [3, "Mykhailo Podolyak"]]), topics: new Map([[5, "Preconditions for negotiations"]]) };

describe("the filter in words", () => {
  it("names speaker, topic and the span shown", () => {
    expect(describeTimelineView(withView(DEFAULT_VIEW, { speakers: [1], topics: [5] }), names, { first: "2024-06-14", last: "2024-09-05" }))
      .toBe("Vladimir Putin · Preconditions for negotiations · Jun–Sep 2024");
  });

  it("prefers the filter's own dates, and lists several speakers, kinds and flag filters", () => {
    const v = withView(DEFAULT_VIEW, { speakers: [1, 2, 3], kinds: ["denial", "precondition"], from: "2024-06", to: "2025-01", confirmed: true });
    expect(describeTimelineView(v, names, { first: "2020-01-01", last: "2020-02-01" }))
      .toBe("Vladimir Putin, Volodymyr Zelensky or Mykhailo Podolyak · Preconditions and denials · Jun 2024–Jan 2025 · Confirmed flags only");
    expect(describeTimelineView(withView(DEFAULT_VIEW, { flagged: true }), names)).toBe("Flagged statements only");
  });

  it("says 'All statements' for the unfiltered view and skips unknown ids", () => {
    expect(describeTimelineView(DEFAULT_VIEW, names)).toBe("All statements");
    expect(describeTimelineView(withView(DEFAULT_VIEW, { speakers: [99] }), names)).toBe("All statements");
  });

  it("formats ranges compactly", () => {
    expect(describeRange("2024-09-02", "2024-09-05")).toBe("2–5 Sep 2024");
    expect(describeRange("2024-06-14", "2024-09-02")).toBe("14 Jun–2 Sep 2024");
    expect(describeRange("2023", "2024")).toBe("2023–2024");
    expect(describeRange("2024-09", "2024-09")).toBe("Sep 2024");
    expect(describeRange("2024-06", null)).toBe("from Jun 2024");
    expect(describeRange(null, "2025")).toBe("until 2025");
    expect(describeRange(null, null)).toBeNull();
    expect(formatBound("2024-06-04")).toBe("4 Jun 2024");
  });

  it("words every verdict", () => {
    expect(["no_flip", "half_flip", "full_flop", "dispute"].map((s) => severityLabel(s as never))).toEqual(["No flip", "Half flip", "Full flop", "Dispute"]);
  });
});

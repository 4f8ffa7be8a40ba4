import { describe, expect, it } from "vitest";
import { createTimelineInput, toTimelineView } from "./timeline-requests";

describe("createTimelineInput", () => {
  it("fills the filter's defaults and keeps the view-state shape", () => {
    const parsed = createTimelineInput.parse({ title: " Talks ", filter: { speakers: [3, 1], from: "2024-06" } });
    expect(parsed).toMatchObject({ title: "Talks", description: "", filter: { speakers: [3, 1], topics: [], kinds: [], flagged: false, order: "asc" } });
    expect(toTimelineView(parsed.filter)).toMatchObject({ speakers: [1, 3], from: "2024-06", to: null, scale: null, selected: null });
    expect(createTimelineInput.parse({ title: "All" }).filter).toMatchObject({ speakers: [], order: "asc" });
  });

  it("refuses what the lenient URL codec would silently drop", () => {
    const issue = (filter: unknown) => createTimelineInput.safeParse({ title: "x", filter }).error?.issues[0];
    expect(issue({ from: "2024-02-30" })).toMatchObject({ path: ["filter", "from"] });
    expect(issue({ from: "June" })).toMatchObject({ path: ["filter", "from"] });
    expect(issue({ from: "2024-09", to: "2024-06" })).toMatchObject({ path: ["filter", "to"], message: "The end date is before the start date." });
    expect(issue({ kinds: ["rumour"] })).toMatchObject({ path: ["filter", "kinds", 0] });
    expect(issue({ selected: 4 })).toMatchObject({ code: "unrecognized_keys" });
    expect(issue({ speakers: [0] })).toMatchObject({ path: ["filter", "speakers", 0] });
    // A month's end is inclusive: June to June is one month, not an error.
    expect(issue({ from: "2024-06", to: "2024-06" })).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { computeFlags, countOpenFlags } from "./engine";
import { link, stmt } from "./test-helpers";

// Putin on negotiations with Ukraine, summer 2024, as a fact-checker would tag
// it; Podolyak (Zelensky's adviser) rejects the June offer the same day.
const PUTIN = 1;
const PODOLYAK = 2;
const NEGOTIATIONS = 5;

const statements = [
  stmt(101, PUTIN, "2024-06-14", [[NEGOTIATIONS, "conditional", "Ukraine withdraws from four regions and drops NATO bid"]]),
  stmt(102, PUTIN, "2024-08-12", [[NEGOTIATIONS, "opposes"]]),
  stmt(103, PUTIN, "2024-09-02", [[NEGOTIATIONS, "conditional", "bandits out of Kursk"]]),
  stmt(104, PUTIN, "2024-09-05", [[NEGOTIATIONS, "conditional", "on the basis of the Istanbul documents"]]),
  stmt(201, PODOLYAK, "2024-06-14", [[NEGOTIATIONS, "opposes"]]),
];
const links = [link(1, 201, 101, "contradicts", null, "Calls the offer an ultimatum, not a peace proposal")];

describe("Putin on negotiations, June–September 2024", () => {
  const flags = computeFlags({ statements, links, reviews: [] });

  it("finds three half flips in Putin's own statements and one dispute with Podolyak", () => {
    expect(flags.map((f) => [f.key, f.severity, f.status])).toEqual([
      ["dispute:101:201", "dispute", "linked"],
      ["stance_shift:101:102:5", "half_flip", "detected"],
      ["stance_shift:102:103:5", "half_flip", "detected"],
      ["stance_shift:103:104:5", "half_flip", "detected"],
    ]);
    expect(countOpenFlags(flags)).toBe(4);
  });

  it("explains each shift in words with the conditions", () => {
    expect(flags[1].rationale).toBe("Stance on topic 5 moved from conditional (Ukraine withdraws from four regions and drops NATO bid) to opposes.");
    expect(flags[2].rationale).toBe("Stance on topic 5 moved from opposes to conditional (bandits out of Kursk).");
    expect(flags[3].shift).toMatchObject({ fromCondition: "bandits out of Kursk", toCondition: "on the basis of the Istanbul documents" });
    expect(flags[0].rationale).toBe("Calls the offer an ultimatum, not a peace proposal");
  });

  it("marks the same-day dispute order-uncertain and the dated shifts certain", () => {
    expect(flags.map((f) => f.orderUncertain)).toEqual([true, false, false, false]);
  });

  it("slots a statement known only as \"Sep 2024\" before 2 Sep and matches its condition normalised", () => {
    const septMonth = stmt(105, PUTIN, "2024-09-01", [[NEGOTIATIONS, "conditional", "Bandits out of   Kursk"]], "month");
    const keys = computeFlags({ statements: [...statements, septMonth], links, reviews: [] })
      .map((f) => `${f.key}${f.orderUncertain ? "?" : ""}`);
    // "Sep 2024" sorts before "2 Sep 2024"; the month's condition matches the
    // 2 Sep one once normalised, so only the opposes→conditional step flags.
    expect(keys).toEqual(["dispute:101:201?", "stance_shift:101:102:5", "stance_shift:102:105:5", "stance_shift:103:104:5"]);
  });
});

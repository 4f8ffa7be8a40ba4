import { describe, expect, it } from "vitest";
import { computeFlags, countOpenFlags, flagsForStatement } from "./engine";
import { link, stmt } from "./test-helpers";
import type { ReviewFacts } from "./types";

const T = 5; // topic id used throughout

describe("linked flags", () => {
  it("flags a same-speaker contradicts link with the relation's default verdict and a generated rationale", () => {
    const statements = [stmt(1, 1, "2024-01-10", []), stmt(2, 1, "2024-03-01", [])];
    const [flag, ...rest] = computeFlags({ statements, links: [link(7, 2, 1, "contradicts")], reviews: [] });
    expect(rest).toHaveLength(0);
    expect(flag).toMatchObject({ key: "linked:1:2", rule: "linked", earlierId: 1, laterId: 2, linkId: 7, severity: "full_flop", status: "linked", orderUncertain: false });
    expect(flag.rationale).toBe("Statement 2 contradicts the same speaker's earlier statement 1.");
  });

  it("uses the link's own verdict and rationale when the person gave them", () => {
    const statements = [stmt(1, 1, "2024-01-10", []), stmt(2, 1, "2024-03-01", [])];
    const flags = computeFlags({ statements, links: [link(7, 2, 1, "reverses", "half_flip", "  Walked back the deadline  ")], reviews: [] });
    expect(flags[0]).toMatchObject({ severity: "half_flip", rationale: "Walked back the deadline" });
  });

  it("defaults softens and hardens to a half flip and ignores clarifies", () => {
    const statements = [stmt(1, 1, "2024-01-01", []), stmt(2, 1, "2024-02-01", []), stmt(3, 1, "2024-03-01", []), stmt(4, 1, "2024-04-01", [])];
    const links = [link(1, 2, 1, "softens"), link(2, 3, 2, "hardens"), link(3, 4, 3, "clarifies")];
    const flags = computeFlags({ statements, links, reviews: [] });
    expect(flags.map((f) => [f.key, f.severity])).toEqual([["linked:1:2", "half_flip"], ["linked:2:3", "half_flip"]]);
  });

  it("keeps one flag per pair, the weightier judgement, when two links join the same pair", () => {
    const statements = [stmt(1, 1, "2024-01-01", []), stmt(2, 1, "2024-02-01", [])];
    const flags = computeFlags({ statements, links: [link(1, 2, 1, "softens"), link(2, 2, 1, "contradicts")], reviews: [] });
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ linkId: 2, severity: "full_flop" });
  });

  it("ignores links whose statements are gone", () => {
    const flags = computeFlags({ statements: [stmt(1, 1, "2024-01-01", [])], links: [link(1, 2, 1, "contradicts")], reviews: [] });
    expect(flags).toEqual([]);
  });
});

describe("disputes", () => {
  it("makes contradicts/reverses between different speakers a dispute, and softens across speakers nothing", () => {
    const statements = [stmt(1, 1, "2024-01-01", []), stmt(2, 2, "2024-02-01", []), stmt(3, 2, "2024-03-01", [])];
    const links = [link(1, 2, 1, "contradicts"), link(2, 3, 1, "softens")];
    const flags = computeFlags({ statements, links, reviews: [] });
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ key: "dispute:1:2", rule: "dispute", severity: "dispute", status: "linked" });
  });

  it("lets a review confirm a dispute without re-rating it on the Flip-O-Meter", () => {
    const statements = [stmt(1, 1, "2024-01-01", []), stmt(2, 2, "2024-02-01", [])];
    const reviews: ReviewFacts[] = [{ flagKey: "dispute:1:2", decision: "confirmed", verdict: "half_flip" }];
    const flags = computeFlags({ statements, links: [link(1, 2, 1, "reverses")], reviews });
    expect(flags[0]).toMatchObject({ status: "confirmed", severity: "dispute" });
  });
});

describe("stance shifts", () => {
  const shift = (a: Parameters<typeof stmt>[3], b: Parameters<typeof stmt>[3]) =>
    computeFlags({ statements: [stmt(1, 1, "2024-01-01", a), stmt(2, 1, "2024-02-01", b)], links: [], reviews: [] });

  it("rates supports to opposes a full flop", () => {
    expect(shift([[T, "supports"]], [[T, "opposes"]])[0]).toMatchObject({ key: "stance_shift:1:2:5", rule: "stance_shift", topicId: T, severity: "full_flop", status: "detected" });
  });

  it("rates moves to or from conditional and neutral a half flip", () => {
    expect(shift([[T, "supports"]], [[T, "conditional", "if funded"]])[0].severity).toBe("half_flip");
    expect(shift([[T, "conditional", "if funded"]], [[T, "opposes"]])[0].severity).toBe("half_flip");
    expect(shift([[T, "neutral"]], [[T, "opposes"]])[0].severity).toBe("half_flip");
    expect(shift([[T, "supports"]], [[T, "neutral"]])[0].severity).toBe("half_flip");
  });

  it("compares conditions normalised, and treats a blank condition as unrecorded", () => {
    expect(shift([[T, "conditional", "If  Funded "]], [[T, "conditional", "if funded"]])).toEqual([]);
    expect(shift([[T, "conditional", "if funded"]], [[T, "conditional", "if audited"]])[0].severity).toBe("half_flip");
    expect(shift([[T, "conditional", null]], [[T, "conditional", "if audited"]])).toEqual([]);
  });

  it("does not flag an unchanged stance, other topics, or two different speakers", () => {
    expect(shift([[T, "opposes"]], [[T, "opposes"]])).toEqual([]);
    expect(shift([[T, "opposes"]], [[6, "supports"]])).toEqual([]);
    const statements = [stmt(1, 1, "2024-01-01", [[T, "supports"]]), stmt(2, 2, "2024-02-01", [[T, "opposes"]])];
    expect(computeFlags({ statements, links: [], reviews: [] })).toEqual([]);
  });

  it("words the rationale and carries structured stances", () => {
    const flag = shift([[T, "conditional", " talks on Istanbul terms "]], [[T, "opposes"]])[0];
    expect(flag.rationale).toBe("Stance on topic 5 moved from conditional (talks on Istanbul terms) to opposes.");
    expect(flag.shift).toEqual({ from: "conditional", to: "opposes", fromCondition: "talks on Istanbul terms", toCondition: null });
  });

  it("pairs only consecutive statements, so there and back is two shifts", () => {
    const statements = [stmt(3, 1, "2024-03-01", [[T, "supports"]]), stmt(1, 1, "2024-01-01", [[T, "supports"]]), stmt(2, 1, "2024-02-01", [[T, "opposes"]])];
    expect(computeFlags({ statements, links: [], reviews: [] }).map((f) => f.key)).toEqual(["stance_shift:1:2:5", "stance_shift:2:3:5"]);
  });

  it("breaks exact said-on ties by id (creation order), whatever the input order", () => {
    const statements = [stmt(9, 1, "2024-05-01", [[T, "opposes"]]), stmt(4, 1, "2024-05-01", [[T, "supports"]])];
    const [flag] = computeFlags({ statements, links: [], reviews: [] });
    expect(flag).toMatchObject({ earlierId: 4, laterId: 9, orderUncertain: true });
  });

  it("orders a month-precision statement before a day inside it and marks the order uncertain", () => {
    const sept = stmt(20, 1, "2024-09-01", [[T, "supports"]], "month");
    const sept2 = stmt(10, 1, "2024-09-02", [[T, "opposes"]]);
    const [flag] = computeFlags({ statements: [sept2, sept], links: [], reviews: [] });
    expect(flag).toMatchObject({ key: "stance_shift:20:10:5", earlierId: 20, laterId: 10, orderUncertain: true });
    const oct = stmt(30, 1, "2024-10-03", [[T, "supports"]]);
    const flags = computeFlags({ statements: [sept2, sept, oct], links: [], reviews: [] });
    expect(flags.find((f) => f.laterId === 30)).toMatchObject({ earlierId: 10, orderUncertain: false });
  });
});

describe("suppression and reviews", () => {
  const statements = [stmt(1, 1, "2024-01-01", [[T, "supports"]]), stmt(2, 1, "2024-02-01", [[T, "opposes"]])];

  it("drops a detected shift when a restates or supports link joins the pair, in either direction", () => {
    expect(computeFlags({ statements, links: [link(1, 2, 1, "restates")], reviews: [] })).toEqual([]);
    expect(computeFlags({ statements, links: [link(1, 1, 2, "supports")], reviews: [] })).toEqual([]);
    expect(computeFlags({ statements, links: [link(1, 2, 1, "clarifies")], reviews: [] })).toHaveLength(1);
  });

  it("drops a detected shift confirmed as no flip", () => {
    const reviews: ReviewFacts[] = [{ flagKey: "stance_shift:1:2:5", decision: "confirmed", verdict: "no_flip" }];
    expect(computeFlags({ statements, links: [], reviews })).toEqual([]);
  });

  it("confirms with the reviewer's verdict, or keeps the computed one when none is given", () => {
    const rated = computeFlags({ statements, links: [], reviews: [{ flagKey: "stance_shift:1:2:5", decision: "confirmed", verdict: "half_flip" }] });
    expect(rated[0]).toMatchObject({ status: "confirmed", severity: "half_flip" });
    const plain = computeFlags({ statements, links: [], reviews: [{ flagKey: "stance_shift:1:2:5", decision: "confirmed", verdict: null }] });
    expect(plain[0]).toMatchObject({ status: "confirmed", severity: "full_flop" });
  });

  it("keeps dismissed flags visible but not open, for linked flags too", () => {
    const more = [...statements, stmt(3, 1, "2024-03-01", [])];
    const reviews: ReviewFacts[] = [
      { flagKey: "stance_shift:1:2:5", decision: "dismissed", verdict: null },
      { flagKey: "linked:2:3", decision: "dismissed", verdict: null },
    ];
    const flags = computeFlags({ statements: more, links: [link(1, 3, 2, "contradicts")], reviews });
    expect(flags.map((f) => f.status)).toEqual(["dismissed", "dismissed"]);
    expect(countOpenFlags(flags)).toBe(0);
    expect(countOpenFlags(computeFlags({ statements: more, links: [link(1, 3, 2, "contradicts")], reviews: [] }))).toBe(2);
  });

  it("confirms a linked flag with the reviewer's verdict and keeps it even when rated no flip", () => {
    const reviews: ReviewFacts[] = [{ flagKey: "linked:1:2", decision: "confirmed", verdict: "no_flip" }];
    const flags = computeFlags({ statements: [stmt(1, 1, "2024-01-01", []), stmt(2, 1, "2024-02-01", [])], links: [link(1, 2, 1, "softens")], reviews });
    expect(flags[0]).toMatchObject({ status: "confirmed", severity: "no_flip" });
  });

  it("returns only the linked flag when a link and a detected shift cover the same pair", () => {
    const flags = computeFlags({ statements, links: [link(4, 2, 1, "softens", null, "Hedged, not reversed")], reviews: [] });
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ rule: "linked", linkId: 4, severity: "half_flip", rationale: "Hedged, not reversed" });
  });
});

describe("output", () => {
  // Statements 2 and 3 share a said-on date, so the key decides their flags' order.
  it("gives identical, sorted results on repeated runs and shuffled input", () => {
    const statements = [
      stmt(1, 1, "2024-01-01", [[T, "supports"], [6, "neutral"]]),
      stmt(2, 1, "2024-02-01", [[T, "opposes"], [6, "supports"]]),
      stmt(3, 2, "2024-02-01", [[T, "supports"]]),
      stmt(4, 2, "2024-01-15", [[T, "opposes"]]),
    ];
    const links = [link(1, 3, 1, "contradicts")];
    const first = computeFlags({ statements, links, reviews: [] });
    const second = computeFlags({ statements: [...statements].reverse(), links, reviews: [] });
    expect(second).toEqual(first);
    expect(first.map((f) => f.key)).toEqual(["dispute:1:3", "stance_shift:1:2:5", "stance_shift:1:2:6", "stance_shift:4:3:5"]);
    expect(flagsForStatement(first, 3).map((f) => f.key)).toEqual(["dispute:1:3", "stance_shift:4:3:5"]);
  });
});

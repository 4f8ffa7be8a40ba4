import { describe, expect, it } from "vitest";
import { PAIRS, STATEMENTS, TOPICS } from "./fixtures/suggestion-pairs";
import { suggestLinks, type SuggestionCandidate } from "./suggest";

const byId = new Map(STATEMENTS.map((s) => [s.id, s]));

function c(id: number, speakerId: number, date: string, topicIds: number[], text: string, lexicalScore?: number): SuggestionCandidate {
  return { id, speakerId, saidOn: { date, precision: "day" }, topicIds, text, lexicalScore };
}

describe("link suggestions", () => {
  const target = c(10, 1, "2024-09-02", [5], "We are not refusing talks, but first the bandits must leave Kursk.");

  // Rarer words weigh more, so "Kursk" is listed before "talks".
  it("ranks same speaker and topic, then similar wording, then other speakers on the topic, with reasons", () => {
    const candidates = [
      c(1, 1, "2024-06-14", [5], "Talks can start once Ukraine withdraws from four regions."),
      c(2, 1, "2024-08-12", [9], "There will be no talks with people who attack Kursk."),
      c(3, 2, "2024-08-13", [5], "Fair negotiations are possible."),
      c(4, 2, "2024-08-14", [9], "Harvest figures look good this year."),
    ];
    const out = suggestLinks(target, candidates, { topicNames: new Map([[5, "Negotiations"]]) });
    expect(out.map((s) => [s.id, s.tier])).toEqual([[1, "same_speaker_topic"], [2, "similar_wording"], [3, "same_topic"]]);
    expect(out[0].reasons[0]).toBe("same speaker and topic: Negotiations");
    expect(out[1].reasons).toEqual(["similar wording: Kursk, talks"]);
    expect(out[2].reasons).toEqual(["same topic, other speaker"]);
  });

  it("excludes the target, later statements, linked and dismissed ids, and caps at the limit", () => {
    const candidates = [
      c(10, 1, "2024-09-02", [5], "itself"),
      c(11, 1, "2024-09-02", [5], "same day, created after"),
      c(9, 1, "2024-09-02", [5], "same day, created before"),
      c(20, 1, "2024-10-01", [5], "later"),
      ...[1, 2, 3, 4, 5, 6, 7].map((id) => c(id, 1, `2024-0${id}-01`, [5], `statement ${id}`)),
    ];
    const out = suggestLinks(target, candidates, { linkedIds: [7], dismissedIds: new Set([6]) });
    expect(out.map((s) => s.id)).toEqual([9, 5, 4, 3, 2]);
    expect(suggestLinks(target, candidates, { limit: 2 })).toHaveLength(2);
  });

  it("ranks by externally supplied scores when given, treating a missing score as no match", () => {
    const candidates = [
      c(1, 3, "2024-01-01", [], "bandits Kursk talks", 2),
      c(2, 3, "2024-01-02", [], "refusing talks", 8),
      c(3, 3, "2024-01-03", [], "refusing talks bandits Kursk"),
    ];
    const out = suggestLinks(target, candidates);
    expect(out.map((s) => [s.id, s.similarity])).toEqual([[2, 1], [1, 0.25]]);
  });

  it("matches words in other scripts and ignores case and punctuation", () => {
    const t = c(5, 1, "2024-02-01", [], "Переговоры о Курске — невозможны!");
    const out = suggestLinks(t, [c(1, 2, "2024-01-01", [], "переговоры, КУРСКЕ"), c(2, 2, "2024-01-01", [], "Погода")]);
    expect(out.map((s) => s.id)).toEqual([1]);
    expect(out[0].reasons[0]).toMatch(/^similar wording: /);
  });

  it("reaches recall@5 of at least 0.8 on the labelled fixture", () => {
    const misses: string[] = [];
    for (const [later, earlier, note] of PAIRS) {
      const ids = suggestLinks(byId.get(later)!, STATEMENTS, { topicNames: TOPICS }).map((s) => s.id);
      if (!ids.includes(earlier)) misses.push(`${later}→${earlier} (${note})`);
    }
    const recall = (PAIRS.length - misses.length) / PAIRS.length;
    console.log(`suggestion recall@5 = ${recall.toFixed(3)} over ${PAIRS.length} pairs; misses: ${misses.join("; ") || "none"}`);
    expect(PAIRS.length).toBeGreaterThanOrEqual(40);
    expect(recall).toBeGreaterThanOrEqual(0.8);
  });
});

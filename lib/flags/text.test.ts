import { describe, expect, it } from "vitest";
import { buildTfIdf, tokenize } from "./text";

describe("tokenizer", () => {
  it("drops stopwords, possessives and punctuation, folds plurals, keeps other scripts", () => {
    expect(tokenize("Putin's talks: we DON'T refuse negotiations — Erdoğan, Курск!").map((t) => t.term))
      .toEqual(["putin", "talk", "refuse", "negotiation", "erdoğan", "курск"]);
    expect(tokenize("Kursk's")[0]).toEqual({ term: "kursk", surface: "Kursk" });
  });
});

describe("tf-idf", () => {
  it("scores identical texts 1, disjoint texts 0, and lists rarer shared words first", () => {
    const model = buildTfIdf(["talks about Kursk", "talks about Kursk", "grain harvest", "talks on grain"]);
    expect(model.similarity(0, 1)).toBeCloseTo(1);
    expect(model.similarity(0, 2)).toBe(0);
    expect(model.sharedTerms(0, 1, 3)).toEqual(["Kursk", "talks"]);
  });
});

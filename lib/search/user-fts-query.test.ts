import { describe, expect, it } from "vitest";
import { MAX_FTS_TERMS, parseUserSearch } from "./user-fts-query";

describe("parseUserSearch", () => {
  it("quotes each word and ANDs them", () => {
    expect(parseUserSearch("bandits Kursk").match).toBe("\"bandits\" \"Kursk\"");
  });
  it("keeps a trailing star as a prefix search", () => {
    expect(parseUserSearch("bandit*").match).toBe("\"bandit\"*");
    expect(parseUserSearch("never refus*").match).toBe("\"never\" \"refus\"*");
  });
  it("keeps balanced quotes as a phrase", () => {
    expect(parseUserSearch("\"never refused\" talks").match).toBe("\"never refused\" \"talks\"");
  });
  it("turns FTS5 syntax into plain words", () => {
    expect(parseUserSearch("AND OR NOT").match).toBe("\"AND\" \"OR\" \"NOT\"");
    expect(parseUserSearch("NEAR(").match).toBe("\"NEAR\"");
    expect(parseUserSearch("quote:bandits -talks ^x {a b}").match).toBe("\"quote bandits\" \"talks\" \"x\" \"a\" \"b\"");
  });
  it("finds nothing to search in punctuation, stars, lone quotes and emoji", () => {
    for (const input of ["\"", "\"\"", "*", "**", "()", "😀 🇺🇦", "   ", "\" * \""]) {
      expect(parseUserSearch(input)).toEqual({ match: null, terms: [] });
    }
  });
  it("keeps letters next to emoji and non-Latin scripts", () => {
    expect(parseUserSearch("мир😀peace").match).toBe("\"мир peace\"");
    expect(parseUserSearch("Путин").terms).toEqual(["Путин"]);
  });
  it("bounds the number of terms", () => {
    const parsed = parseUserSearch(Array.from({ length: 100 }, (_, i) => `w${i}`).join(" "));
    expect(parsed.terms).toHaveLength(MAX_FTS_TERMS);
  });
});

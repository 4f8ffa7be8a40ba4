import { describe, expect, it } from "vitest";
import { ftsAllPrefixes, ftsAnyOf, ftsTerms, quoteFtsTerm } from "./fts-query";

describe("FTS5 queries from people's words", () => {
  it("keeps only words, lowercased and distinct, in any script", () => {
    expect(ftsTerms('"Bandits" AND kursk* NEAR(Курск) -bandits {note}:x')).toEqual(["bandits", "and", "kursk", "near", "курск", "note", "x"]);
    expect(ftsTerms("a b c d", 2)).toEqual(["a", "b"]);
    expect(ftsTerms(" \"*:^()- ")).toEqual([]);
  });

  it("quotes every term, so operators are searched as words", () => {
    expect(quoteFtsTerm('say "hi"')).toBe('"say ""hi"""');
    expect(ftsAnyOf(["not", "kursk"], ["quote", "summary"])).toBe('{quote summary} : ("not" OR "kursk")');
    expect(ftsAllPrefixes(["never", "refus"])).toBe('"never"* AND "refus"*');
    expect(ftsAnyOf([])).toBeNull();
    expect(ftsAllPrefixes([], ["quote"])).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { locateQuote } from "./locate";

const TEXT =
  "In March she said we will build the wall, to cheers.\n\n" +
  "In June she said we will build the wall, but only with funding.\n\n" +
  "Le ministre a d\u00e9clar\u00e9 : pas de hausse.";
const QUOTE = "we will build the wall";
const FIRST = TEXT.indexOf(QUOTE);
const SECOND = TEXT.indexOf(QUOTE, FIRST + 1);

describe("locateQuote", () => {
  it("finds a unique quote and returns its context", () => {
    const r = locateQuote(TEXT, { quote: "but only with funding" });
    expect(r).toMatchObject({ ok: true, start: TEXT.indexOf("but only"), end: TEXT.indexOf("but only") + 21 });
    if (!r.ok) throw new Error("expected ok");
    expect(r.prefix.endsWith("wall, ")).toBe(true);
    expect(r.suffix.startsWith(".\n\nLe ministre")).toBe(true);
  });

  it("compares after NFC normalisation and trims the quote", () => {
    const r = locateQuote(TEXT, { quote: "  a de\u0301clare\u0301 \n" });
    expect(r).toMatchObject({ ok: true, start: TEXT.indexOf("a d\u00e9clar\u00e9"), quote: "a d\u00e9clar\u00e9" });
  });

  it("reports not_found", () => {
    expect(locateQuote(TEXT, { quote: "we will not build" })).toEqual({ ok: false, code: "not_found", occurrences: [], total: 0 });
    expect(locateQuote(TEXT, { quote: " " })).toMatchObject({ ok: false, code: "not_found" });
  });

  it("reports ambiguity with the occurrences when nothing disambiguates", () => {
    const r = locateQuote(TEXT, { quote: QUOTE });
    expect(r).toEqual({
      ok: false,
      code: "ambiguous",
      total: 2,
      occurrences: [
        { start: FIRST, end: FIRST + QUOTE.length },
        { start: SECOND, end: SECOND + QUOTE.length },
      ],
    });
    // Context that fits both occurrences does not help either.
    expect(locateQuote(TEXT, { quote: QUOTE, prefix: "she said " })).toMatchObject({ ok: false, code: "ambiguous" });
  });

  it("disambiguates by prefix or by suffix", () => {
    expect(locateQuote(TEXT, { quote: QUOTE, prefix: "June she said " })).toMatchObject({ ok: true, start: SECOND });
    expect(locateQuote(TEXT, { quote: QUOTE, suffix: ", to cheers" })).toMatchObject({ ok: true, start: FIRST });
  });

  it("disambiguates by start: exact, else uniquely nearest", () => {
    expect(locateQuote(TEXT, { quote: QUOTE, start: SECOND })).toMatchObject({ ok: true, start: SECOND });
    expect(locateQuote(TEXT, { quote: QUOTE, start: SECOND - 3 })).toMatchObject({ ok: true, start: SECOND });
    const mid = (FIRST + SECOND) / 2;
    expect(locateQuote(TEXT, { quote: QUOTE, start: mid })).toMatchObject({ ok: false, code: "ambiguous" });
    // Context that matches both still lets the hint choose among them.
    expect(locateQuote(TEXT, { quote: QUOTE, prefix: "she said ", start: 0 })).toMatchObject({ ok: true, start: FIRST });
  });

  it("refuses a match inside an emoji ZWJ sequence", () => {
    expect(locateQuote("Family: 👨‍👩‍👧.", { quote: "👩" })).toMatchObject({ ok: false, code: "not_found" });
    expect(locateQuote("Family: 👨‍👩‍👧.", { quote: "👨‍👩‍👧" })).toMatchObject({ ok: true, start: 8 });
  });
});

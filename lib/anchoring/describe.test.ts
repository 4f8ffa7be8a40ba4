import { describe, expect, it } from "vitest";
import { contextAround, describeSelection } from "./describe";

const TEXT =
  "The committee met on Tuesday to discuss the budget for next year.\n\n" +
  "The minister said taxes would not rise before the election, and repeated it twice.\n\n" +
  "Critics were unconvinced by the promise made at the podium.";

describe("describeSelection", () => {
  it("returns quote, position and word-aligned context of at least 32 characters", () => {
    const start = TEXT.indexOf("taxes");
    const end = TEXT.indexOf(" before");
    const d = describeSelection(TEXT, start, end)!;
    expect(d.quote).toBe("taxes would not rise");
    expect([d.start, d.end]).toEqual([start, end]);
    expect(d.prefix.length).toBeGreaterThanOrEqual(32);
    expect(d.suffix.length).toBeGreaterThanOrEqual(32);
    expect(TEXT.slice(d.start - d.prefix.length, d.start)).toBe(d.prefix);
    expect(TEXT.slice(d.end, d.end + d.suffix.length)).toBe(d.suffix);
    // Widened to whole words: the prefix starts after a space and the suffix ends before one.
    expect(d.prefix).toBe("for next year.\n\nThe minister said ");
    expect(d.suffix).toBe(" before the election, and repeated");
  });

  it("stops context at the text edges", () => {
    const d = describeSelection(TEXT, 0, 3)!;
    expect(d.prefix).toBe("");
    const tail = describeSelection(TEXT, TEXT.length - 7, TEXT.length)!;
    expect(tail.quote).toBe("podium.");
    expect(tail.suffix).toBe("");
    expect(tail.prefix.length).toBeGreaterThanOrEqual(32);
  });

  it("trims whitespace at both ends and adjusts offsets", () => {
    const start = TEXT.indexOf("year.") + 5;
    const end = TEXT.indexOf("minister") + 8 + 1;
    const d = describeSelection(TEXT, start, end)!;
    expect(d.quote).toBe("The minister");
    expect(d.start).toBe(TEXT.indexOf("The minister"));
    expect(d.end).toBe(d.start + "The minister".length);
  });

  it("refuses empty, whitespace-only and out-of-range selections", () => {
    const gap = TEXT.indexOf("\n\n");
    expect(describeSelection(TEXT, gap, gap + 2)).toBeNull();
    expect(describeSelection(TEXT, 5, 5)).toBeNull();
    expect(describeSelection(TEXT, 5, 2)).toBeNull();
    expect(describeSelection(TEXT, -1, 4)).toBeNull();
    expect(describeSelection(TEXT, 0, TEXT.length + 1)).toBeNull();
    expect(describeSelection(TEXT, 0.5, 4)).toBeNull();
  });

  it("never splits a surrogate pair, ZWJ sequence or combining sequence", () => {
    const text = "Hi 👨‍👩‍👧 there q\u0307 done";
    const family = text.indexOf("👨");
    // Starting on the low surrogate of the first emoji and ending after the first person.
    const d = describeSelection(text, family + 1, family + 2)!;
    expect(d.quote).toBe("👨‍👩‍👧");
    const q = text.indexOf("q");
    expect(describeSelection(text, q, q + 1)!.quote).toBe("q\u0307");
  });

  it("widens context to whole words in right-to-left text", () => {
    const he = "הוא אמר שהמסים לא יעלו לפני הבחירות, וחזר על כך פעמיים בנאום שלו אתמול בערב.";
    const start = he.indexOf("המסים") - 1;
    const d = describeSelection(he, start, start + 10)!;
    expect(he.slice(d.start - d.prefix.length, d.start)).toBe(d.prefix);
    expect(d.suffix.length).toBeGreaterThanOrEqual(32);
    expect(d.prefix.length).toBeGreaterThanOrEqual(Math.min(32, d.start));
    const before = he[d.start - d.prefix.length - 1];
    expect(before === undefined || /\s/.test(before)).toBe(true);
    const after = he[d.end + d.suffix.length];
    expect(after === undefined || /[\s,.]/.test(after)).toBe(true);
  });

  it("contextAround honours a custom minimum", () => {
    const s = TEXT.indexOf("taxes");
    const { prefix, suffix } = contextAround(TEXT, s, s + 5, 3);
    expect(prefix).toBe("said ");
    expect(suffix).toBe(" would");
  });
});

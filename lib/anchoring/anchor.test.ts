import { describe, expect, it } from "vitest";
import { anchorAll, anchorSelector } from "./anchor";
import { describeSelection } from "./describe";

const ORIGINAL =
  "The committee met on Tuesday to discuss the budget for next year.\n\n" +
  "The minister said taxes would not rise before the election, and repeated it twice.\n\n" +
  "Critics were unconvinced by the promise made at the podium.";

function selectorFor(text: string, quote: string, from = 0) {
  const start = text.indexOf(quote, from);
  return describeSelection(text, start, start + quote.length)!;
}

describe("anchorSelector", () => {
  const sel = selectorFor(ORIGINAL, "taxes would not rise before the election");

  it("is exact when the stored position still holds the quote", () => {
    expect(anchorSelector(ORIGINAL, sel)).toEqual({ status: "exact", start: sel.start, end: sel.end, score: 1 });
  });

  it("is moved when text was inserted before the quote", () => {
    const edited = "UPDATE: corrected a date.\n\n" + ORIGINAL;
    const r = anchorSelector(edited, sel);
    expect(r.status).toBe("moved");
    expect(edited.slice(r.start, r.end)).toBe(sel.quote);
    expect(r.start).toBe(sel.start + 27);
    expect(r.score).toBeGreaterThan(0.95);
    expect(r.score).toBeLessThan(1);
  });

  it("is fuzzy when a word inside the quote changed", () => {
    const edited = ORIGINAL.replace("would not rise", "would not increase");
    const r = anchorSelector(edited, sel);
    expect(r.status).toBe("fuzzy");
    expect(edited.slice(r.start, r.end)).toBe("taxes would not increase before the election");
    expect(r.score).toBeGreaterThan(0.8);
    expect(r.score).toBeLessThan(1);
  });

  it("is fuzzy when the stored quote has a typo and the text does not", () => {
    const typo = { ...sel, quote: "taxes wuold not rise befor the election", start: undefined };
    const r = anchorSelector(ORIGINAL, typo);
    expect(r.status).toBe("fuzzy");
    expect(ORIGINAL.slice(r.start, r.end)).toBe(sel.quote);
  });

  it("is orphaned, not an exception, when the quote is gone", () => {
    const edited = ORIGINAL.replace(/The minister said[^.]*\./, "The minister declined to comment.");
    expect(anchorSelector(edited, sel)).toEqual({ status: "orphaned", start: -1, end: -1, score: 0 });
    expect(anchorSelector(ORIGINAL, { quote: "   " }).status).toBe("orphaned");
  });

  it("refuses a fuzzy match whose quote and context both disagree", () => {
    const r = anchorSelector("An entirely different article about taxes that would not rise.", sel);
    expect(r.status).toBe("orphaned");
  });

  it("ignores a stale position that points past the end of the text", () => {
    const r = anchorSelector(ORIGINAL, { ...sel, start: 99_999, end: 100_040 });
    expect(r.status).toBe("moved");
    expect(r.start).toBe(sel.start);
  });
});

describe("repeated quotes", () => {
  const text =
    "In March she said we will build the wall, to cheers from the crowd.\n\n" +
    "In June, asked again, she said we will build the wall, but only with funding.";
  const quote = "we will build the wall";

  it("chooses the occurrence whose context agrees, even when the old position is nearer the other", () => {
    const second = selectorFor(text, quote, 50);
    // The first paragraph grew, so the stored offset now lies near the first occurrence.
    const edited = "Summary added by the editor, quite long, long enough to shift things.\n\n" + text;
    const r = anchorSelector(edited, { ...second, start: text.indexOf(quote) + 20 });
    expect(r.status).toBe("moved");
    expect(r.start).toBe(edited.indexOf(quote, 120));
  });

  it("falls back to the nearest occurrence when context cannot tell them apart", () => {
    const same = "we will build the wall. we will build the wall. we will build the wall.";
    const near = anchorSelector(same, { quote, start: 45 });
    expect(near.start).toBe(48);
    expect(anchorSelector(same, { quote, start: 3 }).start).toBe(0);
  });
});

describe("Unicode", () => {
  it("matches an NFD quote against NFC text", () => {
    const text = "Le ministre a d\u00e9clar\u00e9 que les imp\u00f4ts n'augmenteront pas.";
    const r = anchorSelector(text, { quote: "a de\u0301clare\u0301 que", start: text.indexOf("a d") });
    expect(r.status).toBe("exact");
    expect(text.slice(r.start, r.end)).toBe("a d\u00e9clar\u00e9 que");
  });

  it("keeps emoji and ZWJ sequences whole in fuzzy matches", () => {
    const text = "Fans cheered 👨‍👩‍👧 loudly when the mayor promised a new stadium 🏟️ by 2030.";
    const sel = selectorFor(text, "promised a new stadium 🏟️");
    const edited = "Intro. " + text.replace("promised", "promissed");
    const r = anchorSelector(edited, sel);
    expect(r.status).toBe("fuzzy");
    expect(edited.slice(r.start, r.end)).toBe("promissed a new stadium 🏟️");
    // A quote that is part of a ZWJ family must not match inside it.
    expect(anchorSelector(text, { quote: "👩" }).status).toBe("orphaned");
  });

  it("anchors right-to-left text (Arabic and Hebrew)", () => {
    const ar = "قال الوزير إن الضرائب لن ترتفع قبل الانتخابات، وكرر ذلك مرتين.";
    const sel = selectorFor(ar, "الضرائب لن ترتفع");
    const moved = "تحديث: " + ar;
    expect(anchorSelector(moved, sel)).toMatchObject({ status: "moved", start: sel.start + 7 });
    const he = "השר אמר שהמסים לא יעלו לפני הבחירות.";
    const hs = selectorFor(he, "שהמסים לא יעלו");
    const r = anchorSelector(he.replace("לא יעלו", "לא יעלה"), hs);
    expect(r).toMatchObject({ status: "fuzzy", start: hs.start, end: hs.end });
  });
});

describe("anchorAll", () => {
  it("returns results in input order", () => {
    const a = selectorFor(ORIGINAL, "Critics were unconvinced");
    const b = selectorFor(ORIGINAL, "The committee met");
    const rs = anchorAll(ORIGINAL, [a, { quote: "nowhere to be found at all" }, b]);
    expect(rs.map((r) => r.status)).toEqual(["exact", "orphaned", "exact"]);
    expect(rs[2].start).toBe(0);
  });

  // Speed is measured in bench/, never asserted here; this checks the bulk path's results.
  it("anchors 1,000 selectors on 100,000 characters exactly when positions match", () => {
    const para = "The minister said taxes would not rise before the election, and said it twice. ";
    const text = para.repeat(Math.ceil(100_000 / para.length)).slice(0, 100_000);
    const sels = Array.from({ length: 1000 }, (_, i) => {
      const start = (i * 97) % (text.length - 50);
      return { quote: text.slice(start, start + 40), start, end: start + 40 };
    });
    const rs = anchorAll(text, sels);
    expect(rs.every((r) => r.status === "exact")).toBe(true);
    expect(rs.map((r) => r.start)).toEqual(sels.map((s) => s.start));
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectBinary, normalizeText, paragraphsOf, sha256Hex } from "./normalize";

describe("normalizeText", () => {
  it("composes to NFC so decomposed and precomposed accents are the same text", () => {
    expect(normalizeText("Cafe\u0301")).toBe("Caf\u00e9");
  });

  it("turns CRLF and lone CR into LF", () => {
    expect(normalizeText("a\r\nb\rc")).toBe("a\nb\nc");
  });

  it("drops control characters but keeps newlines and turns tabs into spaces", () => {
    expect(normalizeText("a\u0000b\u0007c\u001bd\u007fe\u0085f\tg")).toBe("abcde\nf g");
  });

  it("drops zero-width junk but keeps ZWJ and ZWNJ", () => {
    expect(normalizeText("\ufeffzero\u200bwidth\u2060soft\u00adhyphen")).toBe("zerowidthsofthyphen");
    const family = "\u{1F468}\u200d\u{1F469}\u200d\u{1F467}";
    expect(normalizeText(family)).toBe(family);
    const persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645";
    expect(normalizeText(persian)).toBe(persian);
  });

  it("collapses runs of spaces, NBSP and other space separators to one space and trims lines", () => {
    expect(normalizeText("  one \u00a0 two\u2003three\t\tfour  \n   five   ")).toBe("one two three four\nfive");
  });

  it("keeps exactly one blank line between paragraphs and single newlines inside them", () => {
    expect(normalizeText("Q: Will you?\nA: No.\n\n\n\n  \nNext para\n \nLast")).toBe("Q: Will you?\nA: No.\n\nNext para\n\nLast");
  });

  it("maps Unicode line and paragraph separators", () => {
    expect(normalizeText("a\u2028b\u2029c")).toBe("a\nb\n\nc");
  });

  it("drops lone surrogates that could not be stored as UTF-8 but keeps real pairs", () => {
    expect(normalizeText("a\ud800b\udc00c\u{1F600}")).toBe("abc\u{1F600}");
  });

  it("trims the whole text", () => {
    expect(normalizeText("\n\n  hello  \n\n")).toBe("hello");
    expect(normalizeText(" \u200b\n\t ")).toBe("");
  });

  it("is idempotent on arbitrary input, including combining marks next to removed characters", () => {
    expect(normalizeText("e\u200b\u0301")).toBe("\u00e9");
    const alphabet = fc.constantFrom("a", "e", "\u0301", " ", "\u00a0", "\t", "\n", "\r", "\u0000", "\u200b", "\u200d", "\u2028", "\u2029", "\ud800", "\udc00", "\u00ad", "é");
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }).map((a) => a.join("")), (s) => {
        const once = normalizeText(s);
        expect(normalizeText(once)).toBe(once);
        expect(once).not.toMatch(/\n{3,}|^\s|\s$| {2}|\r|\t/);
      }),
      { numRuns: 500 },
    );
  });
});

describe("sha256Hex", () => {
  it("hashes the UTF-8 bytes", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("é")).not.toBe(sha256Hex("e\u0301"));
  });
});

describe("detectBinary", () => {
  it("flags NUL bytes in buffers and strings", () => {
    expect(detectBinary(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]))).toBe(true);
    expect(detectBinary("abc\u0000def")).toBe(true);
  });

  it("flags content that is mostly invalid UTF-8 or control characters", () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xd8, 0xc3, 0x28, 0xa0, 0xa1, 0x90, 0x80]);
    expect(detectBinary(png)).toBe(true);
    expect(detectBinary("\u0001\u0002\u0003 some text")).toBe(true);
  });

  it("accepts ordinary text, UTF-8 and a Latin-1 page with a few stray bytes", () => {
    expect(detectBinary("Hello, world.\n\tIndented — with “quotes”.")).toBe(false);
    expect(detectBinary(Buffer.from("Привет, мир", "utf8"))).toBe(false);
    expect(detectBinary(Buffer.from("Le café est très bon, n'est-ce pas? Oui.", "latin1"))).toBe(false);
    expect(detectBinary("")).toBe(false);
  });
});

describe("paragraphsOf", () => {
  it("gives each paragraph with the offset where it starts in the text", () => {
    const text = "First para\nsecond line\n\nSecond\n\nThird";
    const paras = paragraphsOf(text);
    expect(paras).toEqual([
      { start: 0, text: "First para\nsecond line" },
      { start: 24, text: "Second" },
      { start: 32, text: "Third" },
    ]);
    for (const p of paras) expect(text.slice(p.start, p.start + p.text.length)).toBe(p.text);
  });

  it("counts offsets in UTF-16 code units, as selectors do", () => {
    const paras = paragraphsOf("\u{1F600} emoji\n\nnext");
    expect(paras[1]).toEqual({ start: 10, text: "next" });
  });

  it("returns nothing for empty text and tolerates extra blank lines", () => {
    expect(paragraphsOf("")).toEqual([]);
    expect(paragraphsOf("a\n\n\n\nb").map((p) => p.start)).toEqual([0, 5]);
  });
});

import { describe, expect, it } from "vitest";
import { draftFromFetched, draftFromText, previewParagraphs, titleFromText, withMeta } from "./draft";

describe("import drafts", () => {
  it("titles a text draft by its first line, shortened", () => {
    expect(titleFromText("Short title\n\nBody")).toBe("Short title");
    expect(titleFromText("x".repeat(200))).toHaveLength(120);
  });

  it("applies corrections: normalised, one line, empty clears, an empty title keeps the extracted one", () => {
    const draft = draftFromText("Headline\n\nBody text.");
    const got = withMeta(draft, { title: "", publisher: "  The\n Ledger ", author: null });
    expect(got.meta).toMatchObject({ title: "Headline", publisher: "The Ledger", author: null });
    expect(got.text).toBe(draft.text);
  });

  it("turns a fetched HTML page into a url-sourced draft with the final address", () => {
    const d = draftFromFetched({ finalUrl: "https://example.org/a", contentType: "text/html", retrievedAt: "2024-06-14T10:00:00.000Z", body: `<title>T</title><p>${"Words here. ".repeat(30)}</p>` });
    expect(d).toMatchObject({ source: "url", retrievedAt: "2024-06-14T10:00:00.000Z", meta: { url: "https://example.org/a", title: "T" } });
  });

  it("previews the first paragraphs, cut to length", () => {
    expect(previewParagraphs("a\n\nb\n\nc\n\nd", 2)).toEqual(["a", "b"]);
    expect(previewParagraphs("y".repeat(50), 1, 10)[0]).toBe(`${"y".repeat(9)}…`);
  });
});

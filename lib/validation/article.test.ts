import { describe, expect, it } from "vitest";
import { MAX_IMPORT_BYTES } from "@/lib/import/normalize";
import { firstIssue } from "./common";
import { looksLikeHtmlFile, MAX_UPLOAD_BYTES, NOT_HTML_FILE_MESSAGE, previewImportInput, saveImportInput, TOO_LARGE_MESSAGE } from "./article";

const file = (name: string, type: string, size = 10) => new File([new Uint8Array(size)], name, { type });
const problem = (schema: typeof previewImportInput | typeof saveImportInput, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? null : firstIssue(r.error);
};

describe("import form validation", () => {
  it("uses the same cap in the browser as on the server", () => {
    expect(MAX_UPLOAD_BYTES).toBe(MAX_IMPORT_BYTES);
  });

  it("accepts saved pages by extension or type, and nothing else", () => {
    expect(looksLikeHtmlFile({ name: "Article.HTM", type: "" })).toBe(true);
    expect(looksLikeHtmlFile({ name: "page", type: "application/xhtml+xml" })).toBe(true);
    expect(looksLikeHtmlFile({ name: "report.pdf", type: "application/pdf" })).toBe(false);
  });

  it("refuses an oversize or non-HTML upload on the file field", () => {
    expect(problem(previewImportInput, { slug: "w", mode: "html", file: file("big.html", "text/html", MAX_IMPORT_BYTES + 1) })).toEqual({ field: "file", message: TOO_LARGE_MESSAGE });
    expect(problem(previewImportInput, { slug: "w", mode: "html", file: file("photo.png", "image/png") })).toEqual({ field: "file", message: NOT_HTML_FILE_MESSAGE });
    expect(problem(previewImportInput, { slug: "w", mode: "html", file: file("page.html", "text/html") })).toBeNull();
  });

  it("names the field when a mode's source is missing", () => {
    expect(problem(previewImportInput, { slug: "w", mode: "text", text: "   " })).toMatchObject({ field: "text" });
    expect(problem(previewImportInput, { slug: "w", mode: "html", html: "" })).toMatchObject({ field: "html" });
    expect(problem(previewImportInput, { slug: "w", mode: "url", url: " " })).toMatchObject({ field: "url" });
    expect(problem(previewImportInput, { slug: "w", mode: "pdf" })).toMatchObject({ field: "mode" });
  });

  it("checks corrected metadata: title required, real dates, language codes, http(s) links", () => {
    const ok = { slug: "w", draft: "a".repeat(24), title: "T", publisher: "", author: "", publishedAt: "", language: "", url: "" };
    expect(problem(saveImportInput, ok)).toBeNull();
    expect(problem(saveImportInput, { ...ok, title: "  " })).toMatchObject({ field: "title" });
    expect(problem(saveImportInput, { ...ok, publishedAt: "2024-02-30" })).toMatchObject({ field: "publishedAt" });
    expect(problem(saveImportInput, { ...ok, language: "not a tag" })).toMatchObject({ field: "language" });
    expect(problem(saveImportInput, { ...ok, url: "javascript:alert(1)" })).toMatchObject({ field: "url" });
    expect(problem(saveImportInput, { ...ok, draft: "../x" })).toMatchObject({ field: "draft" });
  });
});

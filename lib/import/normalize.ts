import { createHash } from "node:crypto";

/** The largest source we accept, by any route (paste, upload or URL). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/*
 * normalizeText — the ONE place snapshot text is normalised.
 *
 * Statements anchor into the snapshot by character offset, and the snapshot's
 * sha256 is how we tell two imports of the same article apart, so every route
 * (pasted text, HTML, URL) must produce byte-identical text for the same
 * words. The rules, in order:
 *
 *  1. CRLF and lone CR become LF; U+2028 (line separator) becomes LF and
 *     U+2029 (paragraph separator) a paragraph break.
 *  2. Control characters are dropped except \n and \t (C0, DEL, C1; NEL counts
 *     as a newline). Zero-width junk is dropped (ZWSP, word joiner, BOM,
 *     Mongolian vowel separator, soft hyphen) so quotes copied from the web
 *     still match. ZWJ and ZWNJ are KEPT: they are part of emoji sequences and
 *     of spelling in Persian, Hindi and other scripts. Bidi marks are kept too;
 *     stripping them can reorder right-to-left quotes.
 *     This happens before NFC because removing a character between a base and
 *     a combining mark can create a new composition.
 *  3. Unicode NFC, so "é" typed and "é" pasted are the same character.
 *  4. Tabs and runs of spaces (any Unicode space separator, incl. NBSP) become
 *     one ASCII space.
 *  5. Each line is trimmed.
 *  6. Two or more blank lines become exactly one: paragraphs are separated by
 *     "\n\n". A single "\n" inside a paragraph is kept (transcripts, poems).
 *  7. The whole text is trimmed.
 *
 * The function is idempotent: normalizeText(normalizeText(x)) === normalizeText(x).
 */
export function normalizeText(raw: string): string {
  return raw
    .replace(/\r\n?|\u2028|\u0085/g, "\n")
    .replace(/\u2029/g, "\n\n")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u180e\u200b\u2060\ufeff]/g, "")
    // Lone surrogates can't be encoded as UTF-8 and would corrupt the stored text.
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "")
    .normalize("NFC")
    .replace(/[\t\p{Zs}]+/gu, " ")
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * Does this look like a binary file rather than text? Used on uploads and
 * fetched bodies so a PDF or image never becomes a snapshot full of garbage.
 *
 * - any NUL byte/character: text formats never contain one;
 * - bytes that are not valid UTF-8 (for a buffer) or replacement characters
 *   (for decoded text), together with control characters, above 10% of the
 *   content. A ratio rather than "any invalid byte" because a Latin-1 page
 *   read as UTF-8 has a few invalid bytes yet is still text; real binaries
 *   are far above 10%.
 */
export function detectBinary(input: Uint8Array | string): boolean {
  if (typeof input !== "string" && input.includes(0)) return true;
  const text = typeof input === "string" ? input : new TextDecoder("utf-8").decode(input);
  if (text.includes("\u0000")) return true;
  if (text.length === 0) return false;
  let suspicious = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const isControl = (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || (c >= 0x7f && c <= 0x9f);
    if (isControl || c === 0xfffd) suspicious++;
  }
  return suspicious / text.length > 0.1;
}

export interface Paragraph {
  /** Offset of the paragraph's first character in the snapshot text, in UTF-16 code units (JS string indices, what selectors use). */
  start: number;
  text: string;
}

/** Splits normalised snapshot text into paragraphs with their offsets, for `<p data-start>` rendering. */
export function paragraphsOf(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  // Tolerates un-normalised text (longer blank runs) so a legacy snapshot still renders.
  const re = /\n[ \t]*\n\s*/g;
  let start = 0;
  for (let m = re.exec(text); ; m = re.exec(text)) {
    const end = m ? m.index : text.length;
    if (end > start) out.push({ start, text: text.slice(start, end) });
    if (!m) break;
    start = m.index + m[0].length;
  }
  return out;
}

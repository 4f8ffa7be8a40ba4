/*
 * Upload rules shared by the import form (checked in the browser before
 * sending) and the server schema (checked again on arrival). No Node imports:
 * this file is bundled for the browser.
 */

/** Same value as MAX_IMPORT_BYTES in lib/import/normalize (a test keeps them equal). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** Saved web pages only: the extension or the browser's type must say HTML. */
export const HTML_FILE_EXTENSIONS = [".html", ".htm", ".xhtml"] as const;
export const HTML_FILE_TYPES = ["text/html", "application/xhtml+xml"] as const;
export const HTML_FILE_ACCEPT = [...HTML_FILE_EXTENSIONS, ...HTML_FILE_TYPES].join(",");

export const TOO_LARGE_MESSAGE = "That is too large to import (the limit is 5 MB). Paste just the article's text instead.";
export const NOT_HTML_FILE_MESSAGE = "Choose a web page saved as .html or .htm (in your browser: File → Save page as…).";

export function looksLikeHtmlFile(file: { name: string; type: string }): boolean {
  const name = file.name.toLowerCase();
  const type = file.type.split(";")[0].trim().toLowerCase();
  return HTML_FILE_EXTENSIONS.some((ext) => name.endsWith(ext)) || (HTML_FILE_TYPES as readonly string[]).includes(type);
}

/** The bytes a string takes in a form post (UTF-8), to refuse oversize pastes before sending them. */
export function utf8Length(value: string): number {
  return new TextEncoder().encode(value).length;
}

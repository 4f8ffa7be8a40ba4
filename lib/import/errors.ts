// Every way an import can fail, as a stable code the API can switch on and a
// message a fact-checker can act on. Messages say what happened and what to do
// next; they never echo internal addresses or stack details.

export const IMPORT_ERROR_CODES = [
  "invalid_url",
  "refused_address",
  "unreachable",
  "timeout",
  "too_large",
  "unsupported_type",
  "http_error",
  "too_many_redirects",
  "empty",
  "binary",
  "malformed",
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

const MESSAGES: Record<ImportErrorCode, string> = {
  invalid_url: "That doesn't look like a web address we can open. Use a full http:// or https:// link without a username or password in it.",
  refused_address: "That address points to a private or internal network, which imports are not allowed to reach. Use the article's public link, or paste its text or HTML instead.",
  unreachable: "We couldn't connect to that site. Check the link, or paste the article's text or HTML instead.",
  timeout: "The site took too long to respond. Try again later, or paste the article's text or HTML instead.",
  too_large: "The page is too large to import (the limit is 5 MB). Paste just the article's text instead.",
  unsupported_type: "That link isn't a web page or plain text (it may be a PDF, image or download). Paste the article's text instead.",
  http_error: "The site returned an error instead of the article. Check the link opens in your browser, or paste the text instead.",
  too_many_redirects: "The link redirected too many times. Open it in your browser and import the final address instead.",
  empty: "We couldn't find any article text. Check you pasted the right content, or paste the text directly.",
  binary: "That content looks like a binary file, not text or HTML. Paste the article's text instead.",
  malformed: "The site's response was garbled and couldn't be read. Try again, or paste the article's text instead.",
};

export class ImportError extends Error {
  readonly code: ImportErrorCode;

  /** `detail` is for logs and tests only; `message` stays the user-facing text. */
  readonly detail?: string;

  constructor(code: ImportErrorCode, options: { detail?: string; message?: string; cause?: unknown } = {}) {
    super(options.message ?? MESSAGES[code], options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "ImportError";
    this.code = code;
    this.detail = options.detail;
  }
}

export function isImportError(err: unknown): err is ImportError {
  return err instanceof ImportError;
}

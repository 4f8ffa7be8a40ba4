import { z } from "zod";
import { MAX_IMPORT_BYTES } from "@/lib/import/normalize";
import { requiredText, text } from "./common";
import { looksLikeHtmlFile, NOT_HTML_FILE_MESSAGE, TOO_LARGE_MESSAGE } from "./article-file";

export * from "./article-file";

/** What an upload looks like once the form is parsed (a File; duck-typed so any runtime's File passes). */
export interface UploadedFile {
  name: string;
  type: string;
  size: number;
  arrayBuffer: () => Promise<ArrayBuffer>;
}

export function isUploadedFile(value: unknown): value is UploadedFile {
  const v = value as UploadedFile | null;
  return typeof v === "object" && v !== null && typeof v.name === "string" && typeof v.size === "number" && typeof v.arrayBuffer === "function";
}

const uploadedFile = z.custom<UploadedFile>(isUploadedFile, "Choose a file to upload.")
  .refine((f) => f.size <= MAX_IMPORT_BYTES, TOO_LARGE_MESSAGE)
  .refine(looksLikeHtmlFile, NOT_HTML_FILE_MESSAGE);

const slug = z.string().min(1).max(200);
const source = (what: string) => z.string().max(MAX_IMPORT_BYTES, TOO_LARGE_MESSAGE).refine((s) => s.trim().length > 0, `${what} is empty.`);

/** An optional http(s) address typed by a person; "" means none. */
const optionalUrl = text(2048).refine((s) => {
  if (!s) return true;
  try {
    return ["http:", "https:"].includes(new URL(s).protocol);
  } catch {
    return false;
  }
}, "Give the address as a full http:// or https:// link, or leave it empty.");

export const previewImportInput = z.discriminatedUnion("mode", [
  z.strictObject({ slug, mode: z.literal("text"), text: source("The article text") }),
  z.strictObject({ slug, mode: z.literal("html"), html: z.string().max(MAX_IMPORT_BYTES, TOO_LARGE_MESSAGE).optional(), file: uploadedFile.optional(), pageUrl: optionalUrl.optional() })
    .refine((v) => Boolean(v.file) || Boolean(v.html?.trim()), { message: "Paste the page's HTML or choose a saved .html file.", path: ["html"] }),
  z.strictObject({ slug, mode: z.literal("url"), url: z.string().trim().min(1, "Enter the article's web address.").max(2048) }),
], { error: "Choose what to import from: text, HTML or a web address." });
export type PreviewImportInput = z.output<typeof previewImportInput>;

const isoDate = text(10).refine((s) => {
  if (!s) return true;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}, "Give the published date as YYYY-MM-DD, or leave it empty.");

const languageTag = text(35).refine((s) => {
  if (!s) return true;
  try {
    return Intl.getCanonicalLocales(s).length === 1;
  } catch {
    return false;
  }
}, "Give the language as a code such as en, de or pt-BR, or leave it empty.");

/** The metadata a person confirms or corrects before saving; "" clears a field. */
export const articleMetaFields = {
  title: requiredText(500, "A title"),
  publisher: text(300),
  author: text(300),
  publishedAt: isoDate,
  language: languageTag,
  url: optionalUrl,
};

export const saveImportInput = z.strictObject({
  slug,
  draft: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "This preview is no longer available. Extract or fetch the article again."),
  ...articleMetaFields,
});
export type SaveImportInput = z.output<typeof saveImportInput>;

import type { ArticleSource } from "@/lib/domain/enums";
import { ImportError } from "./errors";
import { extractArticle, textToSnapshot } from "./extract";
import type { FetchedArticle } from "./fetch-url";
import { normalizeText, paragraphsOf } from "./normalize";

/*
 * An import draft: what a source becomes before it is saved. The import form
 * shows it as a preview (so the user can correct the metadata) and the save
 * step stores exactly this text and HTML, so what was previewed is what gets
 * annotated.
 */

export interface DraftMeta {
  title: string;
  author: string | null;
  publisher: string | null;
  publishedAt: string | null;
  language: string | null;
  url: string | null;
}

export interface ImportDraft {
  source: ArticleSource;
  /** Normalised snapshot text. */
  text: string;
  /** Sanitised article HTML, or null for plain-text sources. */
  html: string | null;
  /** What the source itself says about the article; the user may correct it before saving. */
  meta: DraftMeta;
  /** Readability found no article and the whole page body (minus chrome) was kept. */
  usedFallback: boolean;
  retrievedAt: string;
}

/** The title of a plain-text source: its first line, shortened. */
export function titleFromText(text: string): string {
  const first = text.split("\n")[0].trim();
  return first.length > 120 ? `${first.slice(0, 119)}…` : first;
}

export function draftFromText(rawText: string, now = new Date()): ImportDraft {
  const text = textToSnapshot(rawText);
  return {
    source: "text", text, html: null, usedFallback: false, retrievedAt: now.toISOString(),
    meta: { title: titleFromText(text), author: null, publisher: null, publishedAt: null, language: null, url: null },
  };
}

export function draftFromHtml(html: string, opts: { url?: string | null; source?: ArticleSource; retrievedAt?: string } = {}): ImportDraft {
  const got = extractArticle(html, { url: opts.url ?? undefined });
  return {
    source: opts.source ?? "html",
    text: got.text,
    html: got.html || null,
    usedFallback: got.usedFallback,
    retrievedAt: opts.retrievedAt ?? new Date().toISOString(),
    meta: {
      title: got.title, author: got.byline, publisher: got.publisher, publishedAt: got.publishedAt,
      language: got.language, url: opts.url ?? null,
    },
  };
}

/** A fetched page: HTML goes through extraction; a text/plain answer is kept as text. */
export function draftFromFetched(fetched: FetchedArticle): ImportDraft {
  if (fetched.contentType === "text/plain") {
    const draft = draftFromText(fetched.body, new Date(fetched.retrievedAt));
    return { ...draft, source: "url", meta: { ...draft.meta, url: fetched.finalUrl } };
  }
  return draftFromHtml(fetched.body, { url: fetched.finalUrl, source: "url", retrievedAt: fetched.retrievedAt });
}

/** Applies the user's corrections: a field they supplied wins, an empty one clears it (except the title). */
export type MetaPatch = Partial<Record<keyof DraftMeta, string | null>>;

export function withMeta(draft: ImportDraft, meta: MetaPatch): ImportDraft {
  const merged = { ...draft.meta };
  for (const key of Object.keys(meta) as (keyof DraftMeta)[]) {
    const value = meta[key];
    if (value === undefined) continue;
    const cleaned = value === null ? null : normalizeText(value).replace(/\n+/g, " ") || null;
    if (key === "title") merged.title = cleaned ?? draft.meta.title;
    else merged[key] = cleaned;
  }
  if (!merged.title) throw new ImportError("empty");
  return { ...draft, meta: merged };
}

/** The opening of the text, for the preview: up to `count` paragraphs, each cut at `maxChars`. */
export function previewParagraphs(text: string, count = 3, maxChars = 600): string[] {
  return paragraphsOf(text).slice(0, count).map((p) => (p.text.length > maxChars ? `${p.text.slice(0, maxChars - 1)}…` : p.text));
}

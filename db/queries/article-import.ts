import { and, count, eq } from "drizzle-orm";
import type { DB } from "../index";
import { articles, type Article } from "../schema";
import { AppError, type ErrorCode } from "../errors";
import { createArticleSnapshot } from "./articles";
import { draftFromFetched, draftFromHtml, draftFromText, withMeta, type ImportDraft, type MetaPatch } from "@/lib/import/draft";
import { ImportError, type ImportErrorCode } from "@/lib/import/errors";
import { fetchArticle, type FetchOptions } from "@/lib/import/fetch-url";

export interface ArticleMeta {
  title?: string | null;
  url?: string | null;
  publisher?: string | null;
  author?: string | null;
  publishedAt?: string | null;
  language?: string | null;
}

export type ImportInput =
  | { kind: "text"; text: string }
  /** A saved web page; `url` is where it came from (resolves relative links, links re-imports). */
  | { kind: "html"; html: string; url?: string | null };

type Actor = { workspaceId: number; actorId: number };

const STATUS_OF: Record<ImportErrorCode, ErrorCode> = {
  invalid_url: "invalid", refused_address: "invalid", unreachable: "invalid", timeout: "invalid",
  too_large: "too_large", unsupported_type: "unsupported_type", http_error: "invalid",
  too_many_redirects: "invalid", empty: "invalid", binary: "unsupported_type", malformed: "invalid",
};

/** An import failure in the app's one error shape, naming the form field the source came from. */
export function toImportAppError(err: unknown, field: string): unknown {
  if (!(err instanceof ImportError)) return err;
  return new AppError(STATUS_OF[err.code], err.message, field);
}

function rethrowAs<T>(field: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw toImportAppError(err, field);
  }
}

/** Text or HTML → a draft (extracted, normalised, sanitised) without touching the database. Throws AppError. */
export function prepareImport(input: ImportInput): ImportDraft {
  if (input.kind === "text") return rethrowAs("text", () => draftFromText(input.text));
  return rethrowAs("html", () => draftFromHtml(input.html, { url: input.url }));
}

/** Fetches a URL (SSRF-guarded, size and time capped) into a draft. Throws AppError naming the "url" field. */
export async function prepareUrlImport(url: string, fetchOptions: FetchOptions = {}): Promise<ImportDraft> {
  try {
    return draftFromFetched(await fetchArticle(url, fetchOptions));
  } catch (err) {
    throw toImportAppError(err, "url");
  }
}

function metaPatch(meta: ArticleMeta): MetaPatch {
  const patch: MetaPatch = {};
  for (const key of ["title", "url", "publisher", "author", "publishedAt", "language"] as const) {
    if (meta[key] !== undefined) patch[key] = meta[key];
  }
  return patch;
}

/** Stores a draft as an immutable snapshot, with the user's metadata corrections applied. One transaction. */
export function saveImportDraft(db: DB, { workspaceId, actorId, draft, meta = {} }: Actor & { draft: ImportDraft; meta?: ArticleMeta }): Article {
  const final = rethrowAs("title", () => withMeta(draft, metaPatch(meta)));
  return createArticleSnapshot(db, {
    workspaceId, actorId, source: final.source, text: final.text, html: final.html,
    title: final.meta.title, url: final.meta.url, publisher: final.meta.publisher, author: final.meta.author,
    publishedAt: final.meta.publishedAt, language: final.meta.language, retrievedAt: final.retrievedAt,
  });
}

/**
 * The one synchronous path pasted text and HTML take into the database (the
 * demo seed and the HTTP API use it inside their own transactions).
 */
export function importArticle(db: DB, { workspaceId, actorId, input, meta = {} }: Actor & { input: ImportInput; meta?: ArticleMeta }): Article {
  const draft = prepareImport(input);
  return saveImportDraft(db, { workspaceId, actorId, draft, meta });
}

/** Fetch, extract and store in one go. The fetch happens before any write, so a failure saves nothing. */
export async function importArticleFromUrl(db: DB, { workspaceId, actorId, url, meta = {}, fetchOptions }: Actor & { url: string; meta?: ArticleMeta; fetchOptions?: FetchOptions }): Promise<Article> {
  const draft = await prepareUrlImport(url, fetchOptions);
  return saveImportDraft(db, { workspaceId, actorId, draft, meta });
}

/** How many snapshots of this URL the workspace already holds (a re-import makes a new one). */
export function countSnapshotsByUrl(db: DB, { workspaceId, url }: { workspaceId: number; url: string }): number {
  return db.select({ n: count() }).from(articles).where(and(eq(articles.workspaceId, workspaceId), eq(articles.url, url))).get()?.n ?? 0;
}

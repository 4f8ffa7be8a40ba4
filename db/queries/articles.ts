import { and, desc, eq, or, sql } from "drizzle-orm";
import { createHash } from "node:crypto";
import type { DB } from "../index";
import { articles, type Article, type ArticleSource } from "../schema";
import { invalid, notFound } from "../errors";
import { recordAuditEvent } from "./audit";

export interface NewSnapshot {
  workspaceId: number;
  actorId: number;
  title: string;
  text: string; // already normalised by lib/import
  html?: string | null; // already sanitized by lib/import
  url?: string | null;
  publisher?: string | null;
  author?: string | null;
  publishedAt?: string | null;
  language?: string | null;
  retrievedAt?: string;
  source: ArticleSource;
}

/**
 * Stores a snapshot. Snapshots are never edited afterwards; importing the same
 * URL again creates a new one that points at the latest previous snapshot.
 */
export function createArticleSnapshot(db: DB, input: NewSnapshot): Article {
  if (!input.text.trim()) throw invalid("The article has no text.", "text");
  return db.transaction((tx) => {
    const previous = input.url ? findLatestSnapshotByUrl(db, { workspaceId: input.workspaceId, url: input.url }) : null;
    const article = tx.insert(articles).values({
      workspaceId: input.workspaceId,
      title: input.title.trim() || "Untitled article",
      text: input.text,
      html: input.html ?? null,
      textSha256: createHash("sha256").update(input.text, "utf8").digest("hex"),
      url: input.url ?? null,
      publisher: input.publisher ?? null,
      author: input.author ?? null,
      publishedAt: input.publishedAt ?? null,
      language: input.language ?? null,
      retrievedAt: input.retrievedAt ?? new Date().toISOString(),
      source: input.source,
      previousSnapshotId: previous?.id ?? null,
      createdBy: input.actorId,
    }).returning().get();
    const { text: _t, html: _h, ...summary } = article;
    recordAuditEvent(tx, { workspaceId: input.workspaceId, entityType: "article", entityId: article.id, action: "create", after: summary, actorId: input.actorId });
    return article;
  });
}

export function findLatestSnapshotByUrl(db: DB, { workspaceId, url }: { workspaceId: number; url: string }): Article | null {
  return db.select().from(articles).where(and(eq(articles.workspaceId, workspaceId), eq(articles.url, url))).orderBy(desc(articles.id)).get() ?? null;
}

export function getArticleById(db: DB, { workspaceId, id }: { workspaceId?: number; id: number }): Article {
  const where = workspaceId === undefined ? eq(articles.id, id) : and(eq(articles.id, id), eq(articles.workspaceId, workspaceId));
  const a = db.select().from(articles).where(where).get();
  if (!a) throw notFound("Article", "articleId");
  return a;
}

export function listArticlesByWorkspace(db: DB, { workspaceId, q }: { workspaceId: number; q?: string }) {
  const term = q?.trim() ? `%${q.trim().replace(/[%_\\]/g, (c) => `\\${c}`)}%` : null;
  return db.select({
    id: articles.id, title: articles.title, url: articles.url, publisher: articles.publisher, author: articles.author,
    publishedAt: articles.publishedAt, retrievedAt: articles.retrievedAt, source: articles.source,
    length: sql<number>`length(${articles.text})`,
    statementCount: sql<number>`(select count(*) from "statements" where "statements"."article_id" = "articles"."id")`,
  }).from(articles)
    .where(and(eq(articles.workspaceId, workspaceId), term ? or(sql`${articles.title} like ${term} escape '\\'`, sql`${articles.publisher} like ${term} escape '\\'`) : undefined))
    .orderBy(desc(articles.id)).all();
}

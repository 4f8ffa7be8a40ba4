import { and, desc, eq, isNotNull, or, sql } from "drizzle-orm";
import type { DB } from "../index";
import { articles, type ArticleSource } from "../schema";

export interface ArticleSummary {
  id: number;
  title: string;
  url: string | null;
  publisher: string | null;
  author: string | null;
  publishedAt: string | null;
  retrievedAt: string;
  source: ArticleSource;
  hasHtml: boolean;
  length: number;
  statementCount: number;
  previousSnapshotId: number | null;
  /** The snapshot made when the same URL was imported again, if any. */
  newerSnapshotId: number | null;
}

/** "%term%" for LIKE with the user's % and _ taken literally. */
function likeTerm(q: string | undefined): string | null {
  const t = q?.trim();
  return t ? `%${t.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : null;
}

/** The workspace's articles, newest first, with statement counts and their place in a re-import chain. Search matches title or publisher. */
export function listArticleSummaries(db: DB, { workspaceId, q }: { workspaceId: number; q?: string }): ArticleSummary[] {
  const term = likeTerm(q);
  return db.select({
    id: articles.id, title: articles.title, url: articles.url, publisher: articles.publisher, author: articles.author,
    publishedAt: articles.publishedAt, retrievedAt: articles.retrievedAt, source: articles.source,
    hasHtml: sql<number>`${articles.html} is not null and length(${articles.html}) > 0`.mapWith(Boolean),
    length: sql<number>`length(${articles.text})`.mapWith(Number),
    // Correlated subqueries name the outer table in full: drizzle prints ${articles.id}
    // unqualified in a one-table select, which would bind to the inner table.
    statementCount: sql<number>`(select count(*) from statements as s where s.article_id = "articles"."id")`.mapWith(Number),
    previousSnapshotId: articles.previousSnapshotId,
    newerSnapshotId: sql<number | null>`(select max(newer.id) from articles as newer where newer.previous_snapshot_id = "articles"."id")`,
  }).from(articles)
    .where(and(
      eq(articles.workspaceId, workspaceId),
      term ? or(sql`${articles.title} like ${term} escape '\\'`, and(isNotNull(articles.publisher), sql`${articles.publisher} like ${term} escape '\\'`)) : undefined,
    ))
    .orderBy(desc(articles.id)).all();
}

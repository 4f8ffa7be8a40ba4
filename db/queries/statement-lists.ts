import { desc, eq } from "drizzle-orm";
import type { DB } from "../index";
import { articles, speakers, statements } from "../schema";
import { stancesByStatement, type StanceRow } from "./statements";

export const statementListColumns = {
  id: statements.id, articleId: statements.articleId, speakerId: statements.speakerId, quote: statements.quote,
  saidOn: statements.saidOn, saidOnPrecision: statements.saidOnPrecision, kind: statements.kind, summary: statements.summary,
  anchorStatus: statements.anchorStatus, start: statements.start, end: statements.end,
  speakerName: speakers.name, articleTitle: articles.title, publisher: articles.publisher, articleUrl: articles.url,
};

export type StatementListItem = {
  id: number; articleId: number; speakerId: number; quote: string; saidOn: string; saidOnPrecision: "day" | "month" | "year";
  kind: (typeof statements.$inferSelect)["kind"]; summary: string; anchorStatus: (typeof statements.$inferSelect)["anchorStatus"];
  start: number; end: number; speakerName: string; articleTitle: string; publisher: string | null; articleUrl: string | null;
  stances: StanceRow[];
};

/** Attaches stances to listed rows with one extra query. */
export function withStances<T extends { id: number }>(db: DB, rows: T[]): (T & { stances: StanceRow[] })[] {
  const stances = stancesByStatement(db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, stances: stances.get(r.id) ?? [] }));
}

export function listRecentStatementsByWorkspace(db: DB, { workspaceId, limit = 10 }: { workspaceId: number; limit?: number }): StatementListItem[] {
  const rows = db.select(statementListColumns).from(statements)
    .innerJoin(speakers, eq(speakers.id, statements.speakerId))
    .innerJoin(articles, eq(articles.id, statements.articleId))
    .where(eq(statements.workspaceId, workspaceId)).orderBy(desc(statements.id)).limit(limit).all();
  return withStances(db, rows);
}

export function listStatementsByArticle(db: DB, { articleId }: { articleId: number }): StatementListItem[] {
  const rows = db.select(statementListColumns).from(statements)
    .innerJoin(speakers, eq(speakers.id, statements.speakerId))
    .innerJoin(articles, eq(articles.id, statements.articleId))
    .where(eq(statements.articleId, articleId)).orderBy(statements.start).all();
  return withStances(db, rows);
}

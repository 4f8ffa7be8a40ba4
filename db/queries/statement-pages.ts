import { and, asc, eq, gt } from "drizzle-orm";
import type { DB } from "../index";
import { articles, speakers, statements, type StatementKind } from "../schema";
import { statementListColumns, withStances, type StatementListItem } from "./statement-lists";

/**
 * A simple keyset-paged statement list for the HTTP API (tagging order).
 * The statements table's full filters and full-text search live in
 * statement search; the API moves to it when it lands.
 */
export function listStatementsPage(db: DB, { workspaceId, afterId, limit, speakerId, articleId, kind }: {
  workspaceId: number; afterId?: number; limit: number; speakerId?: number; articleId?: number; kind?: StatementKind;
}): StatementListItem[] {
  const rows = db.select(statementListColumns).from(statements)
    .innerJoin(speakers, eq(speakers.id, statements.speakerId))
    .innerJoin(articles, eq(articles.id, statements.articleId))
    .where(and(
      eq(statements.workspaceId, workspaceId),
      afterId !== undefined ? gt(statements.id, afterId) : undefined,
      speakerId !== undefined ? eq(statements.speakerId, speakerId) : undefined,
      articleId !== undefined ? eq(statements.articleId, articleId) : undefined,
      kind !== undefined ? eq(statements.kind, kind) : undefined,
    ))
    .orderBy(asc(statements.id)).limit(limit).all();
  return withStances(db, rows);
}

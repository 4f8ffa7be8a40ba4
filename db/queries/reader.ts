import { eq } from "drizzle-orm";
import type { DB } from "../index";
import { speakers, statements } from "../schema";
import { stancesByStatement } from "./statements";

/** Everything the reader paints and lists for one article, in text order, in two queries. */
export function readerStatementsByArticle(db: DB, { articleId }: { articleId: number }) {
  const rows = db.select({
    id: statements.id, start: statements.start, end: statements.end, quote: statements.quote,
    speakerId: statements.speakerId, speakerName: speakers.name, saidOn: statements.saidOn, saidOnPrecision: statements.saidOnPrecision,
    kind: statements.kind, summary: statements.summary, note: statements.note, notePrivate: statements.notePrivate,
    anchorStatus: statements.anchorStatus, anchorScore: statements.anchorScore,
  }).from(statements).innerJoin(speakers, eq(speakers.id, statements.speakerId))
    .where(eq(statements.articleId, articleId)).orderBy(statements.start, statements.id).all();
  const stances = stancesByStatement(db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, stances: stances.get(r.id) ?? [] }));
}

import { and, desc, eq, inArray, or, sql } from "drizzle-orm";
import type { DB } from "../index";
import { articles, links, speakers, statements, statementTopics, suggestionDismissals, topics } from "../schema";
import { invalid, notFound } from "../errors";
import { recordAuditEvent } from "./audit";
import { getStatementById } from "./statements";
import { statementListColumns, withStances, type StatementListItem } from "./statement-lists";
import { suggestLinks, type LinkSuggestion } from "@/lib/flags/suggest";
import { tokenize } from "@/lib/flags/text";
import { ftsAllPrefixes, ftsAnyOf, ftsTerms } from "@/lib/search/fts-query";

export type SuggestionView = LinkSuggestion & { statement: StatementListItem };

/** How many candidates each source contributes; the ranking only needs the plausible ones. */
const FTS_CANDIDATES = 50;
const RELATED_CANDIDATES = 200;

/**
 * Statement ids matching an FTS5 expression in one workspace, best first, with -bm25 (higher = closer).
 * CROSS JOIN keeps the FTS table as the outer loop: with a plain JOIN SQLite walked the workspace's
 * statements and evaluated the MATCH once per statement (15-25 s at 10,000 statements, for every
 * statement page and link search). The search module avoids the same trap (statement-search.ts).
 */
export const ftsMatchesQuery = (workspaceId: number, match: string, limit: number) => sql`
    SELECT s.id AS id, -bm25(statement_search, 1.0, 0.75, 0.0, 0.5) AS score
    FROM statement_search CROSS JOIN statements s ON s.id = statement_search.rowid
    WHERE statement_search MATCH ${match} AND s.workspace_id = ${workspaceId}
    ORDER BY bm25(statement_search, 1.0, 0.75, 0.0, 0.5) LIMIT ${limit}`;

function ftsMatches(db: DB, workspaceId: number, match: string, limit: number): { id: number; score: number }[] {
  // Weights per column (quote, summary, note, names): the private note never contributes.
  return db.all<{ id: number; score: number }>(ftsMatchesQuery(workspaceId, match, limit));
}

function listItemsByIds(db: DB, ids: number[]): Map<number, StatementListItem> {
  if (ids.length === 0) return new Map();
  const rows = db.select(statementListColumns).from(statements)
    .innerJoin(speakers, eq(speakers.id, statements.speakerId)).innerJoin(articles, eq(articles.id, statements.articleId))
    .where(inArray(statements.id, ids)).all();
  return new Map(withStances(db, rows).map((r) => [r.id, r]));
}

/** Statements already linked to this one, either direction. */
function linkedIds(db: DB, statementId: number): number[] {
  return db.select({ from: links.fromStatementId, to: links.toStatementId }).from(links)
    .where(or(eq(links.fromStatementId, statementId), eq(links.toStatementId, statementId))).all()
    .map((l) => (l.from === statementId ? l.to : l.from));
}

/**
 * Up to `limit` earlier statements this one may relate to, each with its
 * reasons. Candidates come from two places: FTS5 BM25 over quote and summary
 * (similar wording), and the same speaker or the same topics (which may share
 * no words at all: "no talks" vs "never refused").
 */
export function listSuggestionsForStatement(db: DB, { workspaceId, statementId, limit = 5 }: { workspaceId: number; statementId: number; limit?: number }): SuggestionView[] {
  const target = getStatementById(db, { workspaceId, id: statementId });
  const targetTopicIds = target.stances.map((s) => s.topicId);
  const terms = [...new Set(tokenize(`${target.quote} ${target.summary}`).map((t) => t.surface.toLowerCase()))];
  const match = ftsAnyOf(ftsTerms(terms.join(" ")), ["quote", "summary"]);
  const scores = new Map((match ? ftsMatches(db, workspaceId, match, FTS_CANDIDATES) : []).map((m) => [m.id, m.score]));

  const related = db.select({ id: statements.id }).from(statements).where(and(
    eq(statements.workspaceId, workspaceId),
    sql`${statements.saidOn} <= ${target.saidOn}`,
    targetTopicIds.length > 0
      ? or(eq(statements.speakerId, target.speakerId), inArray(statements.id, db.select({ id: statementTopics.statementId }).from(statementTopics).where(inArray(statementTopics.topicId, targetTopicIds))))
      : eq(statements.speakerId, target.speakerId),
  )).orderBy(desc(statements.saidOn)).limit(RELATED_CANDIDATES).all().map((r) => r.id);

  const items = listItemsByIds(db, [...new Set([...scores.keys(), ...related])]);
  const candidates = [...items.values()].map((s) => ({
    id: s.id, speakerId: s.speakerId, saidOn: { date: s.saidOn, precision: s.saidOnPrecision },
    topicIds: s.stances.map((st) => st.topicId), text: `${s.quote} ${s.summary}`, lexicalScore: scores.get(s.id),
  }));
  const dismissed = db.select({ id: suggestionDismissals.candidateId }).from(suggestionDismissals)
    .where(eq(suggestionDismissals.statementId, statementId)).all().map((d) => d.id);
  const topicNames = new Map(db.select({ id: topics.id, name: topics.name }).from(topics).where(eq(topics.workspaceId, workspaceId)).all().map((t) => [t.id, t.name]));

  const ranked = suggestLinks(
    { id: target.id, speakerId: target.speakerId, saidOn: { date: target.saidOn, precision: target.saidOnPrecision }, topicIds: targetTopicIds, text: `${target.quote} ${target.summary}` },
    candidates,
    { linkedIds: linkedIds(db, statementId), dismissedIds: dismissed, topicNames, limit },
  );
  return ranked.map((s) => ({ ...s, statement: items.get(s.id)! }));
}

/** Remembers "not related" so the candidate is not suggested for this statement again. */
export function dismissSuggestion(db: DB, { workspaceId, actorId, statementId, candidateId }: { workspaceId: number; actorId: number; statementId: number; candidateId: number }) {
  db.transaction((tx) => {
    if (statementId === candidateId) throw invalid("A statement is never suggested for itself.", "candidateId");
    getStatementById(tx, { workspaceId, id: statementId });
    const candidate = tx.select({ id: statements.id, workspaceId: statements.workspaceId }).from(statements).where(eq(statements.id, candidateId)).get();
    if (!candidate || candidate.workspaceId !== workspaceId) throw notFound("The suggested statement", "candidateId");
    const row = tx.insert(suggestionDismissals).values({ workspaceId, statementId, candidateId, createdBy: actorId })
      .onConflictDoNothing().returning().get();
    // There is no "suggestion" entity: a dismissal is a person's review of a link that was never made.
    if (row) recordAuditEvent(tx, { workspaceId, entityType: "link", entityId: `suggestion:${statementId}:${candidateId}`, action: "review", after: row, actorId });
  });
}

export type LinkSearchResult = StatementListItem & { linked: boolean };

/**
 * The search inside "Link to an earlier statement": every word typed must
 * match (as a prefix) the quote, summary, or speaker and topic names. With no
 * words it lists the filtered statements, latest first.
 */
export function searchStatementsForLink(db: DB, { workspaceId, q, speakerId, topicId, excludeId, limit = 30 }: {
  workspaceId: number; q: string; speakerId?: number; topicId?: number; excludeId: number; limit?: number;
}): LinkSearchResult[] {
  const match = ftsAllPrefixes(ftsTerms(q), ["quote", "summary", "names"]);
  const filters = and(
    eq(statements.workspaceId, workspaceId),
    sql`${statements.id} <> ${excludeId}`,
    speakerId ? eq(statements.speakerId, speakerId) : undefined,
    topicId ? inArray(statements.id, db.select({ id: statementTopics.statementId }).from(statementTopics).where(eq(statementTopics.topicId, topicId))) : undefined,
  );
  let ids: number[];
  if (match) {
    // Rank first, then filter: a filtered query can still list up to `limit` hits.
    const hits = ftsMatches(db, workspaceId, match, 500).map((h) => h.id);
    const allowed = new Set(hits.length ? db.select({ id: statements.id }).from(statements).where(and(filters, inArray(statements.id, hits))).all().map((r) => r.id) : []);
    ids = hits.filter((id) => allowed.has(id)).slice(0, limit);
  } else {
    ids = db.select({ id: statements.id }).from(statements).where(filters).orderBy(desc(statements.saidOn), desc(statements.id)).limit(limit).all().map((r) => r.id);
  }
  const items = listItemsByIds(db, ids);
  const linked = new Set(linkedIds(db, excludeId));
  return ids.map((id) => ({ ...items.get(id)!, linked: linked.has(id) }));
}

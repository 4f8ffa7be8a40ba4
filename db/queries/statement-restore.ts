import { and, desc, eq, or } from "drizzle-orm";
import type { DB } from "../index";
import { articles, auditEvents, links, speakers, statements, statementTopics, topics, type Link } from "../schema";
import { conflict, notFound } from "../errors";
import { recordAuditEvent, type Tx } from "./audit";
import { getStatementById, type StatementWithStances } from "./statements";

/** What deleteStatement writes into the audit log's `before`. */
type DeletedStatement = StatementWithStances & { links?: Link[] };

export interface RestoreResult {
  speakerName: string;
  linksRestored: number;
  /** Links whose other statement is gone too, or whose pair was linked again meanwhile. */
  linksSkipped: number;
}

const exists = (tx: Tx, id: number) => Boolean(tx.select({ id: statements.id }).from(statements).where(eq(statements.id, id)).get());

/**
 * Undoes a deletion from its audit record: the statement comes back with its
 * id (so permalinks, share links and flag reviews keep working), its stances
 * and the links that went with it, all in one transaction. Anything it needs
 * that has gone since (its article, speaker or a topic) refuses the restore
 * and names what is missing, rather than bringing back half a statement.
 */
export function restoreDeletedStatement(db: DB, { workspaceId, actorId, id }: { workspaceId: number; actorId: number; id: number }): RestoreResult {
  return db.transaction((tx) => {
    const event = tx.select().from(auditEvents)
      .where(and(eq(auditEvents.workspaceId, workspaceId), eq(auditEvents.entityType, "statement"), eq(auditEvents.entityId, String(id)), eq(auditEvents.action, "delete")))
      .orderBy(desc(auditEvents.id)).get();
    if (!event?.before) throw notFound("Deleted statement", "id");
    if (exists(tx, id)) throw conflict("That statement is not deleted: it was restored already.", "id");
    const s = event.before as DeletedStatement;

    if (!tx.select({ id: articles.id }).from(articles).where(and(eq(articles.id, s.articleId), eq(articles.workspaceId, workspaceId))).get()) {
      throw conflict("Its article has been deleted since, so the statement cannot come back.", "id");
    }
    if (!tx.select({ id: speakers.id }).from(speakers).where(and(eq(speakers.id, s.speakerId), eq(speakers.workspaceId, workspaceId))).get()) {
      throw conflict(`Its speaker, ${s.speakerName}, has been merged or deleted since; tag the quote again instead.`, "id");
    }
    for (const st of s.stances) {
      if (!tx.select({ id: topics.id }).from(topics).where(and(eq(topics.id, st.topicId), eq(topics.workspaceId, workspaceId))).get()) {
        throw conflict(`Its topic, ${st.topicName}, has been merged or deleted since; tag the quote again instead.`, "id");
      }
    }

    tx.insert(statements).values({
      id, workspaceId, articleId: s.articleId, speakerId: s.speakerId, quote: s.quote, prefix: s.prefix, suffix: s.suffix,
      start: s.start, end: s.end, anchorStatus: s.anchorStatus, anchorScore: s.anchorScore, saidOn: s.saidOn, saidOnPrecision: s.saidOnPrecision,
      kind: s.kind, summary: s.summary, note: s.note, notePrivate: s.notePrivate, createdBy: s.createdBy, createdAt: s.createdAt, updatedAt: s.updatedAt,
    }).run();
    for (const st of s.stances) tx.insert(statementTopics).values({ statementId: id, topicId: st.topicId, stance: st.stance, condition: st.condition }).run();

    let linksRestored = 0;
    const gone = s.links ?? [];
    for (const link of gone) {
      const other = link.fromStatementId === id ? link.toStatementId : link.fromStatementId;
      const pairTaken = tx.select({ id: links.id }).from(links).where(or(
        and(eq(links.fromStatementId, link.fromStatementId), eq(links.toStatementId, link.toStatementId)),
        eq(links.id, link.id),
      )).get();
      if (!exists(tx, other) || pairTaken) continue;
      const row = tx.insert(links).values(link).returning().get();
      recordAuditEvent(tx, { workspaceId, entityType: "link", entityId: row.id, action: "restore", after: row, actorId });
      linksRestored++;
    }
    recordAuditEvent(tx, { workspaceId, entityType: "statement", entityId: id, action: "restore", after: getStatementById(tx, { id }), actorId });
    return { speakerName: s.speakerName, linksRestored, linksSkipped: gone.length - linksRestored };
  });
}

import { and, eq, inArray, or } from "drizzle-orm";
import type { DB } from "../index";
import { articles, links, speakers, statements, statementTopics, topics, type Statement } from "../schema";
import { invalid, notFound } from "../errors";
import { recordAuditEvent, type Tx } from "./audit";
import { resolveSpeaker } from "./speakers";
import { resolveTopic } from "./topics";
import { locateSpan } from "./statement-span";
import type { CreateStatementInput, UpdateStatementInput } from "@/lib/validation/statement";

export type StanceRow = { topicId: number; topicName: string; color: number; stance: (typeof statementTopics.$inferSelect)["stance"]; condition: string };
export type StatementWithStances = Statement & { speakerName: string; stances: StanceRow[] };

export function getStatementById(db: DB | Tx, { workspaceId, id }: { workspaceId?: number; id: number }): StatementWithStances {
  const where = workspaceId === undefined ? eq(statements.id, id) : and(eq(statements.id, id), eq(statements.workspaceId, workspaceId));
  const row = db.select({ s: statements, speakerName: speakers.name }).from(statements)
    .innerJoin(speakers, eq(speakers.id, statements.speakerId)).where(where).get();
  if (!row) throw notFound("Statement", "id");
  return { ...row.s, speakerName: row.speakerName, stances: stancesByStatement(db, [id]).get(id) ?? [] };
}

/** Stances for many statements in one query. */
export function stancesByStatement(db: DB | Tx, ids: number[]): Map<number, StanceRow[]> {
  const out = new Map<number, StanceRow[]>();
  for (let i = 0; i < ids.length; i += 900) {
    const chunk = ids.slice(i, i + 900);
    const rows = db.select({
      statementId: statementTopics.statementId, topicId: statementTopics.topicId, stance: statementTopics.stance,
      condition: statementTopics.condition, topicName: topics.name, color: topics.color,
    }).from(statementTopics).innerJoin(topics, eq(topics.id, statementTopics.topicId))
      .where(inArray(statementTopics.statementId, chunk)).all();
    for (const { statementId, ...stance } of rows) {
      const list = out.get(statementId) ?? [];
      list.push(stance);
      out.set(statementId, list);
    }
  }
  return out;
}

function writeStances(tx: Tx, statementId: number, workspaceId: number, actorId: number, stances: CreateStatementInput["topics"]) {
  tx.delete(statementTopics).where(eq(statementTopics.statementId, statementId)).run();
  for (const s of stances) {
    const topic = resolveTopic(tx, { workspaceId, topic: s.topic, actorId });
    tx.insert(statementTopics).values({ statementId, topicId: topic.id, stance: s.stance, condition: s.stance === "conditional" ? s.condition : "" }).run();
  }
}

/** Creates a statement with its stances in one transaction; refuses anything that does not belong to the workspace. */
export function createStatement(db: DB, { workspaceId, actorId, input }: { workspaceId: number; actorId: number; input: CreateStatementInput }): StatementWithStances {
  return db.transaction((tx) => {
    const article = tx.select({ id: articles.id, text: articles.text }).from(articles)
      .where(and(eq(articles.id, input.articleId), eq(articles.workspaceId, workspaceId))).get();
    if (!article) throw notFound("Article", "articleId");
    const span = locateSpan(article.text, input);
    const speaker = resolveSpeaker(tx, { workspaceId, speaker: input.speaker, actorId });
    const row = tx.insert(statements).values({
      workspaceId, articleId: article.id, speakerId: speaker.id,
      quote: span.quote, prefix: span.prefix, suffix: span.suffix, start: span.start, end: span.end,
      saidOn: input.saidOn, saidOnPrecision: input.saidOnPrecision, kind: input.kind,
      summary: input.summary, note: input.note, notePrivate: input.notePrivate, createdBy: actorId,
    }).returning().get();
    writeStances(tx, row.id, workspaceId, actorId, input.topics);
    // The audit's "after" is what was committed: it is also the answer, without reading it again.
    const after = getStatementById(tx, { id: row.id });
    recordAuditEvent(tx, { workspaceId, entityType: "statement", entityId: row.id, action: "create", after, actorId });
    return after;
  });
}

export function updateStatement(db: DB, { workspaceId, actorId, id, input }: { workspaceId: number; actorId: number; id: number; input: UpdateStatementInput }): StatementWithStances {
  return db.transaction((tx) => {
    const before = getStatementById(tx, { workspaceId, id });
    const speakerId = input.speaker !== undefined ? resolveSpeaker(tx, { workspaceId, speaker: input.speaker, actorId }).id : before.speakerId;
    tx.update(statements).set({
      speakerId,
      ...(input.saidOn !== undefined ? { saidOn: input.saidOn, saidOnPrecision: input.saidOnPrecision } : {}),
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.summary !== undefined ? { summary: input.summary } : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
      ...(input.notePrivate !== undefined ? { notePrivate: input.notePrivate } : {}),
      updatedAt: new Date().toISOString(),
    }).where(eq(statements.id, id)).run();
    if (input.topics) writeStances(tx, id, workspaceId, actorId, input.topics);
    const after = getStatementById(tx, { id });
    recordAuditEvent(tx, { workspaceId, entityType: "statement", entityId: id, action: "update", before, after, actorId });
    return after;
  });
}

/**
 * Deletes a statement and the links that touch it, in one transaction. Each
 * link is audited on its own, and the statement's audit record keeps the
 * links whole, so the deletion can be undone (restoreDeletedStatement).
 */
export function deleteStatement(db: DB, { workspaceId, actorId, id }: { workspaceId: number; actorId: number; id: number }) {
  return db.transaction((tx) => {
    const before = getStatementById(tx, { workspaceId, id });
    const touching = tx.select().from(links).where(or(eq(links.fromStatementId, id), eq(links.toStatementId, id))).all();
    tx.delete(statements).where(eq(statements.id, id)).run();
    for (const link of touching) recordAuditEvent(tx, { workspaceId, entityType: "link", entityId: link.id, action: "delete", before: link, actorId });
    recordAuditEvent(tx, { workspaceId, entityType: "statement", entityId: id, action: "delete", before: { ...before, linksRemoved: touching.length, links: touching }, actorId });
    return { linksRemoved: touching.length };
  });
}

export function countLinksOfStatement(db: DB | Tx, { id }: { id: number }): number {
  const from = db.select({ id: links.id }).from(links).where(eq(links.fromStatementId, id)).all().length;
  const to = db.select({ id: links.id }).from(links).where(eq(links.toStatementId, id)).all().length;
  return from + to;
}

export function assertSameWorkspace(found: { workspaceId: number } | undefined, workspaceId: number, field: string) {
  if (!found || found.workspaceId !== workspaceId) throw invalid("That statement belongs to another workspace or does not exist.", field);
}

import { and, asc, eq, sql } from "drizzle-orm";
import type { DB } from "../index";
import { flagReviews, statementTopics, topics, type Topic } from "../schema";
import { conflict, invalid, notFound } from "../errors";
import { recordAuditEvent, type Tx } from "./audit";
import { mergedAliases, repointTimelineFilters, sameName } from "./merge-helpers";
import { formatFlagKey, parseFlagKey } from "@/lib/domain/flag-key";

/** Topic colours are indices into a fixed, colour-blind-safe palette (components/ui/palette). */
export const TOPIC_PALETTE_SIZE = 8;

export function listTopicsByWorkspace(db: DB | Tx, { workspaceId }: { workspaceId: number }) {
  return db.select({
    id: topics.id, name: topics.name, proposition: topics.proposition, description: topics.description, color: topics.color, aliases: topics.aliases,
    statementCount: sql<number>`(select count(*) from "statement_topics" where "statement_topics"."topic_id" = "topics"."id")`,
  }).from(topics).where(eq(topics.workspaceId, workspaceId)).orderBy(asc(topics.name)).all();
}

export function getTopicById(db: DB | Tx, { workspaceId, id }: { workspaceId: number; id: number }): Topic {
  const t = db.select().from(topics).where(and(eq(topics.workspaceId, workspaceId), eq(topics.id, id))).get();
  if (!t) throw notFound("Topic", "topics");
  return t;
}

/** Matches a name against names, then the names of topics merged in (aliases), ignoring case. */
export function findTopicByName(db: DB | Tx, { workspaceId, name }: { workspaceId: number; name: string }): Topic | null {
  const wanted = name.trim().toLowerCase();
  const rows = db.select().from(topics).where(eq(topics.workspaceId, workspaceId)).all();
  return rows.find((t) => t.name.toLowerCase() === wanted) ?? rows.find((t) => t.aliases.some((a) => a.toLowerCase() === wanted)) ?? null;
}

export function createTopic(tx: Tx, input: { workspaceId: number; name: string; proposition?: string; description?: string; actorId: number }): Topic {
  const name = input.name.trim();
  if (!name) throw invalid("A topic needs a name.", "topics");
  const used = tx.select({ n: sql<number>`count(*)` }).from(topics).where(eq(topics.workspaceId, input.workspaceId)).get()?.n ?? 0;
  const t = tx.insert(topics).values({
    workspaceId: input.workspaceId, name, proposition: input.proposition ?? "", description: input.description ?? "",
    color: used % TOPIC_PALETTE_SIZE, createdBy: input.actorId,
  }).returning().get();
  recordAuditEvent(tx, { workspaceId: input.workspaceId, entityType: "topic", entityId: t.id, action: "create", after: t, actorId: input.actorId });
  return t;
}

export function resolveTopic(tx: Tx, { workspaceId, topic, actorId }: { workspaceId: number; topic: number | string; actorId: number }): Topic {
  if (typeof topic === "number") return getTopicById(tx, { workspaceId, id: topic });
  return findTopicByName(tx, { workspaceId, name: topic }) ?? createTopic(tx, { workspaceId, name: topic, actorId });
}

function findTopic(tx: DB | Tx, workspaceId: number, id: number, field: string): Topic {
  const t = tx.select().from(topics).where(and(eq(topics.workspaceId, workspaceId), eq(topics.id, id))).get();
  if (!t) throw notFound("That topic (it may have been merged or belong to another workspace)", field);
  return t;
}

export function renameTopic(db: DB, { workspaceId, actorId, id, name }: { workspaceId: number; actorId: number; id: number; name: string }): Topic {
  const wanted = name.trim();
  if (!wanted) throw invalid("A topic needs a name.", "name");
  return db.transaction((tx) => {
    const before = findTopic(tx, workspaceId, id, "id");
    const clash = tx.select().from(topics).where(eq(topics.workspaceId, workspaceId)).all().find((t) => t.id !== id && sameName(t.name, wanted));
    if (clash) throw conflict(`Another topic is already called “${clash.name}”. To combine the two, merge them instead.`, "name");
    const after = tx.update(topics).set({ name: wanted, updatedAt: new Date().toISOString() }).where(eq(topics.id, id)).returning().get();
    recordAuditEvent(tx, { workspaceId, entityType: "topic", entityId: id, action: "update", before, after, actorId });
    return after;
  });
}

export function updateTopic(db: DB, { workspaceId, actorId, id, proposition, description }: { workspaceId: number; actorId: number; id: number; proposition?: string; description?: string }): Topic {
  return db.transaction((tx) => {
    const before = findTopic(tx, workspaceId, id, "id");
    const after = tx.update(topics).set({
      ...(proposition !== undefined ? { proposition: proposition.trim() } : {}),
      ...(description !== undefined ? { description: description.trim() } : {}),
      updatedAt: new Date().toISOString(),
    }).where(eq(topics.id, id)).returning().get();
    recordAuditEvent(tx, { workspaceId, entityType: "topic", entityId: id, action: "update", before, after, actorId });
    return after;
  });
}

/**
 * Merges a duplicate topic into another in one transaction: stances move to
 * the target; where a statement took a stance on both, the target's stance
 * is kept and the dropped one is written to the audit event. Reviews of
 * detected stance shifts (their flag keys name the topic) and saved timeline
 * filters follow. Topics have no aliases, so the old name lives on in the audit log.
 */
export function mergeTopics(db: DB, { workspaceId, actorId, sourceId, targetId }: { workspaceId: number; actorId: number; sourceId: number; targetId: number }) {
  if (sourceId === targetId) throw invalid("A topic cannot be merged into itself.", "targetId");
  return db.transaction((tx) => {
    const source = findTopic(tx, workspaceId, sourceId, "sourceId");
    const target = findTopic(tx, workspaceId, targetId, "targetId");
    const onTarget = new Map(tx.select().from(statementTopics).where(eq(statementTopics.topicId, target.id)).all().map((r) => [r.statementId, r]));
    const fromSource = tx.select().from(statementTopics).where(eq(statementTopics.topicId, source.id)).all();
    const conflicts: { statementId: number; kept: { stance: string; condition: string }; dropped: { stance: string; condition: string } }[] = [];
    // Delete and insert (no update): the full-text index is kept in step by insert/delete triggers.
    tx.delete(statementTopics).where(eq(statementTopics.topicId, source.id)).run();
    for (const row of fromSource) {
      const kept = onTarget.get(row.statementId);
      if (kept) {
        conflicts.push({ statementId: row.statementId, kept: { stance: kept.stance, condition: kept.condition }, dropped: { stance: row.stance, condition: row.condition } });
      } else {
        tx.insert(statementTopics).values({ ...row, topicId: target.id }).run();
      }
    }
    const reviewsMoved = repointStanceShiftReviews(tx, { workspaceId, sourceId: source.id, targetId: target.id });
    const timelinesChanged = repointTimelineFilters(tx, { workspaceId, key: "topics", sourceId: source.id, targetId: target.id });
    tx.delete(topics).where(eq(topics.id, source.id)).run();
    // The old name lives on as an alias, so typing it in the tag form finds the merged topic instead of making it again.
    const after = tx.update(topics).set({ aliases: mergedAliases(target, source), updatedAt: new Date().toISOString() }).where(eq(topics.id, target.id)).returning().get();
    const moved = fromSource.length - conflicts.length;
    const record = { source, target: after, movedStatementIds: fromSource.map((r) => r.statementId), conflicts, reviewsMoved, timelinesChanged };
    recordAuditEvent(tx, { workspaceId, entityType: "topic", entityId: target.id, action: "merge", before: { target, source }, after: record, actorId });
    recordAuditEvent(tx, { workspaceId, entityType: "topic", entityId: source.id, action: "merge", before: source, after: { mergedInto: target.id }, actorId });
    return { target: after, movedStatements: moved, keptTargetStances: conflicts.length };
  });
}

/** stance_shift:a:b:<source> reviews become stance_shift:a:b:<target>, unless the target already has a review of that pair. */
function repointStanceShiftReviews(tx: Tx, { workspaceId, sourceId, targetId }: { workspaceId: number; sourceId: number; targetId: number }): string[] {
  const reviews = tx.select({ id: flagReviews.id, flagKey: flagReviews.flagKey }).from(flagReviews).where(eq(flagReviews.workspaceId, workspaceId)).all();
  const keys = new Set(reviews.map((r) => r.flagKey));
  const moved: string[] = [];
  for (const r of reviews) {
    const parts = parseFlagKey(r.flagKey);
    if (parts?.rule !== "stance_shift" || parts.topicId !== sourceId) continue;
    const next = formatFlagKey({ ...parts, topicId: targetId });
    if (keys.has(next)) continue;
    tx.update(flagReviews).set({ flagKey: next, updatedAt: new Date().toISOString() }).where(eq(flagReviews.id, r.id)).run();
    keys.add(next);
    moved.push(`${r.flagKey} → ${next}`);
  }
  return moved;
}

import { and, asc, eq, sql } from "drizzle-orm";
import type { DB } from "../index";
import { statementTopics, topics, type Topic } from "../schema";
import { invalid, notFound } from "../errors";
import { recordAuditEvent, type Tx } from "./audit";

/** Topic colours are indices into a fixed, colour-blind-safe palette (components/ui/palette). */
export const TOPIC_PALETTE_SIZE = 8;

export function listTopicsByWorkspace(db: DB | Tx, { workspaceId }: { workspaceId: number }) {
  return db.select({
    id: topics.id, name: topics.name, proposition: topics.proposition, description: topics.description, color: topics.color,
    statementCount: sql<number>`(select count(*) from ${statementTopics} where ${statementTopics.topicId} = ${topics.id})`,
  }).from(topics).where(eq(topics.workspaceId, workspaceId)).orderBy(asc(topics.name)).all();
}

export function getTopicById(db: DB | Tx, { workspaceId, id }: { workspaceId: number; id: number }): Topic {
  const t = db.select().from(topics).where(and(eq(topics.workspaceId, workspaceId), eq(topics.id, id))).get();
  if (!t) throw notFound("Topic", "topics");
  return t;
}

export function findTopicByName(db: DB | Tx, { workspaceId, name }: { workspaceId: number; name: string }): Topic | null {
  const wanted = name.trim().toLowerCase();
  return db.select().from(topics).where(eq(topics.workspaceId, workspaceId)).all().find((t) => t.name.toLowerCase() === wanted) ?? null;
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

import { and, asc, eq, sql } from "drizzle-orm";
import type { DB } from "../index";
import { speakers, statements, type Speaker } from "../schema";
import { invalid, notFound } from "../errors";
import { recordAuditEvent, type Tx } from "./audit";

export function listSpeakersByWorkspace(db: DB | Tx, { workspaceId }: { workspaceId: number }) {
  return db.select({
    id: speakers.id, name: speakers.name, aliases: speakers.aliases, description: speakers.description,
    statementCount: sql<number>`(select count(*) from ${statements} where ${statements.speakerId} = ${speakers.id})`,
  }).from(speakers).where(eq(speakers.workspaceId, workspaceId)).orderBy(asc(speakers.name)).all();
}

export function getSpeakerById(db: DB | Tx, { workspaceId, id }: { workspaceId: number; id: number }): Speaker {
  const s = db.select().from(speakers).where(and(eq(speakers.workspaceId, workspaceId), eq(speakers.id, id))).get();
  if (!s) throw notFound("Speaker", "speaker");
  return s;
}

/** Matches a name against names and aliases, ignoring case. */
export function findSpeakerByName(db: DB | Tx, { workspaceId, name }: { workspaceId: number; name: string }): Speaker | null {
  const wanted = name.trim().toLowerCase();
  const rows = db.select().from(speakers).where(eq(speakers.workspaceId, workspaceId)).all();
  return rows.find((s) => s.name.toLowerCase() === wanted) ?? rows.find((s) => s.aliases.some((a) => a.toLowerCase() === wanted)) ?? null;
}

export function createSpeaker(tx: Tx, input: { workspaceId: number; name: string; aliases?: string[]; description?: string; actorId: number }): Speaker {
  const name = input.name.trim();
  if (!name) throw invalid("A speaker needs a name.", "speaker");
  const s = tx.insert(speakers).values({
    workspaceId: input.workspaceId, name, aliases: input.aliases ?? [], description: input.description ?? "", createdBy: input.actorId,
  }).returning().get();
  recordAuditEvent(tx, { workspaceId: input.workspaceId, entityType: "speaker", entityId: s.id, action: "create", after: s, actorId: input.actorId });
  return s;
}

/** A speaker given as an id or a name; an unknown name creates the speaker (inside the caller's transaction). */
export function resolveSpeaker(tx: Tx, { workspaceId, speaker, actorId }: { workspaceId: number; speaker: number | string; actorId: number }): Speaker {
  if (typeof speaker === "number") return getSpeakerById(tx, { workspaceId, id: speaker });
  return findSpeakerByName(tx, { workspaceId, name: speaker }) ?? createSpeaker(tx, { workspaceId, name: speaker, actorId });
}

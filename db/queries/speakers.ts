import { and, asc, eq, sql } from "drizzle-orm";
import type { DB } from "../index";
import { speakers, statements, type Speaker } from "../schema";
import { conflict, invalid, notFound } from "../errors";
import { recordAuditEvent, type Tx } from "./audit";
import { mergedAliases, repointTimelineFilters, sameName } from "./merge-helpers";

export function listSpeakersByWorkspace(db: DB | Tx, { workspaceId }: { workspaceId: number }) {
  return db.select({
    id: speakers.id, name: speakers.name, aliases: speakers.aliases, description: speakers.description,
    statementCount: sql<number>`(select count(*) from "statements" where "statements"."speaker_id" = "speakers"."id")`,
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

/** Refuses a name or alias that another speaker of the workspace already answers to (merging is the way to combine them). */
function assertNameFree(tx: DB | Tx, { workspaceId, exceptId, name, field }: { workspaceId: number; exceptId: number; name: string; field: string }) {
  for (const other of tx.select().from(speakers).where(eq(speakers.workspaceId, workspaceId)).all()) {
    if (other.id === exceptId) continue;
    if (sameName(other.name, name)) throw conflict(`Another speaker is already called “${other.name}”. To combine the two, merge them instead.`, field);
    if (other.aliases.some((a) => sameName(a, name))) throw conflict(`“${name}” is an alias of ${other.name}. To combine the two, merge them instead.`, field);
  }
}

function findSpeaker(tx: DB | Tx, workspaceId: number, id: number, field: string): Speaker {
  const s = tx.select().from(speakers).where(and(eq(speakers.workspaceId, workspaceId), eq(speakers.id, id))).get();
  if (!s) throw notFound("That speaker (it may have been merged or belong to another workspace)", field);
  return s;
}

export function renameSpeaker(db: DB, { workspaceId, actorId, id, name }: { workspaceId: number; actorId: number; id: number; name: string }): Speaker {
  const wanted = name.trim();
  if (!wanted) throw invalid("A speaker needs a name.", "name");
  return db.transaction((tx) => {
    const before = findSpeaker(tx, workspaceId, id, "id");
    assertNameFree(tx, { workspaceId, exceptId: id, name: wanted, field: "name" });
    // The new name may have been an alias; it is the name now, not both.
    const aliases = before.aliases.filter((a) => !sameName(a, wanted));
    const after = tx.update(speakers).set({ name: wanted, aliases, updatedAt: new Date().toISOString() }).where(eq(speakers.id, id)).returning().get();
    recordAuditEvent(tx, { workspaceId, entityType: "speaker", entityId: id, action: "update", before, after, actorId });
    return after;
  });
}

export function updateSpeaker(db: DB, { workspaceId, actorId, id, aliases, description }: { workspaceId: number; actorId: number; id: number; aliases?: string[]; description?: string }): Speaker {
  return db.transaction((tx) => {
    const before = findSpeaker(tx, workspaceId, id, "id");
    const nextAliases = aliases?.map((a) => a.trim()).filter((a) => a && !sameName(a, before.name));
    for (const alias of nextAliases ?? []) assertNameFree(tx, { workspaceId, exceptId: id, name: alias, field: "aliases" });
    const after = tx.update(speakers).set({
      ...(nextAliases ? { aliases: nextAliases } : {}),
      ...(description !== undefined ? { description: description.trim() } : {}),
      updatedAt: new Date().toISOString(),
    }).where(eq(speakers.id, id)).returning().get();
    recordAuditEvent(tx, { workspaceId, entityType: "speaker", entityId: id, action: "update", before, after, actorId });
    return after;
  });
}

/**
 * Merges a duplicate speaker into another: its statements move to the
 * target, its name and aliases become the target's aliases (so search and
 * the tag form still find it), saved timeline filters follow, and the
 * source is deleted — all in one transaction with one "merge" audit event
 * on each speaker.
 */
export function mergeSpeakers(db: DB, { workspaceId, actorId, sourceId, targetId }: { workspaceId: number; actorId: number; sourceId: number; targetId: number }) {
  if (sourceId === targetId) throw invalid("A speaker cannot be merged into itself.", "targetId");
  return db.transaction((tx) => {
    const source = findSpeaker(tx, workspaceId, sourceId, "sourceId");
    const target = findSpeaker(tx, workspaceId, targetId, "targetId");
    const moved = tx.update(statements).set({ speakerId: target.id, updatedAt: new Date().toISOString() })
      .where(and(eq(statements.workspaceId, workspaceId), eq(statements.speakerId, source.id))).returning({ id: statements.id }).all().map((r) => r.id);
    const aliases = mergedAliases(target, source);
    // Delete first: the source's name must be free before the target lists it as an alias.
    tx.delete(speakers).where(eq(speakers.id, source.id)).run();
    const after = tx.update(speakers).set({ aliases, updatedAt: new Date().toISOString() }).where(eq(speakers.id, target.id)).returning().get();
    const timelinesChanged = repointTimelineFilters(tx, { workspaceId, key: "speakers", sourceId: source.id, targetId: target.id });
    const record = { source, target: after, movedStatementIds: moved, timelinesChanged };
    recordAuditEvent(tx, { workspaceId, entityType: "speaker", entityId: target.id, action: "merge", before: { target, source }, after: record, actorId });
    recordAuditEvent(tx, { workspaceId, entityType: "speaker", entityId: source.id, action: "merge", before: source, after: { mergedInto: target.id }, actorId });
    return { target: after, movedStatements: moved.length };
  });
}

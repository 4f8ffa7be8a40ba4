import { randomBytes, timingSafeEqual } from "node:crypto";
import { and, desc, eq, inArray, isNotNull } from "drizzle-orm";
import type { DB } from "../index";
import { speakers, timelines, topics, type Timeline } from "../schema";
import { notFound } from "../errors";
import { recordAuditEvent } from "./audit";
import { getTimelineModel, type TimelineData } from "./timeline-view";
import type { TimelineModel } from "@/lib/timeline/model";
import { parseTimelineView, toStoredFilter, type TimelineViewState } from "@/lib/timeline/view-state";

export { getTimelineModel, getTimelineView, type TimelineData, type TimelineFlag, type TimelineStatement } from "./timeline-view";

/** 24 random bytes = 192 bits, base64url: unguessable, URL-safe, 32 characters. */
const TOKEN_BYTES = 24;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{22,128}$/;

/** The audit log records that a link exists, never the secret itself. */
const redact = (t: Timeline) => ({ ...t, shareToken: t.shareToken ? "(secret)" : null });

export function createTimeline(db: DB, input: { workspaceId: number; actorId: number; title: string; description?: string; filter: TimelineViewState }): Timeline {
  return db.transaction((tx) => {
    const row = tx.insert(timelines).values({
      workspaceId: input.workspaceId, title: input.title, description: input.description ?? "",
      filter: toStoredFilter(input.filter), createdBy: input.actorId,
    }).returning().get();
    recordAuditEvent(tx, { workspaceId: input.workspaceId, entityType: "timeline", entityId: row.id, action: "create", after: redact(row), actorId: input.actorId });
    return row;
  });
}

export function listTimelinesByWorkspace(db: DB, { workspaceId }: { workspaceId: number }): Timeline[] {
  return db.select().from(timelines).where(eq(timelines.workspaceId, workspaceId)).orderBy(desc(timelines.id)).all();
}

export function getTimelineById(db: DB, { workspaceId, id }: { workspaceId: number; id: number }): Timeline {
  const row = db.select().from(timelines).where(and(eq(timelines.id, id), eq(timelines.workspaceId, workspaceId))).get();
  if (!row) throw notFound("Timeline", "id");
  return row;
}

/** The workspace of a timeline named only by its id (the HTTP API's /timelines/{id}), for the permission check. */
export function getTimelineWorkspaceId(db: DB, { id }: { id: number }): number {
  const row = db.select({ workspaceId: timelines.workspaceId }).from(timelines).where(eq(timelines.id, id)).get();
  if (!row) throw notFound("Timeline", "id");
  return row.workspaceId;
}

/**
 * Gives a saved timeline a public read-only link. Sharing an already shared
 * timeline returns its existing token, so links already sent keep working.
 */
export function shareTimeline(db: DB, { workspaceId, actorId, id }: { workspaceId: number; actorId: number; id: number }): { token: string; timeline: Timeline } {
  return db.transaction((tx) => {
    const before = tx.select().from(timelines).where(and(eq(timelines.id, id), eq(timelines.workspaceId, workspaceId))).get();
    if (!before) throw notFound("Timeline", "id");
    if (before.shareToken) return { token: before.shareToken, timeline: before };
    const token = randomBytes(TOKEN_BYTES).toString("base64url");
    const after = tx.update(timelines).set({ shareToken: token, sharedAt: new Date().toISOString(), updatedAt: new Date().toISOString() })
      .where(eq(timelines.id, id)).returning().get();
    recordAuditEvent(tx, { workspaceId, entityType: "timeline", entityId: id, action: "share", before: redact(before), after: redact(after), actorId });
    return { token, timeline: after };
  });
}

/** Revokes the public link at once: the token is forgotten, so the old URL is a plain 404. */
export function revokeShare(db: DB, { workspaceId, actorId, id }: { workspaceId: number; actorId: number; id: number }): Timeline {
  return db.transaction((tx) => {
    const before = tx.select().from(timelines).where(and(eq(timelines.id, id), eq(timelines.workspaceId, workspaceId))).get();
    if (!before) throw notFound("Timeline", "id");
    if (!before.shareToken) return before;
    const after = tx.update(timelines).set({ shareToken: null, sharedAt: null, updatedAt: new Date().toISOString() })
      .where(eq(timelines.id, id)).returning().get();
    recordAuditEvent(tx, { workspaceId, entityType: "timeline", entityId: id, action: "revoke", before: redact(before), after: redact(after), actorId });
    return after;
  });
}

/** What a public page may know about a shared timeline: no workspace, no author, no audit. */
export interface SharedTimeline {
  title: string;
  description: string;
  sharedAt: string | null;
  view: TimelineViewState;
  names: { speakers: Map<number, string>; topics: Map<number, string> };
  data: TimelineData;
  model: TimelineModel;
}

/**
 * Finds the timeline a share token opens. The token is compared in constant
 * time against every live token (no index lookup whose timing depends on how
 * much of a guess matches), and the loop never stops early. Shared timelines
 * are few, so this stays cheap. Malformed tokens are refused before touching
 * the database. Returns null for unknown or revoked tokens, and the caller
 * answers with the same 404 for both.
 */
export function getSharedTimelineByToken(db: DB, { token }: { token: string }): SharedTimeline | null {
  if (typeof token !== "string" || !TOKEN_SHAPE.test(token)) return null;
  const wanted = Buffer.from(token);
  let matchId: number | null = null;
  for (const live of db.select({ id: timelines.id, token: timelines.shareToken }).from(timelines).where(isNotNull(timelines.shareToken)).all()) {
    const candidate = Buffer.from(live.token ?? "");
    if (candidate.length === wanted.length && timingSafeEqual(candidate, wanted)) matchId = live.id;
  }
  const row = matchId === null ? undefined : db.select().from(timelines).where(eq(timelines.id, matchId)).get();
  if (!row || !row.shareToken) return null;
  // The selected statement belongs to a reader's URL, not to the shared view.
  const view = { ...parseTimelineView(row.filter), selected: null };
  return {
    title: row.title,
    description: row.description,
    sharedAt: row.sharedAt,
    view,
    names: namesForView(db, row.workspaceId, view),
    ...getTimelineModel(db, { workspaceId: row.workspaceId, filter: view }),
  };
}

/** Names of the speakers and topics a filter mentions (only those), for describing it in words. */
export function namesForView(db: DB, workspaceId: number, view: TimelineViewState) {
  const speakerRows = view.speakers.length ? db.select({ id: speakers.id, name: speakers.name }).from(speakers)
    .where(and(eq(speakers.workspaceId, workspaceId), inArray(speakers.id, view.speakers))).all() : [];
  const topicRows = view.topics.length ? db.select({ id: topics.id, name: topics.name }).from(topics)
    .where(and(eq(topics.workspaceId, workspaceId), inArray(topics.id, view.topics))).all() : [];
  return { speakers: new Map(speakerRows.map((s) => [s.id, s.name])), topics: new Map(topicRows.map((t) => [t.id, t.name])) };
}

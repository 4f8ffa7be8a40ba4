import { eq } from "drizzle-orm";
import type { DB } from "../index";
import { speakers, topics } from "../schema";
import { notFound } from "../errors";
import { listSpeakersByWorkspace, mergeSpeakers, renameSpeaker, updateSpeaker } from "./speakers";
import { listTopicsByWorkspace, mergeTopics, renameTopic, updateTopic } from "./topics";

// The HTTP API's speaker and topic edits: one request may rename and change
// details together, so the UI's separate steps run in one transaction (the
// inner ones become savepoints) and a refused part leaves nothing changed.

/** The workspace a speaker belongs to, so the caller can check access before anything else. */
export function workspaceIdOfSpeaker(db: DB, { id }: { id: number }): number {
  const row = db.select({ workspaceId: speakers.workspaceId }).from(speakers).where(eq(speakers.id, id)).get();
  if (!row) throw notFound("Speaker", "id");
  return row.workspaceId;
}

export function workspaceIdOfTopic(db: DB, { id }: { id: number }): number {
  const row = db.select({ workspaceId: topics.workspaceId }).from(topics).where(eq(topics.id, id)).get();
  if (!row) throw notFound("Topic", "id");
  return row.workspaceId;
}

const speakerView = (db: DB, workspaceId: number, id: number) => listSpeakersByWorkspace(db, { workspaceId }).find((s) => s.id === id)!;
const topicView = (db: DB, workspaceId: number, id: number) => listTopicsByWorkspace(db, { workspaceId }).find((t) => t.id === id)!;

export function editSpeaker(db: DB, { workspaceId, actorId, id, input }: {
  workspaceId: number; actorId: number; id: number; input: { name?: string; aliases?: string[]; description?: string };
}) {
  db.transaction(() => {
    if (input.name !== undefined) renameSpeaker(db, { workspaceId, actorId, id, name: input.name });
    if (input.aliases !== undefined || input.description !== undefined) updateSpeaker(db, { workspaceId, actorId, id, aliases: input.aliases, description: input.description });
  });
  return speakerView(db, workspaceId, id);
}

export function editTopic(db: DB, { workspaceId, actorId, id, input }: {
  workspaceId: number; actorId: number; id: number; input: { name?: string; proposition?: string; description?: string };
}) {
  db.transaction(() => {
    if (input.name !== undefined) renameTopic(db, { workspaceId, actorId, id, name: input.name });
    if (input.proposition !== undefined || input.description !== undefined) updateTopic(db, { workspaceId, actorId, id, proposition: input.proposition, description: input.description });
  });
  return topicView(db, workspaceId, id);
}

export function mergeSpeakerInto(db: DB, { workspaceId, actorId, id, into }: { workspaceId: number; actorId: number; id: number; into: number }) {
  const { movedStatements } = mergeSpeakers(db, { workspaceId, actorId, sourceId: id, targetId: into });
  return { target: speakerView(db, workspaceId, into), movedStatements };
}

export function mergeTopicInto(db: DB, { workspaceId, actorId, id, into }: { workspaceId: number; actorId: number; id: number; into: number }) {
  const merged = mergeTopics(db, { workspaceId, actorId, sourceId: id, targetId: into });
  return { target: topicView(db, workspaceId, into), movedStatements: merged.movedStatements };
}

import { afterEach, describe, expect, it } from "vitest";
import { auditEvents, speakers, topics } from "../schema";
import { cleanupTestDbs, demoDb } from "./test-db";
import { editSpeaker, editTopic, mergeSpeakerInto, mergeTopicInto, workspaceIdOfSpeaker } from "./directory-edits";
import type { DB } from "../index";

afterEach(cleanupTestDbs);

const speaker = (db: DB, name: string) => db.select().from(speakers).all().find((s) => s.name === name)!;
const topic = (db: DB, name: string) => db.select().from(topics).all().find((t) => t.name === name)!;

describe("speaker and topic edits for the API", () => {
  it("renames and changes details in one step, audited", () => {
    const { db, ws, actorId } = demoDb();
    const putin = speaker(db, "Vladimir Putin");
    const out = editSpeaker(db, { workspaceId: ws.id, actorId, id: putin.id, input: { name: "Vladimir V. Putin", aliases: ["Putin", "V. Putin"], description: "President of Russia since 2000 (with a break)" } });
    expect(out).toMatchObject({ id: putin.id, name: "Vladimir V. Putin", aliases: ["Putin", "V. Putin"], statementCount: 4 });
    expect(db.select().from(auditEvents).all().filter((e) => e.entityType === "speaker" && e.action === "update")).toHaveLength(2);
    const talks = topic(db, "Preconditions for negotiations");
    expect(editTopic(db, { workspaceId: ws.id, actorId, id: talks.id, input: { name: "Terms for talks", proposition: "On what terms should Russia negotiate?" } }))
      .toMatchObject({ name: "Terms for talks", proposition: "On what terms should Russia negotiate?" });
  });

  it("keeps the rename when nothing else fails, and undoes it when a later part is refused", () => {
    const { db, ws, actorId } = demoDb();
    const putin = speaker(db, "Vladimir Putin");
    const audit = db.select().from(auditEvents).all().length;
    // The alias names another speaker: the whole edit is refused, the rename included.
    expect(() => editSpeaker(db, { workspaceId: ws.id, actorId, id: putin.id, input: { name: "V. Putin", aliases: ["Zelensky"] } }))
      .toThrow(expect.objectContaining({ code: "conflict", field: "aliases" }));
    expect(speaker(db, "Vladimir Putin")).toEqual(putin);
    expect(db.select().from(auditEvents).all()).toHaveLength(audit);
  });

  it("merges into another entry and reports what moved; unknown ids are not found", () => {
    const { db, ws, actorId } = demoDb();
    const podolyak = speaker(db, "Mykhailo Podolyak");
    const zelensky = speaker(db, "Volodymyr Zelensky");
    expect(mergeSpeakerInto(db, { workspaceId: ws.id, actorId, id: podolyak.id, into: zelensky.id }))
      .toMatchObject({ movedStatements: 1, target: { id: zelensky.id, statementCount: 2, aliases: expect.arrayContaining(["Mykhailo Podolyak"]) } });
    expect(() => workspaceIdOfSpeaker(db, { id: podolyak.id })).toThrow(expect.objectContaining({ code: "not_found" }));
    const nato = topic(db, "Ukraine and NATO");
    const talks = topic(db, "Preconditions for negotiations");
    expect(mergeTopicInto(db, { workspaceId: ws.id, actorId, id: nato.id, into: talks.id })).toMatchObject({ movedStatements: expect.any(Number), target: { id: talks.id } });
  });
});

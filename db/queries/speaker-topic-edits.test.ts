import { afterEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditEvents, flagReviews, speakers, statements, statementTopics, timelines, topics } from "../schema";
import { cleanupTestDbs, demoDb } from "./test-db";
import { listSpeakersByWorkspace, mergeSpeakers, renameSpeaker, updateSpeaker, createSpeaker } from "./speakers";
import { listTopicsByWorkspace, mergeTopics, renameTopic, resolveTopic, updateTopic, createTopic } from "./topics";
import { searchStatementsByWorkspace } from "./statement-search";
import { seedDemoWorkspace } from "../seed";
import { listArticlesByWorkspace } from "./articles";
import { listWorkspaces } from "./workspaces";
import type { DB } from "../index";
import { mergeSpeakersInput, updateSpeakerInput } from "@/lib/validation/speaker";

afterEach(cleanupTestDbs);

const speakerId = (db: DB, workspaceId: number, name: string) => listSpeakersByWorkspace(db, { workspaceId }).find((s) => s.name === name)!.id;
const topicId = (db: DB, workspaceId: number, name: string) => listTopicsByWorkspace(db, { workspaceId }).find((t) => t.name === name)!.id;
const audits = (db: DB, action: string) => db.select().from(auditEvents).where(eq(auditEvents.action, action as "merge")).all();
const snapshot = (db: DB) => ({
  speakers: db.select().from(speakers).all(), topics: db.select().from(topics).all(), statements: db.select().from(statements).all(),
  stances: db.select().from(statementTopics).all(), audit: db.select().from(auditEvents).all().length, timelines: db.select().from(timelines).all(),
});
function thrown(fn: () => unknown) {
  try { fn(); } catch (e) { return e; }
  throw new Error("expected a throw");
}

describe("directory counts", () => {
  it("count each speaker's, topic's, article's and workspace's own statements", () => {
    const { db, ws } = demoDb();
    expect(listSpeakersByWorkspace(db, { workspaceId: ws.id }).map((s) => [s.name, s.statementCount]))
      .toEqual([["Mykhailo Podolyak", 1], ["Vladimir Putin", 4], ["Volodymyr Zelensky", 1]]);
    expect(listTopicsByWorkspace(db, { workspaceId: ws.id }).map((t) => [t.name, t.statementCount]))
      .toEqual([["Preconditions for negotiations", 6], ["Ukraine and NATO", 1]]);
    expect(listArticlesByWorkspace(db, { workspaceId: ws.id }).map((a) => a.statementCount).sort()).toEqual([1, 2, 3]);
    expect(listWorkspaces(db).find((w) => w.id === ws.id)).toMatchObject({ statementCount: 6, articleCount: 3 });
  });
});

describe("speakers: rename, details, merge", () => {
  it("renames with an audit event, and refuses an empty name or a name another speaker answers to", () => {
    const { db, ws, actorId } = demoDb();
    const putin = speakerId(db, ws.id, "Vladimir Putin");
    expect(renameSpeaker(db, { workspaceId: ws.id, actorId, id: putin, name: "  Vladimir V. Putin " }).name).toBe("Vladimir V. Putin");
    expect(db.select().from(auditEvents).where(and(eq(auditEvents.entityType, "speaker"), eq(auditEvents.action, "update"))).all()).toHaveLength(1);
    const before = snapshot(db);
    expect(thrown(() => renameSpeaker(db, { workspaceId: ws.id, actorId, id: putin, name: " " }))).toMatchObject({ code: "invalid", field: "name" });
    expect(thrown(() => renameSpeaker(db, { workspaceId: ws.id, actorId, id: putin, name: "mykhailo podolyak" }))).toMatchObject({ code: "conflict", field: "name", message: expect.stringContaining("merge") });
    expect(thrown(() => renameSpeaker(db, { workspaceId: ws.id, actorId, id: putin, name: "Zelenskyy" }))).toMatchObject({ code: "conflict", message: expect.stringContaining("alias of Volodymyr Zelensky") });
    expect(snapshot(db)).toEqual(before);
    // Full-text search follows the new name.
    expect(searchStatementsByWorkspace(db, { workspaceId: ws.id, filters: { q: "\"Vladimir V\"" } }).total).toBe(4);
  });

  it("edits aliases and description; aliases are trimmed and de-duplicated", () => {
    const { db, ws, actorId } = demoDb();
    const podolyak = speakerId(db, ws.id, "Mykhailo Podolyak");
    const aliases = updateSpeakerInput.parse({ id: String(podolyak), aliases: " Podolyak \nMykhailo Podoliak\n\npodolyak\nMykhailo Podolyak", description: "Adviser" }).aliases!;
    const after = updateSpeaker(db, { workspaceId: ws.id, actorId, id: podolyak, aliases, description: "Adviser" });
    expect(after).toMatchObject({ aliases: ["Podolyak", "Mykhailo Podoliak"], description: "Adviser" });
    expect(searchStatementsByWorkspace(db, { workspaceId: ws.id, filters: { q: "Podoliak" } }).total).toBe(1);
    expect(thrown(() => updateSpeaker(db, { workspaceId: ws.id, actorId, id: podolyak, aliases: ["Putin"] }))).toMatchObject({ code: "conflict", field: "aliases" });
  });

  it("merges: statements move, the old name and aliases become aliases, timelines follow, audit is written", () => {
    const { db, ws, actorId } = demoDb();
    const putin = speakerId(db, ws.id, "Vladimir Putin");
    const dup = db.transaction((tx) => createSpeaker(tx, { workspaceId: ws.id, name: "V. Putin", aliases: ["VVP"], actorId }));
    const moved = db.select().from(statements).where(eq(statements.speakerId, putin)).all().slice(0, 2);
    for (const s of moved) db.update(statements).set({ speakerId: dup.id }).where(eq(statements.id, s.id)).run();
    db.update(timelines).set({ filter: { speakers: [dup.id, putin] } }).where(eq(timelines.workspaceId, ws.id)).run();

    const result = mergeSpeakers(db, { workspaceId: ws.id, actorId, sourceId: dup.id, targetId: putin });
    expect(result.movedStatements).toBe(2);
    expect(result.target.aliases).toEqual(["Putin", "Владимир Путин", "V. Putin", "VVP"]);
    expect(db.select().from(speakers).where(eq(speakers.id, dup.id)).get()).toBeUndefined();
    expect(db.select().from(statements).where(eq(statements.speakerId, putin)).all()).toHaveLength(4);
    expect(db.select().from(timelines).where(eq(timelines.workspaceId, ws.id)).get()!.filter).toEqual({ speakers: [putin] });
    const merge = audits(db, "merge");
    expect(merge.map((e) => e.entityId).sort()).toEqual([String(dup.id), String(putin)].sort());
    expect(merge.find((e) => e.entityId === String(putin))!.after).toMatchObject({ movedStatementIds: moved.map((s) => s.id), source: { name: "V. Putin" } });
    // The old name still finds the statements.
    expect(searchStatementsByWorkspace(db, { workspaceId: ws.id, filters: { q: "VVP" } }).total).toBe(4);
  });

  it("refuses merging into itself or across workspaces, and saves nothing", () => {
    const { db, ws, actorId } = demoDb();
    const other = seedDemoWorkspace(db, { slug: "other", name: "Other" });
    const putin = speakerId(db, ws.id, "Vladimir Putin");
    const foreign = speakerId(db, other.id, "Vladimir Putin");
    const before = snapshot(db);
    expect(mergeSpeakersInput.safeParse({ sourceId: "3", targetId: "3" }).error?.issues[0]).toMatchObject({ path: ["targetId"] });
    expect(thrown(() => mergeSpeakers(db, { workspaceId: ws.id, actorId, sourceId: putin, targetId: putin }))).toMatchObject({ code: "invalid", field: "targetId" });
    expect(thrown(() => mergeSpeakers(db, { workspaceId: ws.id, actorId, sourceId: foreign, targetId: putin }))).toMatchObject({ code: "not_found", field: "sourceId" });
    expect(thrown(() => mergeSpeakers(db, { workspaceId: ws.id, actorId, sourceId: putin, targetId: foreign }))).toMatchObject({ code: "not_found", field: "targetId" });
    expect(snapshot(db)).toEqual(before);
  });

  it("rolls the whole merge back when a step fails midway", () => {
    const { db, ws, actorId } = demoDb();
    const putin = speakerId(db, ws.id, "Vladimir Putin");
    const zelensky = speakerId(db, ws.id, "Volodymyr Zelensky");
    // Make the last step (the audit insert) fail after statements have moved and the source is gone.
    db.$client.exec("CREATE TEMP TRIGGER fail_merge_audit BEFORE INSERT ON audit_events WHEN new.action = 'merge' BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
    const before = snapshot(db);
    expect(() => mergeSpeakers(db, { workspaceId: ws.id, actorId, sourceId: zelensky, targetId: putin })).toThrow(/disk full/);
    expect(snapshot(db)).toEqual(before);
    expect(searchStatementsByWorkspace(db, { workspaceId: ws.id, filters: { speakerIds: [zelensky] } }).total).toBe(1);
  });
});

describe("topics: rename, details, merge", () => {
  it("renames, edits proposition and description, refuses a clash", () => {
    const { db, ws, actorId } = demoDb();
    const nato = topicId(db, ws.id, "Ukraine and NATO");
    expect(renameTopic(db, { workspaceId: ws.id, actorId, id: nato, name: "NATO membership" }).name).toBe("NATO membership");
    expect(updateTopic(db, { workspaceId: ws.id, actorId, id: nato, proposition: "Should Ukraine join NATO?", description: "d" })).toMatchObject({ proposition: "Should Ukraine join NATO?", description: "d" });
    expect(searchStatementsByWorkspace(db, { workspaceId: ws.id, filters: { q: "membership" } }).total).toBe(1);
    expect(thrown(() => renameTopic(db, { workspaceId: ws.id, actorId, id: nato, name: "PRECONDITIONS FOR NEGOTIATIONS" }))).toMatchObject({ code: "conflict", field: "name" });
  });

  it("merges: stances move, a statement with stances on both keeps the target's (recorded), reviews and timelines follow", () => {
    const { db, ws, actorId } = demoDb();
    const pre = topicId(db, ws.id, "Preconditions for negotiations");
    const nato = topicId(db, ws.id, "Ukraine and NATO");
    const dup = db.transaction((tx) => createTopic(tx, { workspaceId: ws.id, name: "Parleys", actorId }));
    const june = db.select().from(statements).where(eq(statements.saidOn, "2024-06-14")).all().find((s) => s.kind === "precondition")!;
    const august = db.select().from(statements).where(eq(statements.saidOn, "2024-08-12")).get()!;
    db.insert(statementTopics).values([{ statementId: june.id, topicId: dup.id, stance: "supports" }, { statementId: august.id, topicId: dup.id, stance: "neutral" }]).run();
    db.insert(flagReviews).values({ workspaceId: ws.id, flagKey: `stance_shift:${june.id}:${august.id}:${dup.id}`, decision: "confirmed", createdBy: actorId }).run();
    db.update(timelines).set({ filter: { topics: [dup.id] } }).where(eq(timelines.workspaceId, ws.id)).run();

    const result = mergeTopics(db, { workspaceId: ws.id, actorId, sourceId: dup.id, targetId: nato });
    expect(result).toMatchObject({ movedStatements: 1, keptTargetStances: 1 });
    const onNato = db.select().from(statementTopics).where(eq(statementTopics.topicId, nato)).all();
    expect(onNato.find((r) => r.statementId === june.id)!.stance).toBe("opposes");
    expect(onNato.find((r) => r.statementId === august.id)!.stance).toBe("neutral");
    expect(db.select().from(topics).where(eq(topics.id, dup.id)).get()).toBeUndefined();
    expect(db.select().from(flagReviews).all().map((r) => r.flagKey)).toEqual([`stance_shift:${june.id}:${august.id}:${nato}`]);
    expect(db.select().from(timelines).where(eq(timelines.workspaceId, ws.id)).get()!.filter).toEqual({ topics: [nato] });
    const event = audits(db, "merge").find((e) => e.entityId === String(nato))!;
    expect(event.after).toMatchObject({ conflicts: [{ statementId: june.id, kept: { stance: "opposes" }, dropped: { stance: "supports" } }] });
    expect(searchStatementsByWorkspace(db, { workspaceId: ws.id, filters: { topicIds: [nato] } }).total).toBe(2);
    expect(searchStatementsByWorkspace(db, { workspaceId: ws.id, filters: { q: "Parleys" } }).total).toBe(0);
    expect(searchStatementsByWorkspace(db, { workspaceId: ws.id, filters: { topicIds: [pre] } }).total).toBe(6);
    // The old name stays as an alias: tagging with it again finds the merged topic instead of recreating it.
    expect(db.select().from(topics).where(eq(topics.id, nato)).get()!.aliases).toEqual(["Parleys"]);
    expect(db.transaction((tx) => resolveTopic(tx, { workspaceId: ws.id, topic: "parleys", actorId })).id).toBe(nato);
    expect(db.select().from(topics).where(eq(topics.workspaceId, ws.id)).all().map((t) => t.name)).not.toContain("parleys");
  });

  it("refuses merging into itself or across workspaces, and rolls back a failed merge", () => {
    const { db, ws, actorId } = demoDb();
    const other = seedDemoWorkspace(db, { slug: "other", name: "Other" });
    const pre = topicId(db, ws.id, "Preconditions for negotiations");
    const nato = topicId(db, ws.id, "Ukraine and NATO");
    const before = snapshot(db);
    expect(thrown(() => mergeTopics(db, { workspaceId: ws.id, actorId, sourceId: pre, targetId: pre }))).toMatchObject({ code: "invalid", field: "targetId" });
    expect(thrown(() => mergeTopics(db, { workspaceId: ws.id, actorId, sourceId: topicId(db, other.id, "Ukraine and NATO"), targetId: pre }))).toMatchObject({ code: "not_found", field: "sourceId" });
    db.$client.exec("CREATE TEMP TRIGGER fail_merge_audit BEFORE INSERT ON audit_events WHEN new.action = 'merge' BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
    expect(() => mergeTopics(db, { workspaceId: ws.id, actorId, sourceId: nato, targetId: pre })).toThrow(/disk full/);
    expect(snapshot(db)).toEqual(before);
  });
});

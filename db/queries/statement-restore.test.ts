import { afterEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditEvents, links, statements, statementTopics, topics } from "../schema";
import { cleanupTestDbs, demoDb } from "./test-db";
import { deleteStatement, getStatementById } from "./statements";
import { restoreDeletedStatement } from "./statement-restore";
import { mergeTopics } from "./topics";
import type { DB } from "../index";

afterEach(cleanupTestDbs);

const byQuote = (db: DB, words: string) => db.select().from(statements).all().find((s) => s.quote.includes(words))!;
const linksOf = (db: DB, id: number) => db.select().from(links).all().filter((l) => l.fromStatementId === id || l.toStatementId === id);
const tableCounts = (db: DB) => ({
  statements: db.select().from(statements).all().length, stances: db.select().from(statementTopics).all().length,
  links: db.select().from(links).all().length, audit: db.select().from(auditEvents).all().length,
});

describe("deleting a statement can be undone", () => {
  it("audits every link that goes with it, and brings the statement back whole: same id, stances, links and search entry", () => {
    const { db, ws, actorId } = demoDb();
    const kyzyl = byQuote(db, "bandits");
    const before = getStatementById(db, { id: kyzyl.id });
    const beforeLinks = linksOf(db, kyzyl.id);
    expect(beforeLinks).toHaveLength(2);

    expect(deleteStatement(db, { workspaceId: ws.id, actorId, id: kyzyl.id })).toEqual({ linksRemoved: 2 });
    const linkDeletes = db.select().from(auditEvents).where(and(eq(auditEvents.entityType, "link"), eq(auditEvents.action, "delete"))).all();
    expect(linkDeletes.map((e) => Number(e.entityId)).sort()).toEqual(beforeLinks.map((l) => l.id).sort());
    expect(db.$client.prepare("select rowid from statement_search where statement_search match 'bandits'").all()).toHaveLength(0);

    expect(restoreDeletedStatement(db, { workspaceId: ws.id, actorId, id: kyzyl.id })).toEqual({ speakerName: "Vladimir Putin", linksRestored: 2, linksSkipped: 0 });
    expect(getStatementById(db, { id: kyzyl.id })).toEqual(before);
    expect(linksOf(db, kyzyl.id)).toEqual(beforeLinks);
    expect(db.$client.prepare("select rowid from statement_search where statement_search match 'bandits'").all()).toEqual([{ rowid: kyzyl.id }]);
    const restores = db.select().from(auditEvents).where(eq(auditEvents.action, "restore")).all();
    expect(restores.map((e) => e.entityType).sort()).toEqual(["link", "link", "statement"]);
  });

  it("refuses a second restore and an id that was never deleted, writing nothing", () => {
    const { db, ws, actorId } = demoDb();
    const kyzyl = byQuote(db, "bandits");
    deleteStatement(db, { workspaceId: ws.id, actorId, id: kyzyl.id });
    restoreDeletedStatement(db, { workspaceId: ws.id, actorId, id: kyzyl.id });
    const counts = tableCounts(db);
    expect(() => restoreDeletedStatement(db, { workspaceId: ws.id, actorId, id: kyzyl.id })).toThrow(expect.objectContaining({ code: "conflict", field: "id" }));
    expect(() => restoreDeletedStatement(db, { workspaceId: ws.id, actorId, id: 987654 })).toThrow(expect.objectContaining({ code: "not_found", field: "id" }));
    expect(tableCounts(db)).toEqual(counts);
  });

  it("leaves out a link whose other statement is gone too, and says so", () => {
    const { db, ws, actorId } = demoDb();
    const kyzyl = byQuote(db, "bandits");
    const august = byQuote(db, "What negotiations can there be");
    deleteStatement(db, { workspaceId: ws.id, actorId, id: kyzyl.id });
    deleteStatement(db, { workspaceId: ws.id, actorId, id: august.id });
    expect(restoreDeletedStatement(db, { workspaceId: ws.id, actorId, id: kyzyl.id })).toMatchObject({ linksRestored: 1, linksSkipped: 1 });
    expect(linksOf(db, kyzyl.id).map((l) => l.toStatementId)).not.toContain(august.id);
  });

  it("refuses, naming the topic, when a topic it took a stance on was merged away since", () => {
    const { db, ws, actorId } = demoDb();
    const june = byQuote(db, "Zaporizhzhia regions");
    const nato = db.select().from(topics).all().find((t) => t.name === "Ukraine and NATO")!;
    const talks = db.select().from(topics).all().find((t) => t.name === "Preconditions for negotiations")!;
    deleteStatement(db, { workspaceId: ws.id, actorId, id: june.id });
    mergeTopics(db, { workspaceId: ws.id, actorId, sourceId: nato.id, targetId: talks.id });
    const counts = tableCounts(db);
    expect(() => restoreDeletedStatement(db, { workspaceId: ws.id, actorId, id: june.id }))
      .toThrow(expect.objectContaining({ code: "conflict", message: expect.stringContaining("Ukraine and NATO") }));
    expect(tableCounts(db)).toEqual(counts);
  });
});

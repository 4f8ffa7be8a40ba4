import { afterEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditEvents, statements, statementTopics } from "../schema";
import { cleanupTestDbs, demoDb } from "./test-db";
import { createStatement, deleteStatement, updateStatement } from "./statements";
import { createWorkspace } from "./workspaces";
import { createTopic } from "./topics";
import { importArticle } from "./article-import";
import { createStatementInput, updateStatementInput } from "@/lib/validation/statement";
import { AppError } from "../errors";
import type { DB } from "../index";

afterEach(cleanupTestDbs);

function counts(db: DB) {
  return { statements: db.select().from(statements).all().length, stances: db.select().from(statementTopics).all().length, audit: db.select().from(auditEvents).all().length };
}

function setup() {
  const { db, ws, actorId } = demoDb();
  const article = importArticle(db, { workspaceId: ws.id, actorId, input: { kind: "text", text: "The senator said: we will not cut pensions. Then she left." }, meta: { title: "Pensions" } });
  return { db, ws, actorId, article };
}

describe("statements: bad input is refused with a clear message and writes nothing", () => {
  it("refuses an empty selection, an unknown speaker id, a future or malformed date", () => {
    const { db, ws, actorId, article } = setup();
    const base = { articleId: article.id, quote: "we will not cut pensions", speaker: "Senator", saidOn: "2024-01-02" };
    expect(createStatementInput.safeParse({ ...base, quote: "   " }).error?.issues[0].message).toMatch(/spans no words/);
    expect(createStatementInput.safeParse({ ...base, saidOn: "2999-01-01" }).error?.issues[0].message).toMatch(/future/);
    expect(createStatementInput.safeParse({ ...base, saidOn: "2024-13-40" }).error?.issues[0]).toMatchObject({ path: ["saidOn"] });
    const before = counts(db);
    expect(() => createStatement(db, { workspaceId: ws.id, actorId, input: createStatementInput.parse({ ...base, speaker: 987654 }) }))
      .toThrow(expect.objectContaining({ code: "not_found", field: "speaker" }));
    expect(counts(db)).toEqual(before);
  });

  it("refuses a stance on a topic of another workspace and rolls back the whole statement", () => {
    const { db, ws, actorId, article } = setup();
    const other = createWorkspace(db, { name: "Elsewhere", actorId });
    const foreign = db.transaction((tx) => createTopic(tx, { workspaceId: other.id, name: "Foreign topic", actorId }));
    const before = counts(db);
    const input = createStatementInput.parse({ articleId: article.id, quote: "we will not cut pensions", speaker: "Senator", saidOn: "2024-01-02", topics: [{ topic: "Pensions", stance: "opposes" }, { topic: foreign.id, stance: "supports" }] });
    let error: unknown;
    try { createStatement(db, { workspaceId: ws.id, actorId, input }); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).field).toBe("topics");
    // Neither the statement, nor the new speaker, nor the new topic "Pensions" were kept.
    expect(counts(db)).toEqual(before);
  });

  it("refuses a quote that is not at the given position", () => {
    const { db, ws, actorId, article } = setup();
    const input = createStatementInput.parse({ articleId: article.id, quote: "we will not cut pensions", start: 0, end: 24, speaker: "Senator", saidOn: "2024-01-02" });
    expect(() => createStatement(db, { workspaceId: ws.id, actorId, input })).toThrow(/not at that position/);
  });
});

describe("statements: the audit log records create, edit and delete with before and after", () => {
  it("keeps every change", () => {
    const { db, ws, actorId, article } = setup();
    const created = createStatement(db, { workspaceId: ws.id, actorId, input: createStatementInput.parse({ articleId: article.id, quote: "we will not cut pensions", speaker: "Senator", saidOn: "2024-01", saidOnPrecision: "month", topics: [{ topic: "Pensions", stance: "opposes" }] }) });
    expect(created.saidOn).toBe("2024-01-01");
    updateStatement(db, { workspaceId: ws.id, actorId, id: created.id, input: updateStatementInput.parse({ summary: "No pension cuts", topics: [{ topic: "Pensions", stance: "conditional", condition: "if growth holds" }] }) });
    deleteStatement(db, { workspaceId: ws.id, actorId, id: created.id });
    const events = db.select().from(auditEvents).where(eq(auditEvents.entityId, String(created.id))).all().filter((e) => e.entityType === "statement");
    expect(events.map((e) => e.action)).toEqual(["create", "update", "delete"]);
    const [create, update, del] = events as unknown as { before: Record<string, unknown> | null; after: Record<string, unknown> | null }[];
    expect(create.before).toBeNull();
    expect(create.after).toMatchObject({ quote: "we will not cut pensions", speakerName: "Senator" });
    expect(update.before).toMatchObject({ summary: "", stances: [expect.objectContaining({ stance: "opposes" })] });
    expect(update.after).toMatchObject({ summary: "No pension cuts", stances: [expect.objectContaining({ stance: "conditional", condition: "if growth holds" })] });
    expect(del.before).toMatchObject({ id: created.id, linksRemoved: 0 });
    expect(del.after).toBeNull();
  });
});

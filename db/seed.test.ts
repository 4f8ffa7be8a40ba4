import { afterEach, describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type DB } from "./index";
import { seedDemoOnce } from "./seed";
import { countWorkspaceContents, createWorkspace, getWorkspaceBySlug, listWorkspaces } from "./queries/workspaces";
import { DEMO_SLUG, demoStatements } from "./seed-data";
import { auditEvents, links, statements, topics } from "./schema";

const dirs: string[] = [];
function freshDb(): { db: DB; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimline-seed-"));
  dirs.push(dir);
  const file = path.join(dir, "test.db");
  return { db: openDatabase(file), file };
}
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe("migrations and demo seed", () => {
  it("apply to an empty file with WAL and foreign keys on", () => {
    const { db } = freshDb();
    expect(db.$client.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.$client.pragma("foreign_keys", { simple: true })).toBe(1);
    const tables = db.$client.prepare("select name from sqlite_master where type in ('table') order by name").all().map((r) => (r as { name: string }).name);
    expect(tables).toEqual(expect.arrayContaining(["workspaces", "articles", "statements", "statement_topics", "links", "flag_reviews", "timelines", "audit_events", "statement_search"]));
  });

  it("creates the demo workspace with statements, stances and links, searchable by full text", async () => {
    const { db } = freshDb();
    expect(seedDemoOnce(db)).toBe("seeded");
    const ws = getWorkspaceBySlug(db, { slug: DEMO_SLUG });
    const counts = countWorkspaceContents(db, { workspaceId: ws.id });
    expect(counts).toMatchObject({ articles: 3, statements: demoStatements.length, speakers: 3, topics: 2, links: 4 });
    const hits = db.$client.prepare("select rowid from statement_search where statement_search match ?").all("bandits");
    expect(hits).toHaveLength(1);
    const byName = db.$client.prepare("select rowid from statement_search where statement_search match ?").all("Podolyak");
    expect(byName).toHaveLength(1);
    expect(db.select().from(auditEvents).all().filter((e) => e.entityType === "statement")).toHaveLength(demoStatements.length);
    expect(db.select().from(topics).all().map((t) => t.name)).toContain("Preconditions for negotiations");
    expect(db.select().from(links).all().every((l) => l.fromStatementId !== l.toStatementId)).toBe(true);
  });

  it("runs once: a second start neither duplicates the demo nor touches user data", async () => {
    const { db, file } = freshDb();
    seedDemoOnce(db);
    createWorkspace(db, { name: "My investigation", actorId: 1 });
    const before = db.select().from(statements).all().length;
    db.$client.close();
    const again = openDatabase(file);
    expect(seedDemoOnce(again)).toBe("already-seeded");
    expect(listWorkspaces(again).map((w) => w.slug).sort()).toEqual(["my-investigation", DEMO_SLUG].sort());
    expect(again.select().from(statements).all()).toHaveLength(before);
  });
});

import { afterEach, describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { openDatabase } from "../index";
import { statements, auditEvents } from "../schema";
import { ensureLocalUser } from "./users";
import { createWorkspace } from "./workspaces";
import { importArticle } from "./article-import";
import { createStatement } from "./statements";
import { carryStatementsToSnapshot, countCarryableStatements } from "./reanchor";
import { createStatementInput } from "@/lib/validation/statement";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimline-reanchor-"));
  dirs.push(dir);
  const db = openDatabase(path.join(dir, "t.db"));
  const actorId = ensureLocalUser(db).id;
  const ws = createWorkspace(db, { name: "Re-anchoring", actorId });
  return { db, actorId, ws };
}

const V1 = [
  "The mayor opened the meeting at nine.",
  "We will build two hundred new homes by the end of next year, she said.",
  "The council's budget was not discussed.",
  "Critics said the plan lacked funding.",
].join("\n\n");
// The newer snapshot adds a paragraph, edits one quote slightly and drops another.
const V2 = [
  "Updated at noon with the council's response.",
  "The mayor opened the meeting at nine.",
  "We will build two hundred new houses by the end of next year, she said.",
  "The council's budget was not discussed.",
].join("\n\n");

describe("carrying statements to a new snapshot", () => {
  it("moves every statement, re-anchoring each as exact, moved, fuzzy or orphaned, and audits it", () => {
    const { db, actorId, ws } = setup();
    const meta = { title: "Homes pledge", url: "https://example.org/homes" };
    const v1 = importArticle(db, { workspaceId: ws.id, actorId, input: { kind: "text", text: V1 }, meta });
    const tag = (quote: string) => createStatement(db, { workspaceId: ws.id, actorId, input: createStatementInput.parse({ articleId: v1.id, quote, speaker: "Mayor", saidOn: "2024-05-01" }) });
    const opened = tag("The mayor opened the meeting at nine.");
    const pledge = tag("We will build two hundred new homes by the end of next year");
    const critics = tag("Critics said the plan lacked funding.");
    const v2 = importArticle(db, { workspaceId: ws.id, actorId, input: { kind: "text", text: V2 }, meta });
    expect(v2.previousSnapshotId).toBe(v1.id);
    expect(countCarryableStatements(db, { articleId: v2.id })).toEqual({ previousId: v1.id, count: 3 });

    const report = carryStatementsToSnapshot(db, { workspaceId: ws.id, actorId, articleId: v2.id });
    expect(report).toMatchObject({ total: 3, moved: 1, fuzzy: 1, orphaned: 1 });
    const rows = new Map(db.select().from(statements).all().map((s) => [s.id, s]));
    expect(rows.size).toBe(3);
    expect([...rows.values()].every((s) => s.articleId === v2.id)).toBe(true);
    expect(rows.get(opened.id)).toMatchObject({ anchorStatus: "moved", start: V2.indexOf("The mayor opened") });
    const fuzzy = rows.get(pledge.id)!;
    expect(fuzzy.anchorStatus).toBe("fuzzy");
    expect(V2.slice(fuzzy.start, fuzzy.end)).toContain("new houses");
    expect(fuzzy.anchorScore).toBeGreaterThan(0.5);
    expect(fuzzy.anchorScore).toBeLessThan(1);
    expect(rows.get(critics.id)).toMatchObject({ anchorStatus: "orphaned", quote: "Critics said the plan lacked funding." });
    const audits = db.select().from(auditEvents).where(eq(auditEvents.action, "update")).all();
    expect(audits.filter((a) => a.entityType === "statement")).toHaveLength(3);
    expect(countCarryableStatements(db, { articleId: v2.id })).toBeNull();
  });

  it("refuses an article without an earlier snapshot and changes nothing", () => {
    const { db, actorId, ws } = setup();
    const a = importArticle(db, { workspaceId: ws.id, actorId, input: { kind: "text", text: V1 }, meta: { title: "One" } });
    expect(() => carryStatementsToSnapshot(db, { workspaceId: ws.id, actorId, articleId: a.id })).toThrow(/no earlier snapshot/);
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditEvents, speakers, statements } from "../schema";
import { cleanupTempDbs, readBody, seedExportWorkspace, TRICKY_QUOTES } from "./export-test-data";
import { importStatementCsv, planStatementCsvImport } from "./statement-csv-import";
import { exportWorkspaceFile } from "./exports";
import { createWorkspace } from "./workspaces";
import { importArticle } from "./article-import";
import { ensureLocalUser } from "./users";
import type { DB } from "../index";

afterEach(cleanupTempDbs);

const JUNE = "https://example.org/claimline-demo/2024-06-14-putin-terms";
const count = (db: DB, workspaceId: number) => db.select().from(statements).where(eq(statements.workspaceId, workspaceId)).all().length;

describe("statement CSV import", () => {
  it("dry run plans valid rows and lists errors by line and column, writing nothing; confirm imports in one go", () => {
    const { db, ws } = seedExportWorkspace();
    const csv = [
      "speaker,date,quote,source url,topic,stance",
      `Sergei Lavrov,2024-06,"a peace conference in Switzerland",${JUNE},Peace summit,opposes`, // 2: new speaker + topic
      `Vladimir Putin,2024-06-14,"This sentence is not in the article",${JUNE},,`, // 3: quote missing
      `Vladimir Putin,2024-06-14,words,https://example.org/never-imported,,`, // 4: article missing
      `Vladimir Putin,2024-06-14,"called the conditions absurd",${JUNE},,`, // 5: ok (new speaker for this span)
      `Mykhailo Podolyak,2024-06-14,"called the conditions absurd",${JUNE},,`, // 6: duplicate of the demo statement
      `Volodymyr Zelensky,2099-01-01,"nobody should trust it",${JUNE},,`, // 7: future date
    ].join("\r\n");
    const before = count(db, ws.id);
    const audits = db.select().from(auditEvents).all().length;
    const plan = planStatementCsvImport(db, { workspaceId: ws.id, csv });
    expect(count(db, ws.id)).toBe(before);
    expect(db.select().from(auditEvents).all().length).toBe(audits);
    expect(plan.format).toBe("simple");
    expect(plan.rows).toBe(6);
    expect(plan.valid.map((r) => r.line)).toEqual([2, 5]);
    expect(plan.newSpeakers).toEqual(["Sergei Lavrov"]);
    expect(plan.newTopics).toEqual(["Peace summit"]);
    expect(plan.errors.map((e) => [e.line, e.field])).toEqual([[3, "quote"], [4, "source_url"], [6, "quote"], [7, "date"]]);
    expect(plan.errors[1].message).toMatch(/import the article first/);
    expect(plan.errors[2].message).toMatch(/Already in this workspace as statement \d+/);

    const result = importStatementCsv(db, { workspaceId: ws.id, actorId: 1, csv, sha256: plan.sha256 });
    expect(result).toMatchObject({ created: 2, skipped: 4 });
    expect(count(db, ws.id)).toBe(before + 2);
    const lavrov = db.select().from(statements).innerJoin(speakers, eq(speakers.id, statements.speakerId)).where(eq(speakers.name, "Sergei Lavrov")).get()!;
    expect(lavrov.statements).toMatchObject({ quote: "a peace conference in Switzerland", saidOn: "2024-06-01", saidOnPrecision: "month" });
    // Importing the same file again finds everything already there.
    expect(planStatementCsvImport(db, { workspaceId: ws.id, csv }).valid).toEqual([]);
  });

  it("refuses to import a file that changed since the dry run, and a file with nothing valid", () => {
    const { db, ws } = seedExportWorkspace();
    const csv = `speaker,date,quote,source url,topic,stance\r\nSergei Lavrov,2024,"a peace conference in Switzerland",${JUNE},,\r\n`;
    const plan = planStatementCsvImport(db, { workspaceId: ws.id, csv });
    const before = count(db, ws.id);
    expect(() => importStatementCsv(db, { workspaceId: ws.id, actorId: 1, csv: csv.replace("Lavrov", "Peskov"), sha256: plan.sha256 })).toThrow(/changed since the dry run/);
    const bad = "speaker,date,quote,source url,topic,stance\r\nX,2024,nothing here,https://nowhere.example,,\r\n";
    expect(() => importStatementCsv(db, { workspaceId: ws.id, actorId: 1, csv: bad, sha256: planStatementCsvImport(db, { workspaceId: ws.id, csv: bad }).sha256 })).toThrow(/No row of the file can be imported/);
    expect(count(db, ws.id)).toBe(before);
  });

  it("re-imports an exported statements.csv into another workspace with the same articles", async () => {
    const { db, ws } = seedExportWorkspace();
    const csv = (await readBody(exportWorkspaceFile(db, { slug: ws.slug, file: "statements.csv", origin: "http://x", bom: true }).body)).toString("utf8");
    const actorId = ensureLocalUser(db).id;
    const copy = createWorkspace(db, { name: "Copy", slug: "copy", actorId });
    for (const a of db.$client.prepare("select title, url, publisher, published_at as publishedAt, text from articles where workspace_id = ?").all(ws.id) as { title: string; url: string; publisher: string; publishedAt: string; text: string }[]) {
      importArticle(db, { workspaceId: copy.id, actorId, input: { kind: "text", text: a.text }, meta: a });
    }
    const plan = planStatementCsvImport(db, { workspaceId: copy.id, csv });
    expect(plan.format).toBe("statements");
    expect(plan.errors).toEqual([]);
    importStatementCsv(db, { workspaceId: copy.id, actorId, csv, sha256: plan.sha256 });
    const quotes = (id: number) => db.select({ q: statements.quote, s: statements.saidOn }).from(statements).where(eq(statements.workspaceId, id)).all().map((r) => `${r.s} ${r.q}`).sort();
    expect(quotes(copy.id)).toEqual(quotes(ws.id));
    expect(quotes(copy.id)).toEqual(expect.arrayContaining(TRICKY_QUOTES.map((q, i) => `2024-09-${10 + i} ${q}`)));
  });
});

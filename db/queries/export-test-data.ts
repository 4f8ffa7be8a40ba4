// Test-only: a throwaway database with the demo workspace plus statements
// whose text is awkward for CSV and spreadsheets.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type DB } from "../index";
import { seedDemoWorkspace } from "../seed";
import { importArticle } from "./article-import";
import { createStatement } from "./statements";
import { ensureLocalUser } from "./users";
import { listFlagsByWorkspace, reviewFlag } from "./flags";
import { createStatementInput } from "@/lib/validation/statement";

export const TRICKY_QUOTES = [
  "We will talk, but only if the troops leave, all of them, now",
  "He called it \"a \"\"historic\"\" chance\" and left",
  "First line of the answer\nsecond line of the answer",
  "Peace 🕊️ now, says the family 👨‍👩‍👧‍👦 of soldiers",
  "אמר כי השלום קרוב מתמיד",
  "=HYPERLINK(\"http://evil.example\",\"click\")",
  "-5 degrees and falling, he joked",
] as const;

const TRICKY_TEXT = TRICKY_QUOTES.map((q, i) => `Paragraph ${i + 1}: ${q}.`).join("\n\n");

const dirs: string[] = [];

export function tempDbFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimline-exports-"));
  dirs.push(dir);
  return path.join(dir, "test.db");
}

export function cleanupTempDbs() {
  dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
}

/** The demo, plus an article of tricky quotes tagged as statements, plus one confirmed flag. */
export function seedExportWorkspace(db: DB = openDatabase(tempDbFile()), slug = "export-demo", { confirmLinked = true } = {}) {
  const ws = seedDemoWorkspace(db, { slug, name: "Export demo" });
  const actorId = ensureLocalUser(db).id;
  const article = importArticle(db, {
    workspaceId: ws.id, actorId, input: { kind: "text", text: TRICKY_TEXT },
    meta: { title: "Awkward, \"quoted\" title", publisher: "=Desk", url: "https://example.org/tricky?a=1&b=2", publishedAt: "2024-09-10", language: "en" },
  });
  const ids = TRICKY_QUOTES.map((quote, i) => createStatement(db, {
    workspaceId: ws.id, actorId,
    input: createStatementInput.parse({
      articleId: article.id, quote, speaker: "Vladimir Putin", saidOn: `2024-09-${String(10 + i).padStart(2, "0")}`, saidOnPrecision: "day",
      kind: "claim", summary: i === 0 ? "+ conditional, with commas" : "", note: "private; never exported", notePrivate: i !== 1,
      topics: [{ topic: "Preconditions for negotiations", stance: i % 2 ? "supports" : "conditional", condition: i % 2 ? "" : "troops leave" }],
    }),
  }).id);
  // Confirm the demo's Flip-O-Meter flags, so exports carry reviews with their verdicts and notes.
  for (const flag of confirmLinked ? listFlagsByWorkspace(db, { workspaceId: ws.id, rule: "linked" }) : []) {
    reviewFlag(db, { workspaceId: ws.id, actorId, flagKey: flag.key, decision: "confirmed", verdict: flag.severity === "dispute" ? null : flag.severity, note: "Checked." });
  }
  return { db, ws, trickyIds: ids, articleId: article.id };
}

export async function readBody(body: ReadableStream<Uint8Array> | string): Promise<Buffer> {
  if (typeof body === "string") return Buffer.from(body, "utf8");
  return Buffer.from(await new Response(body).arrayBuffer());
}

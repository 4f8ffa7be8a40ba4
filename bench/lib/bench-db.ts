import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type DB } from "@/db";
import { seedDemoOnce } from "@/db/seed";
import { ensureLocalUser } from "@/db/queries/users";
import type { Dataset } from "./datasets";

/** The run's throwaway database: demo seeded (for Lighthouse), plus the workspaces benchmarks ask for. */
export class BenchDb {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimline-bench-"));
  readonly file = path.join(this.dir, "bench.db");
  readonly db: DB;
  private seeded = new Map<string, { workspaceId: number; articleIds: number[]; statementIds: number[] }>();

  constructor() {
    this.db = openDatabase(this.file);
    seedDemoOnce(this.db);
  }

  /** Workspace `slug` filled with `data` once; every article holds 100 statements, each a paragraph of it. */
  workspace(slug: string, make: () => Dataset, perArticle = 100) {
    const existing = this.seeded.get(slug);
    if (existing) return existing;
    const result = insertDataset(this.db, slug, make(), perArticle);
    this.seeded.set(slug, result);
    return result;
  }

  /** A workspace with one article of the given text and statements at the given spans. */
  article(slug: string, title: string, text: string, spans: { start: number; end: number; prefix: string; suffix: string }[]) {
    const key = `${slug}/${title}`;
    const existing = this.seeded.get(key);
    if (existing) return existing;
    const sqlite = this.db.$client;
    const actor = ensureLocalUser(this.db).id;
    const result = sqlite.transaction(() => {
      const ws = workspaceId(this.db, slug);
      const known = sqlite.prepare("SELECT id FROM speakers WHERE workspace_id = ? AND name = 'Vladimir Putin'").get(ws) as { id: number } | undefined;
      const speaker = known?.id ?? Number(sqlite.prepare("INSERT INTO speakers (workspace_id, name, created_by) VALUES (?, 'Vladimir Putin', ?)").run(ws, actor).lastInsertRowid);
      const articleId = Number(sqlite.prepare(`INSERT INTO articles (workspace_id, title, publisher, retrieved_at, text, text_sha256, source, created_by)
        VALUES (?, ?, 'Bench News', '2024-09-05T00:00:00Z', ?, ?, 'text', ?)`).run(ws, title, text, sha(text), actor).lastInsertRowid);
      const insert = sqlite.prepare(`INSERT INTO statements (workspace_id, article_id, speaker_id, quote, prefix, suffix, start, "end", said_on, created_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, '2024-09-05', ?)`);
      const ids = spans.map((s) => Number(insert.run(ws, articleId, speaker, text.slice(s.start, s.end), s.prefix, s.suffix, s.start, s.end, actor).lastInsertRowid));
      return { workspaceId: ws, articleIds: [articleId], statementIds: ids };
    })();
    this.seeded.set(key, result);
    return result;
  }

  close() {
    this.db.$client.close();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

const sha = (text: string) => createHash("sha256").update(text).digest("hex");

function workspaceId(db: DB, slug: string): number {
  const sqlite = db.$client;
  const found = sqlite.prepare("SELECT id FROM workspaces WHERE slug = ?").get(slug) as { id: number } | undefined;
  if (found) return found.id;
  return Number(sqlite.prepare("INSERT INTO workspaces (slug, name, created_by) VALUES (?, ?, ?)").run(slug, `Bench: ${slug}`, ensureLocalUser(db).id).lastInsertRowid);
}

/** Writes a dataset in one transaction with prepared statements (the FTS triggers keep search in step). */
function insertDataset(db: DB, slug: string, data: Dataset, perArticle: number) {
  const sqlite = db.$client;
  const actor = ensureLocalUser(db).id;
  return sqlite.transaction(() => {
    const ws = workspaceId(db, slug);
    const speakerIds = data.speakers.map((name) => Number(sqlite.prepare("INSERT INTO speakers (workspace_id, name, created_by) VALUES (?, ?, ?)").run(ws, name, actor).lastInsertRowid));
    const topicIds = data.topics.map((name, i) => Number(sqlite.prepare("INSERT INTO topics (workspace_id, name, proposition, color, created_by) VALUES (?, ?, ?, ?, ?)")
      .run(ws, name, `Should there be ${name.toLowerCase()}?`, i % 8, actor).lastInsertRowid));
    const addArticle = sqlite.prepare(`INSERT INTO articles (workspace_id, title, publisher, url, published_at, retrieved_at, text, text_sha256, source, created_by)
      VALUES (?, ?, 'Bench News', ?, ?, '2025-01-01T00:00:00Z', ?, ?, 'text', ?)`);
    const addStatement = sqlite.prepare(`INSERT INTO statements (workspace_id, article_id, speaker_id, quote, prefix, suffix, start, "end", said_on, kind, summary, created_by)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const addStance = sqlite.prepare("INSERT INTO statement_topics (statement_id, topic_id, stance, condition) VALUES (?, ?, ?, ?)");
    const articleIds: number[] = [];
    const statementIds: number[] = [];
    for (let a = 0; a * perArticle < data.statements.length; a++) {
      const chunk = data.statements.slice(a * perArticle, (a + 1) * perArticle);
      const text = chunk.map((s) => s.quote).join("\n\n");
      const articleId = Number(addArticle.run(ws, `Bench article ${a + 1}`, `https://news.example/bench/${a + 1}`, chunk[0].saidOn, text, sha(text), actor).lastInsertRowid);
      articleIds.push(articleId);
      let offset = 0;
      for (const s of chunk) {
        const id = Number(addStatement.run(ws, articleId, speakerIds[s.speaker], s.quote, "", "", offset, offset + s.quote.length, s.saidOn, s.kind, s.summary, actor).lastInsertRowid);
        statementIds.push(id);
        for (const st of s.stances) addStance.run(id, topicIds[st.topic], st.stance, st.condition);
        offset += s.quote.length + 2;
      }
    }
    const addLink = sqlite.prepare("INSERT INTO links (workspace_id, from_statement_id, to_statement_id, relation, verdict, created_by) VALUES (?, ?, ?, ?, ?, ?)");
    for (const l of data.links) addLink.run(ws, statementIds[l.from - 1], statementIds[l.to - 1], l.relation, l.verdict, actor);
    return { workspaceId: ws, articleIds, statementIds };
  })();
}

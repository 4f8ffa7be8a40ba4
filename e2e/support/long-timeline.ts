import { createHash } from "node:crypto";
import type { DB } from "@/db";
import { ensureLocalUser } from "@/db/queries/users";

export interface LongTimeline {
  statementIds: number[];
  /** Said-on date of statement i (0-based), for checking what a row shows. */
  saidOn: (i: number) => string;
}

/**
 * `count` statements by two speakers, one a day from 2023-01-01, each quoting
 * "[row n]", written straight into the workspace in one transaction (a long
 * timeline through the UI would take minutes). `links` are [later, earlier]
 * pairs of 0-based positions joined by "contradicts", so each one is a flag.
 */
export function seedLongTimeline(db: DB, workspaceId: number, count: number, links: [number, number][]): LongTimeline {
  const sqlite = db.$client;
  const actor = ensureLocalUser(db).id;
  const day = (i: number) => new Date(Date.UTC(2023, 0, 1 + i)).toISOString().slice(0, 10);
  const quote = (i: number) => `[row ${i + 1}] We said this on day ${i + 1}.`;
  return sqlite.transaction(() => {
    const speaker = sqlite.prepare("INSERT INTO speakers (workspace_id, name, created_by) VALUES (?, ?, ?)");
    const speakers = ["Vladimir Putin", "Volodymyr Zelensky"].map((name) => Number(speaker.run(workspaceId, name, actor).lastInsertRowid));
    const text = Array.from({ length: count }, (_, i) => quote(i)).join("\n\n");
    const articleId = Number(sqlite.prepare(`INSERT INTO articles (workspace_id, title, publisher, retrieved_at, text, text_sha256, source, created_by)
      VALUES (?, 'A long record', 'Test News', '2025-01-01T00:00:00Z', ?, ?, 'text', ?)`).run(workspaceId, text, createHash("sha256").update(text).digest("hex"), actor).lastInsertRowid);
    const add = sqlite.prepare(`INSERT INTO statements (workspace_id, article_id, speaker_id, quote, prefix, suffix, start, "end", said_on, created_by)
      VALUES (?, ?, ?, ?, '', '', ?, ?, ?, ?)`);
    const statementIds: number[] = [];
    let offset = 0;
    for (let i = 0; i < count; i++) {
      statementIds.push(Number(add.run(workspaceId, articleId, speakers[i % 2], quote(i), offset, offset + quote(i).length, day(i), actor).lastInsertRowid));
      offset += quote(i).length + 2;
    }
    const link = sqlite.prepare("INSERT INTO links (workspace_id, from_statement_id, to_statement_id, relation, created_by) VALUES (?, ?, ?, 'contradicts', ?)");
    for (const [from, to] of links) link.run(workspaceId, statementIds[from], statementIds[to], actor);
    return { statementIds, saidOn: day };
  })();
}

import { afterEach, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import type { Readable } from "node:stream";
import type { DB } from "../index";
import { cleanupTempDbs, readBody, seedExportWorkspace } from "./export-test-data";
import { iterateExportLinks, iterateExportStatements, loadExportStatements, streamLinksCsv, streamStatementsCsv } from "./exports";
import { createCsvStream } from "@/lib/export/csv";
import { STATEMENT_COLUMNS } from "@/lib/export/csv-columns";

// The paged readers behind statements.csv and links.csv: keyset pages of raw
// rows from one read snapshot, written a page at a time.

afterEach(cleanupTempDbs);

const ORIGIN = "https://claimline.example";

async function collect(readable: Readable): Promise<Buffer> {
  return Buffer.concat((await readable.toArray()).map((chunk) => Buffer.from(chunk)));
}

/** Reads one chunk (one page), then hands back what is left to read. */
async function startReading(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const chunks = [Buffer.from((await reader.read()).value!)];
  return {
    cancel: () => reader.cancel(),
    async rest() {
      for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(Buffer.from(r.value));
      return Buffer.concat(chunks);
    },
  };
}

/** Frames in the WAL and how many a checkpoint could copy back: fewer while a reader holds an older snapshot. */
function checkpoint(db: DB) {
  const [{ log, checkpointed }] = db.$client.pragma("wal_checkpoint(PASSIVE)") as { log: number; checkpointed: number }[];
  return { log, checkpointed };
}

describe("statements.csv and links.csv in pages", () => {
  it("are the same files at any page size, with the same statement rows as loading them by id", async () => {
    const { db, ws } = seedExportWorkspace();
    const scope = { workspaceId: ws.id, origin: ORIGIN };
    const ids = [...iterateExportStatements(db, scope)].map((s) => s.id);
    const expected = await collect(createCsvStream(STATEMENT_COLUMNS, loadExportStatements(db, { ...scope, ids })));
    const links = await readBody(streamLinksCsv(db, scope));
    expect(parse(links, { columns: true })).toHaveLength(4);
    for (const pageSize of [1, 2, 5, 1000]) {
      expect((await readBody(streamStatementsCsv(db, { ...scope, pageSize, chunkBytes: 1 }))).equals(expected)).toBe(true);
      expect((await readBody(streamLinksCsv(db, { ...scope, pageSize, chunkBytes: 1 }))).equals(links)).toBe(true);
    }
  });

  it("keep to their workspace when its ids interleave with another's", async () => {
    const { db, ws } = seedExportWorkspace();
    const other = seedExportWorkspace(db, "other-desk");
    const [late] = db.$client.prepare(`INSERT INTO statements (workspace_id, article_id, speaker_id, quote, start, "end", said_on, created_by)
      SELECT workspace_id, article_id, speaker_id, 'Added after the other desk', start, "end", said_on, created_by FROM statements WHERE workspace_id = ? LIMIT 1 RETURNING id`).pluck().all(ws.id) as number[];
    const rows: Record<string, string>[] = parse(await readBody(streamStatementsCsv(db, { workspaceId: ws.id, origin: ORIGIN, pageSize: 2 })), { columns: true });
    expect(new Set(rows.map((r) => r.workspace))).toEqual(new Set(["export-demo"]));
    expect(rows.at(-1)).toMatchObject({ id: String(late), quote: "Added after the other desk" });
    const otherIds = [...iterateExportStatements(db, { workspaceId: other.ws.id, origin: ORIGIN })].map((s) => s.id);
    expect(rows.map((r) => Number(r.id)).filter((id) => otherIds.includes(id))).toEqual([]);
    expect([...iterateExportLinks(db, { workspaceId: ws.id, origin: ORIGIN, pageSize: 1 })]).toHaveLength(4);
  });

  it("come from one snapshot: what is written while they stream is not in them", async () => {
    const { db, ws } = seedExportWorkspace();
    const scope = { workspaceId: ws.id, origin: ORIGIN, pageSize: 2, chunkBytes: 1 };
    const before = await readBody(streamStatementsCsv(db, scope));
    const linksBefore = await readBody(streamLinksCsv(db, scope));
    const ids = [...iterateExportStatements(db, scope)].map((s) => s.id);
    const statements = await startReading(streamStatementsCsv(db, scope));
    const links = await startReading(streamLinksCsv(db, { ...scope, pageSize: 1 }));

    // Edit a statement not read yet, delete one (and, by cascade, its links) and add one.
    db.$client.prepare("UPDATE statements SET quote = 'Edited mid-export' WHERE id = ?").run(ids.at(-1));
    db.$client.prepare("DELETE FROM statements WHERE id = ?").run(ids.find((id) => id > ids[1] && db.$client.prepare("SELECT 1 FROM links WHERE to_statement_id = ? OR from_statement_id = ?").get(id, id)));
    db.$client.prepare(`INSERT INTO statements (workspace_id, article_id, speaker_id, quote, start, "end", said_on, created_by)
      SELECT workspace_id, article_id, speaker_id, 'Added mid-export', start, "end", said_on, created_by FROM statements WHERE id = ?`).run(ids[0]);

    expect((await statements.rest()).equals(before)).toBe(true);
    expect((await links.rest()).equals(linksBefore)).toBe(true);
    const after = (await readBody(streamStatementsCsv(db, scope))).toString("utf8");
    expect(after).toContain("Added mid-export");
    expect(after).toContain("Edited mid-export");
    expect((await readBody(streamLinksCsv(db, scope))).length).toBeLessThan(linksBefore.length);
  });

  it("hold their snapshot only while they are read", async () => {
    const { db, ws } = seedExportWorkspace();
    const scope = { workspaceId: ws.id, origin: ORIGIN, pageSize: 2, chunkBytes: 1 };
    const write = (quote: string) => db.$client.prepare("UPDATE statements SET quote = ? WHERE workspace_id = ?").run(quote, ws.id);
    const released = () => {
      const { log, checkpointed } = checkpoint(db);
      return log === checkpointed;
    };

    const unread = streamStatementsCsv(db, scope);
    write("a");
    expect(released()).toBe(true);

    const reading = await startReading(streamStatementsCsv(db, scope));
    write("b");
    expect(released()).toBe(false);
    await reading.rest();
    expect(released()).toBe(true);

    const cancelled = await startReading(streamStatementsCsv(db, scope));
    write("c");
    expect(released()).toBe(false);
    await cancelled.cancel();
    expect(released()).toBe(true);
    await unread.cancel();
  });
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { client, type ApiResponse } from "../support/http";
import { startServer, type TestServer } from "../support/server";
import { consistencyReport, CONSISTENT } from "./support/db-check";
import { findAcknowledged, merge, runWriter, workloadWorkspace, type Api } from "./support/workload";

// Two server processes on one database file, as a deployment with two
// workers runs: both start together on a fresh file (both migrate), then
// clients write through both at once while readers page through both.
// No SQLITE_BUSY may reach a client (it would be a 5xx), no read may see a
// statement without its stances, and both servers end up answering the same.

const STRESS = process.env.STRESS === "1";
const WRITERS = STRESS ? 12 : 6;
const PER_WRITER = STRESS ? 300 : 25;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimline-two-"));
const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function listAll(api: Api, slug: string) {
  const items: { id: number; quote: string; stances: unknown[] }[] = [];
  for (let cursor: string | null = null; ;) {
    const page: ApiResponse = await api("GET", `/api/v1/workspaces/${slug}/statements?limit=200${cursor ? `&cursor=${cursor}` : ""}`);
    if (page.status !== 200) throw new Error(`list: ${page.status} ${page.text.slice(0, 300)}`);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
    if (!cursor) return items;
  }
}

it("takes concurrent writes through two processes without a busy error reaching a client", async () => {
  const databasePath = path.join(dir, "shared.db");
  servers.push(...await Promise.all([startServer({ databasePath }), startServer({ databasePath })]));
  const apis = servers.map((s) => client(s.url));
  const target = await workloadWorkspace(apis[0], "Two workers");

  let done = false;
  const readProblems: string[] = [];
  let reads = 0;
  const reader = (async () => {
    for (let i = 0; !done; i++) {
      const items = await listAll(apis[i % 2], target.slug);
      reads++;
      for (const s of items) if (s.stances.length !== 2) readProblems.push(`statement ${s.id} read with ${s.stances.length} stances`);
    }
  })();
  // Each writer stops after its share; writers alternate the two servers request by request.
  const counters = Array.from({ length: WRITERS }, () => 0);
  const results = merge(await Promise.all(counters.map((_, w) => runWriter([apis[w % 2], apis[(w + 1) % 2]], target, w, WRITERS, () => counters[w] >= PER_WRITER, () => { counters[w]++; }))));
  done = true;
  await reader;

  const acknowledged = results.statements.length + results.links.length;
  console.log(`[two-processes] writers=${WRITERS} acknowledged=${acknowledged} failures=${JSON.stringify(results.failures)} reads=${reads}`);
  expect(results.failureSamples).toEqual([]);
  expect(results.failures).toEqual({});
  expect(results.unanswered).toBe(0);
  expect(readProblems).toEqual([]);
  expect(reads).toBeGreaterThan(0);

  // Every acknowledged write is visible, whole, through either process, and both list the same.
  for (const api of apis) {
    const { found, missing } = await findAcknowledged(api, target.slug, results);
    expect(missing).toEqual([]);
    expect(found).toBe(acknowledged);
  }
  const [a, b] = await Promise.all(apis.map((api) => listAll(api, target.slug)));
  expect(a).toEqual(b);
  expect(a).toHaveLength(results.statements.length);
  expect(consistencyReport(databasePath)).toEqual(CONSISTENT);
  for (const s of servers) expect(s.output()).not.toMatch(/SQLITE_BUSY|database is locked|already exists/);
}, 600_000); // includes building the app once if no other test file has

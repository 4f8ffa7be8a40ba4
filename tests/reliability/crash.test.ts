import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { client } from "../support/http";
import { startServer, type TestServer } from "../support/server";
import { consistencyReport, CONSISTENT } from "./support/db-check";
import { findAcknowledged, merge, runWriter, workloadWorkspace } from "./support/workload";

// Crash safety: several clients write statements and links through the HTTP
// API; the server is SIGKILLed once enough writes were acknowledged (no
// clean shutdown, requests in flight). After a restart every acknowledged
// write must be there whole, nothing half-applied, and the file intact.
// A commit in WAL mode with synchronous=NORMAL survives a process crash (it
// is in the WAL before the answer is sent); only power loss may lose the
// last transactions, which a process kill does not simulate.

const STRESS = process.env.STRESS === "1";
const WRITERS = STRESS ? 16 : 6;
const KILL_AFTER_ACKS = STRESS ? 3000 : 240;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimline-crash-"));
const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

it("keeps every acknowledged write whole after SIGKILL mid-write", async () => {
  const databasePath = path.join(dir, "crash.db");
  const first = await startServer({ databasePath });
  servers.push(first);
  const api = client(first.url);
  const target = await workloadWorkspace(api, "Crash test");

  let acks = 0;
  let killed = false;
  let killing: Promise<void> | null = null;
  const onAck = () => {
    acks++;
    if (acks >= KILL_AFTER_ACKS && !killing) {
      // Mid-way: the other writers still have requests in flight.
      killing = first.kill("SIGKILL").then(() => { killed = true; });
    }
  };
  const results = merge(await Promise.all(Array.from({ length: WRITERS }, (_, w) => runWriter([api], target, w, WRITERS, () => killed, onAck))));
  await killing;
  expect(first.alive()).toBe(false);
  expect(results.failures).toEqual({});

  const second = await startServer({ databasePath });
  servers.push(second);
  const acknowledged = results.statements.length + results.links.length;
  const { found, missing } = await findAcknowledged(client(second.url), target.slug, results);
  const report = consistencyReport(databasePath);
  console.log(`[crash] writers=${WRITERS} acknowledged=${acknowledged} (statements ${results.statements.length}, links ${results.links.length}) found=${found} unanswered-at-kill=${results.unanswered}`);

  expect(missing).toEqual([]);
  expect(found).toBe(acknowledged);
  expect(acknowledged).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
  expect(report).toEqual(CONSISTENT);
}, 600_000); // includes building the app once if no other test file has

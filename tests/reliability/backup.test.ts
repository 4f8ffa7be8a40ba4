import Database from "better-sqlite3";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { client } from "../support/http";
import { startServer, type TestServer } from "../support/server";
import { consistencyReport, CONSISTENT } from "./support/db-check";
import { merge, runWriter, workloadWorkspace } from "./support/workload";

// `npm run db:backup` while a server takes writes, then `npm run db:restore`:
// the backup is a consistent snapshot (everything acknowledged before it
// began, nothing half-applied, integrity ok), restore refuses while a server
// has the database open and brings the snapshot back whole.

const root = path.resolve(__dirname, "../..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimline-backup-"));
const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs an npm script without blocking this process (its writers keep writing meanwhile). */
function npmRun(script: string, args: string[], databasePath: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "--silent", script, "--", ...args], { cwd: root, env: { ...process.env, DATABASE_PATH: databasePath } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => { stdout += c; });
    child.stderr.on("data", (c) => { stderr += c; });
    child.on("close", (status) => resolve({ status, stdout, stderr: stderr.replace(/^npm warn .*\n/gm, "") }));
  });
}

const statementIds = (file: string) => {
  const db = new Database(file, { readonly: true });
  try { return new Set((db.prepare("SELECT id FROM statements").all() as { id: number }[]).map((r) => r.id)); } finally { db.close(); }
};

it("backs up a live database during writes and restores a consistent snapshot", async () => {
  const live = path.join(dir, "live.db");
  const server = await startServer({ databasePath: live });
  servers.push(server);
  const api = client(server.url);
  const target = await workloadWorkspace(api, "Backup test");

  let stop = false;
  const ackedStatements: number[] = [];
  let acked = 0;
  const writers = Promise.all(Array.from({ length: 4 }, (_, w) => runWriter([api], target, w, 4, () => stop, (kind, id) => {
    acked++;
    if (kind === "statement") ackedStatements.push(id);
  })));
  while (acked < 40) await new Promise((r) => setTimeout(r, 20));
  const ackedBefore = acked;
  const statementsBefore = [...ackedStatements];
  const backupFile = path.join(dir, "snap.db");
  const backup = await npmRun("db:backup", [backupFile], live);
  const ackedAfter = acked;
  // More writes after the snapshot, so that restoring it visibly goes back in time.
  while (acked < ackedAfter + 20) await new Promise((r) => setTimeout(r, 20));
  stop = true;
  const results = merge(await writers);
  expect(backup.stderr).toBe("");
  expect(backup.status).toBe(0);
  expect(backup.stdout).toMatch(/Backed up .* integrity ok/);
  expect(ackedAfter).toBeGreaterThan(ackedBefore); // writes really ran during the backup

  // A consistent snapshot: whole writes only, and every statement acknowledged before the backup began.
  expect(consistencyReport(backupFile)).toEqual(CONSISTENT);
  const inBackup = statementIds(backupFile);
  expect(statementsBefore.filter((id) => !inBackup.has(id))).toEqual([]);
  expect(inBackup.size).toBeLessThan(results.statements.length);
  console.log(`[backup] writes acknowledged before/after the backup ran: ${ackedBefore}/${ackedAfter}; statements in the backup: ${inBackup.size} of ${results.statements.length} acknowledged in all`);

  // Restore refuses while a server uses the target, and refuses a damaged backup.
  const refused = await npmRun("db:restore", [backupFile], live);
  expect(refused.status).toBe(1);
  expect(refused.stderr).toMatch(/Stop the Claimline server first/);
  const damaged = path.join(dir, "damaged.db");
  fs.writeFileSync(damaged, Buffer.concat([fs.readFileSync(backupFile).subarray(0, 8192), Buffer.alloc(8192, 0xab)]));
  const bad = await npmRun("db:restore", [damaged], live);
  expect(bad.status).toBe(1);
  expect(bad.stderr).toMatch(/Not restoring/);

  await server.stop();
  const liveIds = statementIds(live);
  expect(liveIds.size).toBeGreaterThan(inBackup.size);
  const restored = await npmRun("db:restore", [backupFile], live);
  expect(restored.stderr).toBe("");
  expect(restored.status).toBe(0);
  // No stale WAL from the replaced database (a fresh, empty one may exist).
  expect(fs.existsSync(`${live}-wal`) ? fs.statSync(`${live}-wal`).size : 0).toBe(0);
  expect(consistencyReport(live)).toEqual(CONSISTENT);
  expect([...statementIds(live)].sort()).toEqual([...inBackup].sort());
  // The replaced database was kept aside, whole.
  const kept = /kept as (.+\.db)\./.exec(restored.stdout)?.[1];
  expect(kept && statementIds(kept).size).toBe(liveIds.size);

  // And a server starts on the restored file and answers from it.
  const again = await startServer({ databasePath: live });
  servers.push(again);
  const list = await client(again.url)("GET", `/api/v1/workspaces/${target.slug}`);
  expect(list.status).toBe(200);
}, 600_000); // includes building the app once if no other test file has

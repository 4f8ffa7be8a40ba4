import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type DB } from "../index";
import { seedDemoWorkspace } from "../seed";
import { ensureLocalUser } from "./users";
import type { Workspace } from "../schema";

/** A throwaway SQLite file per test, removed by `cleanup`. */
export function throwawayDb(): { db: DB; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimline-q-"));
  const db = openDatabase(path.join(dir, "test.db"));
  return { db, cleanup: () => { db.$client.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
}

/** A throwaway file holding the demo workspace; call `cleanupTestDbs` in afterEach. */
const cleanups: (() => void)[] = [];
export function demoDb(): { db: DB; ws: Workspace; actorId: number } {
  const { db, cleanup } = throwawayDb();
  cleanups.push(cleanup);
  const ws = seedDemoWorkspace(db);
  return { db, ws, actorId: ensureLocalUser(db).id };
}
export function cleanupTestDbs() {
  cleanups.splice(0).forEach((c) => c());
}

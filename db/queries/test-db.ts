import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type DB } from "../index";
import { seedDemoWorkspace } from "../seed";
import { ensureLocalUser } from "./users";
import type { Workspace } from "../schema";

/** Test helper: a throwaway SQLite file with the demo workspace; call `cleanup` in afterEach. */
const dirs: string[] = [];
export function demoDb(): { db: DB; ws: Workspace; actorId: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimline-q-"));
  dirs.push(dir);
  const db = openDatabase(path.join(dir, "test.db"));
  const ws = seedDemoWorkspace(db);
  return { db, ws, actorId: ensureLocalUser(db).id };
}
export function cleanupTestDbs() {
  dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
}

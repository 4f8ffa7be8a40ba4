import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type DB } from "../index";

/** A throwaway SQLite file per test, removed by `cleanup`. */
export function throwawayDb(): { db: DB; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimline-q-"));
  const db = openDatabase(path.join(dir, "test.db"));
  return { db, cleanup: () => { db.$client.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
}

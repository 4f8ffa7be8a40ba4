import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, expect, it } from "vitest";
import { openDatabase } from "./index";
import { ensureLocalUser } from "./queries/users";

// Two processes share the file (two workers, a script, a backup). A deferred
// transaction that reads first and writes later cannot upgrade its lock once
// another connection has committed in between: SQLite answers SQLITE_BUSY at
// once, without waiting for busy_timeout. Write transactions therefore take
// the write lock when they begin (BEGIN IMMEDIATE), where the timeout works.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimline-tx-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it("begins transactions IMMEDIATE, so a read-then-write transaction never fails on another connection's commit", () => {
  const file = path.join(dir, "tx.db");
  const db = openDatabase(file);
  db.run(sql`CREATE TABLE t (x INTEGER)`);
  const other = new Database(file);
  other.pragma("busy_timeout = 0"); // same thread: waiting would only wait for ourselves
  let otherWrite: string = "not tried";
  db.transaction((tx) => {
    tx.all(sql`SELECT count(*) FROM t`);
    try {
      other.prepare("INSERT INTO t VALUES (1)").run();
      otherWrite = "committed";
    } catch (error) {
      otherWrite = (error as { code: string }).code;
    }
    tx.run(sql`INSERT INTO t VALUES (2)`); // with BEGIN DEFERRED: SQLITE_BUSY_SNAPSHOT here
  });
  // The other connection had to wait for our lock instead of slipping in between.
  expect(otherWrite).toBe("SQLITE_BUSY");
  expect(db.all(sql`SELECT x FROM t`)).toEqual([{ x: 2 }]);
  other.close();
  db.$client.close();
});

it("creates the local user once even when two connections race to it", () => {
  const file = path.join(dir, "user.db");
  const a = openDatabase(file);
  const b = openDatabase(file, { migrations: false });
  // b inserts between a's lookup and a's insert: a must take b's row, not fail on the primary key.
  const realGet = a.$client.prepare.bind(a.$client);
  let raced = false;
  a.$client.prepare = ((source: string) => {
    const stmt = realGet(source);
    if (!raced && /^insert into "users"/i.test(source)) {
      raced = true;
      ensureLocalUser(b);
    }
    return stmt;
  }) as typeof a.$client.prepare;
  expect(ensureLocalUser(a).id).toBe(1);
  expect(raced).toBe(true);
  expect(b.$client.prepare("SELECT count(*) AS n FROM users").get()).toEqual({ n: 1 });
  a.$client.close();
  b.$client.close();
});

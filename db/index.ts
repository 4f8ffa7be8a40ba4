import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import fs from "node:fs";
import path from "node:path";
import * as schema from "./schema";

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_PATH = "data/claimline.db";
const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/** A configuration problem the person starting Claimline can fix; printed as one line. */
export class DatabaseConfigError extends Error {}

/**
 * Opens (creating if needed) a Claimline database file, sets the pragmas every
 * connection needs and applies pending migrations. Tests call this with a
 * throwaway path; the app goes through `getDb()`.
 */
export function openDatabase(file: string, { migrations = true } = {}): DB {
  const resolved = path.resolve(file);
  let sqlite: Database.Database;
  try {
    makeParentDirectories(resolved);
    sqlite = new Database(resolved);
    sqlite.pragma("journal_mode = WAL");
  } catch (error) {
    throw new DatabaseConfigError(`Cannot open the database at ${resolved} (${(error as Error).message}). Set DATABASE_PATH to a writable file.`);
  }
  sqlite.pragma("foreign_keys = ON");
  // Several processes (two workers, a backup, a script) may share the file:
  // wait for a lock instead of failing with SQLITE_BUSY.
  sqlite.pragma("busy_timeout = 10000");
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzle(sqlite, { schema }) as DB;
  // Every write transaction takes the write lock up front (BEGIN IMMEDIATE).
  // A deferred transaction that reads first and then writes cannot wait for
  // another process's lock (SQLite answers SQLITE_BUSY at once to avoid a
  // deadlock), so two servers or a script beside the server would see
  // "database is locked". Immediate transactions wait on busy_timeout instead.
  const deferred = db.transaction.bind(db);
  db.transaction = ((fn, config) => deferred(fn, { behavior: "immediate", ...config })) as DB["transaction"];
  if (migrations) migrateDatabase(db);
  return db;
}

/**
 * Creates the folders above the database file one level at a time.
 * `mkdirSync({ recursive: true })` can spin forever on pseudo file systems such
 * as /proc; creating each missing level plainly fails fast with a clear error.
 */
function makeParentDirectories(file: string) {
  const missing: string[] = [];
  for (let dir = path.dirname(file); !fs.existsSync(dir); dir = path.dirname(dir)) {
    missing.unshift(dir);
    if (dir === path.dirname(dir)) break;
  }
  for (const dir of missing) fs.mkdirSync(dir);
}

export function migrateDatabase(db: DB) {
  try {
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  } catch {
    // Two processes starting together both read "nothing applied" before
    // either begins; the second then waits (busy_timeout) and fails on the
    // tables the first created. Reading again finds them applied.
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  }
}

export function databasePath(): string {
  return process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH;
}

const globalForDb = globalThis as unknown as { claimlineDb?: DB; claimlineDbPath?: string };

/** The process-wide connection, opened once (and kept across hot reloads in development). */
export function getDb(): DB {
  const file = databasePath();
  if (!globalForDb.claimlineDb || globalForDb.claimlineDbPath !== file) {
    globalForDb.claimlineDb = openDatabase(file);
    globalForDb.claimlineDbPath = file;
  }
  return globalForDb.claimlineDb;
}

import Database from "better-sqlite3";
import type { DB } from "../index";

/** A read transaction for one export, and how to end it. */
export interface ReadSnapshot {
  sqlite: Database.Database;
  close(): void;
}

/**
 * Every page of an export read from one state of the database, however slowly
 * the client reads and whatever is written meanwhile. It needs a connection
 * of its own: requests share the app's connection, so a transaction left open
 * on it across a download would swallow other requests' writes (and make
 * their own transactions fail). WAL mode lets this reader keep its snapshot
 * while writers go on; the cost is that the WAL cannot be checkpointed past it
 * until the export ends, so the connection is closed as soon as it does.
 */
export function openReadSnapshot(db: DB): ReadSnapshot {
  // openDatabase always opens a file (never ":memory:"), so it can be opened twice.
  const sqlite = new Database(db.$client.name, { readonly: true, fileMustExist: true });
  try {
    sqlite.pragma("busy_timeout = 10000");
    // Deferred: the snapshot is taken by the first page's read.
    sqlite.exec("BEGIN");
  } catch (error) {
    sqlite.close();
    throw error;
  }
  // Closing ends the read transaction; there is nothing to commit.
  return { sqlite, close: () => sqlite.close() };
}

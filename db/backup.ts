import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";

// Backups of a live Claimline database and their safe restore. The backup
// uses SQLite's online backup API, so it is a consistent snapshot even while
// a server writes (WAL content included); restore checks the copy before it
// touches anything and swaps files so that a crash mid-way never leaves a
// half-written database under the real name.

export class BackupError extends Error {}

/** `claimline-2026-11-25T06-30-00Z.db` in data/backups next to the database (no colons: Windows). */
export function defaultBackupPath(databaseFile: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/\.\d+Z$/, "Z").replace(/:/g, "-");
  return path.join(path.dirname(path.resolve(databaseFile)), "backups", `claimline-${stamp}.db`);
}

/** integrity_check plus the tables only a Claimline database has. */
export function checkDatabaseFile(file: string): { ok: true; statements: number } | { ok: false; problem: string } {
  if (!fs.existsSync(file)) return { ok: false, problem: `${file} does not exist.` };
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = (db.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check).join("; ");
    if (integrity !== "ok") return { ok: false, problem: `integrity_check says: ${integrity.slice(0, 500)}` };
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
    for (const t of ["__drizzle_migrations", "workspaces", "statements", "links"]) if (!tables.has(t)) return { ok: false, problem: `it is not a Claimline database (no ${t} table).` };
    return { ok: true, statements: (db.prepare("SELECT count(*) AS n FROM statements").get() as { n: number }).n };
  } catch (error) {
    return { ok: false, problem: `SQLite cannot read it (${(error as Error).message}).` };
  } finally {
    db?.close();
  }
}

/** Copies the live database to `dest` (via a temporary name, renamed once complete and checked). */
export async function backupDatabase(source: string, dest: string): Promise<{ path: string; statements: number }> {
  if (!fs.existsSync(source)) throw new BackupError(`There is no database at ${source}.`);
  fs.mkdirSync(path.dirname(path.resolve(dest)), { recursive: true });
  const partial = `${dest}.partial-${process.pid}`;
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma("busy_timeout = 10000");
    // Copy everything in one step: a step-wise copy restarts whenever another process writes, and could chase a busy server forever.
    await db.backup(partial, { progress: ({ remainingPages }) => Math.max(remainingPages, 100) });
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw new BackupError(`The backup failed: ${(error as Error).message}`);
  } finally {
    db.close();
  }
  const check = checkDatabaseFile(partial);
  if (!check.ok) {
    fs.rmSync(partial, { force: true });
    throw new BackupError(`The copy did not check out: ${check.problem}`);
  }
  fs.renameSync(partial, dest);
  return { path: dest, statements: check.statements };
}

/** Processes other than this one with the database (or its WAL) open; Linux only, [] elsewhere. */
export function processesUsing(file: string): number[] {
  if (!fs.existsSync("/proc")) return [];
  const targets = new Set([file, `${file}-wal`, `${file}-shm`].map((f) => path.resolve(f)));
  const out: number[] = [];
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d) && Number(d) !== process.pid)) {
    try {
      for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
        if (targets.has(fs.readlinkSync(`/proc/${pid}/fd/${fd}`))) { out.push(Number(pid)); break; }
      }
    } catch { /* gone, or not ours to look at */ }
  }
  return out;
}

/**
 * Replaces `target` with the backup. Refuses a backup that does not check
 * out and a database another process has open (a running server would keep
 * writing to the old file). Keeps the current database as
 * `<target>.before-restore-<stamp>.db` first.
 */
export async function restoreDatabase(backup: string, target: string, { force = false } = {}): Promise<{ statements: number; previous: string | null }> {
  const check = checkDatabaseFile(backup);
  if (!check.ok) throw new BackupError(`Not restoring ${backup}: ${check.problem}`);
  const users = processesUsing(target);
  if (users.length && !force) throw new BackupError(`Not restoring: process ${users.join(", ")} has ${target} open. Stop the Claimline server first (or pass --force).`);
  const dir = path.dirname(path.resolve(target));
  fs.mkdirSync(dir, { recursive: true });
  let previous: string | null = null;
  if (fs.existsSync(target)) {
    previous = path.join(dir, `${path.basename(target, ".db")}.before-restore-${new Date().toISOString().replace(/\.\d+Z$/, "Z").replace(/:/g, "-")}.db`);
    await backupDatabase(target, previous);
  }
  // Same directory, so the rename is atomic; flushed before it takes the real name.
  const temp = path.join(dir, `.${path.basename(target)}.restore-${process.pid}`);
  fs.copyFileSync(backup, temp);
  const fd = fs.openSync(temp, "r+");
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  // A stale WAL would be replayed onto the restored file and corrupt it.
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(`${target}${suffix}`, { force: true });
  fs.renameSync(temp, target);
  const after = checkDatabaseFile(target);
  if (!after.ok) throw new BackupError(`The restored database did not check out: ${after.problem}`);
  return { statements: after.statements, previous };
}

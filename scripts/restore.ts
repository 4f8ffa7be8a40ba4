// `npm run db:restore <file> [--force]`: checks the backup, refuses while a
// server has the database open, keeps the current file aside, then swaps the
// backup in (temp file + rename, stale -wal/-shm removed).
import { databasePath } from "../db";
import { BackupError, restoreDatabase } from "../db/backup";

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--"));
if (!file) {
  process.stderr.write("claimline: give the backup to restore: npm run db:restore data/backups/claimline-<time>.db\n");
  process.exit(2);
}
const target = databasePath();
restoreDatabase(file, target, { force: args.includes("--force") }).then(
  ({ statements, previous }) => console.log(`[claimline] Restored ${file} into ${target} (${statements} statements).${previous ? ` The database it replaced is kept as ${previous}.` : ""}`),
  (error) => {
    process.stderr.write(`claimline: ${error instanceof BackupError ? error.message : (error as Error).stack}\n`);
    process.exit(1);
  },
);

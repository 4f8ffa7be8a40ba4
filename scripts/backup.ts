// `npm run db:backup [file]`: a consistent copy of the live database (the
// server may keep running) to the given file or data/backups/claimline-<time>.db.
import { databasePath } from "../db";
import { BackupError, backupDatabase, defaultBackupPath } from "../db/backup";

const source = databasePath();
const dest = process.argv[2] || defaultBackupPath(source);
backupDatabase(source, dest).then(
  ({ path, statements }) => console.log(`[claimline] Backed up ${source} to ${path} (${statements} statements, integrity ok).`),
  (error) => {
    process.stderr.write(`claimline: ${error instanceof BackupError ? error.message : (error as Error).stack}\n`);
    process.exit(1);
  },
);

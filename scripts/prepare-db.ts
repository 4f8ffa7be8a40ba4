// Migrates the database at DATABASE_PATH and seeds the demo workspace once.
import { DatabaseConfigError, databasePath, openDatabase } from "../db";
import { seedDemoOnce } from "../db/seed";

try {
  const db = openDatabase(databasePath());
  const seeded = seedDemoOnce(db);
  console.log(`[claimline] Database ready at ${databasePath()}${seeded === "seeded" ? " (demo workspace seeded)" : ""}.`);
  db.$client.close();
} catch (error) {
  const message = error instanceof DatabaseConfigError ? error.message : `Preparing the database failed: ${(error as Error).message}`;
  process.stderr.write(`claimline: ${message}\n`);
  process.exit(1);
}

import { DatabaseConfigError, databasePath, openDatabase } from "../db";

try {
  openDatabase(databasePath()).$client.close();
  console.log(`[claimline] Migrations applied to ${databasePath()}.`);
} catch (error) {
  process.stderr.write(`claimline: ${error instanceof DatabaseConfigError ? error.message : (error as Error).message}\n`);
  process.exit(1);
}

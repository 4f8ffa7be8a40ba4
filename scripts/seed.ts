// `npm run db:seed`: seeds the demo workspace unless it was seeded before.
import { databasePath, openDatabase } from "../db";
import { seedDemoOnce } from "../db/seed";

const db = openDatabase(databasePath());
console.log(`[claimline] ${seedDemoOnce(db) === "seeded" ? "Demo workspace seeded" : "Demo workspace was already seeded"} in ${databasePath()}.`);
db.$client.close();

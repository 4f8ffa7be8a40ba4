import { eq } from "drizzle-orm";
import type { DB } from "../index";
import { users, type User } from "../schema";

export const LOCAL_USER_NAME = "Local researcher";

/** Single-user mode: one local person owns every row until accounts arrive. */
export function ensureLocalUser(db: DB): User {
  const existing = db.select().from(users).where(eq(users.id, 1)).get();
  if (existing) return existing;
  // Another process (a second worker) may create it between our read and our write.
  db.insert(users).values({ id: 1, name: LOCAL_USER_NAME }).onConflictDoNothing().run();
  return db.select().from(users).where(eq(users.id, 1)).get()!;
}

export function getUserById(db: DB, { id }: { id: number }) {
  return db.select().from(users).where(eq(users.id, id)).get() ?? null;
}

import { getDb } from "@/db";

export const dynamic = "force-dynamic";

/** Liveness for scripts and tests: answers once the database is open and migrated. */
export function GET() {
  getDb().$client.prepare("select 1").get();
  return Response.json({ ok: true });
}

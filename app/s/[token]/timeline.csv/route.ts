import { getDb } from "@/db";
import { getSharedTimelineByToken } from "@/db/queries/timelines";
import { timelineCsvResponse } from "@/lib/timeline/csv";

// The shared timeline's download; the HTTP API's /timelines/{id}/export.csv
// answers the same file through the same timelineCsvResponse.

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const shared = getSharedTimelineByToken(getDb(), { token });
  if (!shared) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return timelineCsvResponse(shared.title, shared.data);
}

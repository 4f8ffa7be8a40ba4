import { getDb } from "@/db";
import { getSharedTimelineByToken } from "@/db/queries/timelines";
import { errorJson, timelineRowsResponse } from "@/app/_server/timeline-rows";
import { notFound } from "@/db/errors";

export const dynamic = "force-dynamic";

// A shared (or embedded) long timeline fetches its rows here; the view is the
// shared one, whatever the query says, and unknown or revoked tokens get 404.
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const shared = getSharedTimelineByToken(getDb(), { token });
  if (!shared) return errorJson(notFound("This shared timeline"));
  return timelineRowsResponse(new URL(request.url).searchParams, shared.model);
}

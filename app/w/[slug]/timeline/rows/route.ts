import { getRequestContext, requireWorkspace } from "@/app/_server/context";
import { errorJson, timelineRowsResponse, viewParams } from "@/app/_server/timeline-rows";
import { AppError } from "@/db/errors";
import { getTimelineModel } from "@/db/queries/timelines";
import { parseTimelineView } from "@/lib/timeline/view-state";

export const dynamic = "force-dynamic";

// The workspace timeline's list fetches its rows here as it scrolls; the view
// comes from the same query parameters as the page's URL.
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = getRequestContext();
  try {
    const ws = requireWorkspace(ctx, slug, "read");
    const search = new URL(request.url).searchParams;
    const { model } = getTimelineModel(ctx.db, { workspaceId: ws.id, filter: parseTimelineView(viewParams(search)) });
    return timelineRowsResponse(search, model);
  } catch (error) {
    if (error instanceof AppError) return errorJson(error);
    throw error;
  }
}

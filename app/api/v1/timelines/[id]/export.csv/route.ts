import { getTimelineView } from "@/db/queries/timelines";
import { endpoints } from "@/lib/api/endpoints";
import { timelineCsvResponse } from "@/lib/timeline/csv";
import { parseTimelineView } from "@/lib/timeline/view-state";
import { route } from "../../../_lib/route";
import { requireTimeline } from "../../../_lib/timelines";

export const dynamic = "force-dynamic";

/** The same file as the shared page's /s/{token}/timeline.csv, whether or not the timeline is shared. */
export const GET = route(endpoints.exportTimelineCsv, ({ ctx, params }) => {
  const { ws, timeline } = requireTimeline(ctx, params.id, "read");
  const view = { ...parseTimelineView(timeline.filter), selected: null };
  return timelineCsvResponse(timeline.title, getTimelineView(ctx.db, { workspaceId: ws.id, filter: view }));
});

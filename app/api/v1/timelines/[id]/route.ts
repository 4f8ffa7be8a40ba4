import { getTimelineView } from "@/db/queries/timelines";
import { endpoints } from "@/lib/api/endpoints";
import { parseTimelineView } from "@/lib/timeline/view-state";
import { route } from "../../_lib/route";
import { requireTimeline, timelineBody } from "../../_lib/timelines";

export const dynamic = "force-dynamic";

export const GET = route(endpoints.getTimeline, ({ ctx, params, request }) => {
  const { ws, timeline } = requireTimeline(ctx, params.id, "read");
  const data = getTimelineView(ctx.db, { workspaceId: ws.id, filter: parseTimelineView(timeline.filter) });
  return {
    ...timelineBody(timeline, request),
    statements: data.statements,
    flags: data.flags.map(({ key, ...flag }) => ({ id: key, ...flag })),
    span: data.span,
  };
});

import { requireWorkspace } from "@/app/_server/context";
import { invalid } from "@/db/errors";
import { createTimeline, listTimelinesByWorkspace, namesForView } from "@/db/queries/timelines";
import { endpoints } from "@/lib/api/endpoints";
import { pageByOffset } from "@/lib/api/pagination";
import { toTimelineView } from "@/lib/api/timeline-requests";
import { cursorOf } from "../../../_lib/cursor";
import { route } from "../../../_lib/route";
import { timelineBody } from "../../../_lib/timelines";

export const dynamic = "force-dynamic";

export const GET = route(endpoints.listTimelines, ({ ctx, params, query, request }) => {
  const ws = requireWorkspace(ctx, params.slug, "read");
  const rows = listTimelinesByWorkspace(ctx.db, { workspaceId: ws.id });
  return pageByOffset(rows.map((t) => timelineBody(t, request)), { limit: query.limit, cursor: cursorOf(query.cursor) });
});

export const POST = route(endpoints.createTimeline, ({ ctx, params, body, request }) => {
  const ws = requireWorkspace(ctx, params.slug, "edit");
  const view = toTimelineView(body.filter);
  // The page ignores ids it cannot find; a script is better told about the typo.
  const names = namesForView(ctx.db, ws.id, view);
  const strangerSpeaker = view.speakers.find((id) => !names.speakers.has(id));
  if (strangerSpeaker) throw invalid(`There is no speaker ${strangerSpeaker} in this workspace.`, "filter.speakers");
  const strangerTopic = view.topics.find((id) => !names.topics.has(id));
  if (strangerTopic) throw invalid(`There is no topic ${strangerTopic} in this workspace.`, "filter.topics");
  const timeline = createTimeline(ctx.db, { workspaceId: ws.id, actorId: ctx.user.id, title: body.title, description: body.description, filter: view });
  return timelineBody(timeline, request);
});

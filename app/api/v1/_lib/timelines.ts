import "server-only";
import type { Permission, RequestContext } from "@/app/_server/context";
import { getTimelineById, getTimelineWorkspaceId } from "@/db/queries/timelines";
import type { Timeline, Workspace } from "@/db/schema";
import { parseTimelineView } from "@/lib/timeline/view-state";
import { publicOrigin } from "./origin";
import { requireWorkspaceById } from "./workspace";

/** A timeline named by id, after the permission check on its workspace. */
export function requireTimeline(ctx: RequestContext, id: number, permission: Permission): { ws: Workspace; timeline: Timeline } {
  const ws = requireWorkspaceById(ctx, getTimelineWorkspaceId(ctx.db, { id }), permission);
  return { ws, timeline: getTimelineById(ctx.db, { workspaceId: ws.id, id }) };
}

export const shareUrl = (request: Request, token: string) => `${publicOrigin(request)}/s/${token}`;

/** A saved timeline as the API answers it: its filter in full (defaults filled in), its public link if any. */
export function timelineBody(row: Timeline, request: Request) {
  const { selected: _selected, ...filter } = parseTimelineView(row.filter);
  return {
    id: row.id, workspaceId: row.workspaceId, title: row.title, description: row.description, filter,
    share: row.shareToken ? { token: row.shareToken, url: shareUrl(request, row.shareToken), sharedAt: row.sharedAt } : null,
    createdAt: row.createdAt, updatedAt: row.updatedAt,
  };
}

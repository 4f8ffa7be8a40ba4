import "server-only";
import type { Permission, RequestContext } from "@/app/_server/context";
import { getTimelineById, getTimelineWorkspaceId } from "@/db/queries/timelines";
import type { Timeline, Workspace } from "@/db/schema";
import { parseTimelineView } from "@/lib/timeline/view-state";
import { requireWorkspaceById } from "./workspace";

/** A timeline named by id, after the permission check on its workspace. */
export function requireTimeline(ctx: RequestContext, id: number, permission: Permission): { ws: Workspace; timeline: Timeline } {
  const ws = requireWorkspaceById(ctx, getTimelineWorkspaceId(ctx.db, { id }), permission);
  return { ws, timeline: getTimelineById(ctx.db, { workspaceId: ws.id, id }) };
}

/**
 * Where public links point: CLAIMLINE_PUBLIC_URL when set (a server behind a
 * proxy or published elsewhere), else the address the client used (its Host
 * header, which single-user mode has already checked; a trusted proxy's
 * X-Forwarded-Host/-Proto when CLAIMLINE_TRUST_PROXY=1).
 */
export function publicOrigin(request: Request): string {
  if (process.env.CLAIMLINE_PUBLIC_URL) return process.env.CLAIMLINE_PUBLIC_URL.replace(/\/+$/, "");
  const url = new URL(request.url);
  const proxied = process.env.CLAIMLINE_TRUST_PROXY === "1";
  const host = (proxied && request.headers.get("x-forwarded-host")) || request.headers.get("host") || url.host;
  const proto = (proxied && request.headers.get("x-forwarded-proto")?.split(",")[0].trim()) || url.protocol.replace(":", "");
  return `${proto}://${host}`;
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

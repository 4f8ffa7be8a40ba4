import { revokeShare, shareTimeline } from "@/db/queries/timelines";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "../../../_lib/route";
import { requireTimeline, shareUrl } from "../../../_lib/timelines";

export const dynamic = "force-dynamic";

export const POST = route(endpoints.shareTimeline, ({ ctx, params, request }) => {
  const { ws } = requireTimeline(ctx, params.id, "edit");
  const { token } = shareTimeline(ctx.db, { workspaceId: ws.id, actorId: ctx.user.id, id: params.id });
  return { token, url: shareUrl(request, token) };
});

export const DELETE = route(endpoints.unshareTimeline, ({ ctx, params }) => {
  const { ws } = requireTimeline(ctx, params.id, "edit");
  revokeShare(ctx.db, { workspaceId: ws.id, actorId: ctx.user.id, id: params.id });
  return null;
});

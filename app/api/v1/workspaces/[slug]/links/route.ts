import { requireWorkspace } from "@/app/_server/context";
import { createLink, listLinksByWorkspace } from "@/db/queries/links";
import { endpoints } from "@/lib/api/endpoints";
import { pageByOffset } from "@/lib/api/pagination";
import { cursorOf } from "../../../_lib/cursor";
import { route } from "../../../_lib/route";

export const dynamic = "force-dynamic";

export const GET = route(endpoints.listLinks, ({ ctx, params, query }) => {
  const ws = requireWorkspace(ctx, params.slug, "read");
  return pageByOffset(listLinksByWorkspace(ctx.db, { workspaceId: ws.id }), { limit: query.limit, cursor: cursorOf(query.cursor) });
});

export const POST = route(endpoints.createLink, ({ ctx, params, body }) => {
  const ws = requireWorkspace(ctx, params.slug, "edit");
  return createLink(ctx.db, { workspaceId: ws.id, actorId: ctx.user.id, input: body });
});

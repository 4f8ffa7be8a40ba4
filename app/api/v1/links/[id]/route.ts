import { deleteLink, getLinkById, updateLink } from "@/db/queries/links";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "../../_lib/route";
import { requireWorkspaceById } from "../../_lib/workspace";

export const dynamic = "force-dynamic";

export const DELETE = route(endpoints.deleteLink, ({ ctx, params }) => {
  const ws = requireWorkspaceById(ctx, getLinkById(ctx.db, { id: params.id }).workspaceId, "edit");
  deleteLink(ctx.db, { workspaceId: ws.id, actorId: ctx.user.id, id: params.id });
  return null;
});

export const PATCH = route(endpoints.updateLink, ({ ctx, params, body }) => {
  const ws = requireWorkspaceById(ctx, getLinkById(ctx.db, { id: params.id }).workspaceId, "edit");
  return updateLink(ctx.db, { workspaceId: ws.id, actorId: ctx.user.id, id: params.id, input: body });
});

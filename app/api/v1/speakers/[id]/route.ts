import { editSpeaker, workspaceIdOfSpeaker } from "@/db/queries/directory-edits";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "../../_lib/route";
import { requireWorkspaceById } from "../../_lib/workspace";

export const dynamic = "force-dynamic";

export const PATCH = route(endpoints.updateSpeaker, ({ ctx, params, body }) => {
  const ws = requireWorkspaceById(ctx, workspaceIdOfSpeaker(ctx.db, { id: params.id }), "edit");
  return editSpeaker(ctx.db, { workspaceId: ws.id, actorId: ctx.user.id, id: params.id, input: body });
});

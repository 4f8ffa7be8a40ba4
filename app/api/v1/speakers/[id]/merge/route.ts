import { mergeSpeakerInto, workspaceIdOfSpeaker } from "@/db/queries/directory-edits";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "../../../_lib/route";
import { requireWorkspaceById } from "../../../_lib/workspace";

export const dynamic = "force-dynamic";

export const POST = route(endpoints.mergeSpeaker, ({ ctx, params, body }) => {
  const ws = requireWorkspaceById(ctx, workspaceIdOfSpeaker(ctx.db, { id: params.id }), "edit");
  return mergeSpeakerInto(ctx.db, { workspaceId: ws.id, actorId: ctx.user.id, id: params.id, into: body.into });
});

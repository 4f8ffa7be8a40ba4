import { mergeTopicInto, workspaceIdOfTopic } from "@/db/queries/directory-edits";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "../../../_lib/route";
import { requireWorkspaceById } from "../../../_lib/workspace";

export const dynamic = "force-dynamic";

export const POST = route(endpoints.mergeTopic, ({ ctx, params, body }) => {
  const ws = requireWorkspaceById(ctx, workspaceIdOfTopic(ctx.db, { id: params.id }), "edit");
  return mergeTopicInto(ctx.db, { workspaceId: ws.id, actorId: ctx.user.id, id: params.id, into: body.into });
});

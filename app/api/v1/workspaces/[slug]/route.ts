import { requireWorkspace } from "@/app/_server/context";
import { countWorkspaceContents, updateWorkspaceBySlug } from "@/db/queries/workspaces";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "../../_lib/route";

export const dynamic = "force-dynamic";

export const GET = route(endpoints.getWorkspace, ({ ctx, params }) => {
  const ws = requireWorkspace(ctx, params.slug, "read");
  return { ...ws, counts: countWorkspaceContents(ctx.db, { workspaceId: ws.id }) };
});

export const PATCH = route(endpoints.updateWorkspace, ({ ctx, params, body }) => {
  const ws = requireWorkspace(ctx, params.slug, "edit");
  return updateWorkspaceBySlug(ctx.db, { slug: ws.slug, ...body, actorId: ctx.user.id });
});

import "server-only";
import { requireWorkspace, type Permission, type RequestContext } from "@/app/_server/context";
import { getWorkspaceById } from "@/db/queries/workspaces";
import type { Workspace } from "@/db/schema";

/** The permission check for resources addressed by id: find their workspace, then ask as for a slug. */
export function requireWorkspaceById(ctx: RequestContext, workspaceId: number, permission: Permission): Workspace {
  return requireWorkspace(ctx, getWorkspaceById(ctx.db, { id: workspaceId }).slug, permission);
}

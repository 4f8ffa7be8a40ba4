import "server-only";
import type { RequestContext, Permission } from "@/app/_server/context";
import { notFound } from "@/db/errors";
import type { FlagView } from "@/db/queries/flags";
import { getStatementById } from "@/db/queries/statements";
import type { Workspace } from "@/db/schema";
import { parseFlagKey } from "@/lib/domain/flag-key";
import { requireWorkspaceById } from "./workspace";

/** A flag as the API answers it: its stable key is its id. */
export function flagBody({ key, anchor: _anchor, ...flag }: FlagView) {
  return { id: key, ...flag };
}

/** The workspace of a flag named by its key (through its earlier statement); a key that names nothing is a 404. */
export function requireFlagWorkspace(ctx: RequestContext, key: string, permission: Permission): Workspace {
  const parts = parseFlagKey(key);
  if (!parts) throw notFound("Flag", "id");
  try {
    return requireWorkspaceById(ctx, getStatementById(ctx.db, { id: parts.earlierId }).workspaceId, permission);
  } catch (error) {
    if ((error as { code?: string }).code === "not_found") throw notFound("Flag", "id");
    throw error;
  }
}

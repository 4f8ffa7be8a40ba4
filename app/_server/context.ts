import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "@/db/errors";
import { getDb, type DB } from "@/db";
import { ensureLocalUser } from "@/db/queries/users";
import { getWorkspaceBySlug } from "@/db/queries/workspaces";
import type { User, Workspace } from "@/db/schema";

export interface RequestContext {
  db: DB;
  user: User;
}

/**
 * Who is asking. Claimline runs in single-user mode for now: the local
 * researcher. Accounts will plug in here, and every action already asks.
 */
export function getRequestContext(): RequestContext {
  const db = getDb();
  return { db, user: ensureLocalUser(db) };
}

export type Permission = "read" | "edit";

/**
 * The one permission check for workspace-scoped work. In single-user mode the
 * local user may read and edit every workspace; the workspace must exist.
 */
export function requireWorkspace(ctx: RequestContext, slug: string, _permission: Permission): Workspace {
  return getWorkspaceBySlug(ctx.db, { slug });
}

/** For pages: the workspace and context, or the not-found page (never an error log) when the slug is unknown. */
export function workspacePage(slug: string, permission: Permission = "read"): RequestContext & { ws: Workspace } {
  const ctx = getRequestContext();
  try {
    return { ...ctx, ws: requireWorkspace(ctx, slug, permission) };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

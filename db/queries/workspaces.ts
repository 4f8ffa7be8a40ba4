import { count, desc, eq, sql } from "drizzle-orm";
import type { DB } from "../index";
import { articles, links, speakers, statements, topics, workspaces, type Workspace } from "../schema";
import { conflict, notFound } from "../errors";
import { recordAuditEvent } from "./audit";
import { slugify } from "@/lib/domain/slug";

export function listWorkspaces(db: DB) {
  return db.select({
    id: workspaces.id, slug: workspaces.slug, name: workspaces.name, description: workspaces.description,
    updatedAt: workspaces.updatedAt,
    statementCount: sql<number>`(select count(*) from "statements" where "statements"."workspace_id" = "workspaces"."id")`,
    articleCount: sql<number>`(select count(*) from "articles" where "articles"."workspace_id" = "workspaces"."id")`,
  }).from(workspaces).orderBy(desc(workspaces.updatedAt)).all();
}

export function getWorkspaceBySlug(db: DB, { slug }: { slug: string }): Workspace {
  const ws = db.select().from(workspaces).where(eq(workspaces.slug, slug)).get();
  if (!ws) throw notFound("Workspace", "slug");
  return ws;
}

export function findWorkspaceBySlug(db: DB, { slug }: { slug: string }): Workspace | null {
  return db.select().from(workspaces).where(eq(workspaces.slug, slug)).get() ?? null;
}

/** A free slug derived from the name: "negotiation-preconditions-2024", then "-2", "-3"... */
export function uniqueWorkspaceSlug(db: DB, base: string): string {
  const root = slugify(base) || "workspace";
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? root : `${root}-${n}`;
    if (!findWorkspaceBySlug(db, { slug: candidate })) return candidate;
  }
}

export function createWorkspace(db: DB, input: { name: string; description?: string; slug?: string; actorId: number }): Workspace {
  return db.transaction((tx) => {
    const slug = input.slug ?? uniqueWorkspaceSlug(db, input.name);
    if (input.slug && findWorkspaceBySlug(db, { slug })) throw conflict(`The address "${slug}" is taken.`, "slug");
    const ws = tx.insert(workspaces).values({ slug, name: input.name, description: input.description ?? "", createdBy: input.actorId }).returning().get();
    recordAuditEvent(tx, { workspaceId: ws.id, entityType: "workspace", entityId: ws.id, action: "create", after: ws, actorId: input.actorId });
    return ws;
  });
}

export function updateWorkspaceBySlug(db: DB, input: { slug: string; name?: string; description?: string; actorId: number }): Workspace {
  return db.transaction((tx) => {
    const before = getWorkspaceBySlug(db, { slug: input.slug });
    const after = tx.update(workspaces).set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      updatedAt: new Date().toISOString(),
    }).where(eq(workspaces.id, before.id)).returning().get();
    recordAuditEvent(tx, { workspaceId: before.id, entityType: "workspace", entityId: before.id, action: "update", before, after, actorId: input.actorId });
    return after;
  });
}

export function countWorkspaceContents(db: DB, { workspaceId }: { workspaceId: number }) {
  const one = (table: typeof articles | typeof statements | typeof speakers | typeof topics | typeof links) =>
    db.select({ n: count() }).from(table).where(eq(table.workspaceId, workspaceId)).get()?.n ?? 0;
  return { articles: one(articles), statements: one(statements), speakers: one(speakers), topics: one(topics), links: one(links) };
}

export function getWorkspaceById(db: DB, { id }: { id: number }): Workspace {
  const ws = db.select().from(workspaces).where(eq(workspaces.id, id)).get();
  if (!ws) throw notFound("Workspace");
  return ws;
}

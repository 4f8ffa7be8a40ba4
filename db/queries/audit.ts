import { and, desc, eq } from "drizzle-orm";
import type { DB } from "../index";
import { auditEvents, type AuditAction, type AuditEntity } from "../schema";

/** Drizzle's transaction handle and the database share this surface. */
export type Tx = Pick<DB, "select" | "insert" | "update" | "delete" | "run" | "all" | "get" | "values">;

export interface AuditInput {
  workspaceId: number;
  entityType: AuditEntity;
  entityId: number | string;
  action: AuditAction;
  before?: unknown;
  after?: unknown;
  actorId: number;
}

/** Call inside the transaction that makes the change, so the record and the change land together. */
export function recordAuditEvent(tx: Tx, e: AuditInput) {
  tx.insert(auditEvents).values({
    workspaceId: e.workspaceId,
    entityType: e.entityType,
    entityId: String(e.entityId),
    action: e.action,
    before: e.before ?? null,
    after: e.after ?? null,
    actorId: e.actorId,
  }).run();
}

export function listAuditEventsByEntity(db: DB, { workspaceId, entityType, entityId }: { workspaceId: number; entityType: AuditEntity; entityId: number | string }) {
  return db.select().from(auditEvents)
    .where(and(eq(auditEvents.workspaceId, workspaceId), eq(auditEvents.entityType, entityType), eq(auditEvents.entityId, String(entityId))))
    .orderBy(desc(auditEvents.id))
    .all();
}

/** The workspace a statement was last deleted from, or null: a deleted statement has no row left to ask. */
export function lastWorkspaceOfDeletedStatement(db: DB, { id }: { id: number }): number | null {
  const row = db.select({ workspaceId: auditEvents.workspaceId }).from(auditEvents)
    .where(and(eq(auditEvents.entityType, "statement"), eq(auditEvents.entityId, String(id)), eq(auditEvents.action, "delete")))
    .orderBy(desc(auditEvents.id)).get();
  return row?.workspaceId ?? null;
}

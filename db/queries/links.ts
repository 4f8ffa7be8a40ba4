import { and, eq, or } from "drizzle-orm";
import type { DB } from "../index";
import { links, speakers, statements, type Link } from "../schema";
import { conflict, invalid, notFound } from "../errors";
import { recordAuditEvent } from "./audit";
import { compareSaidOn } from "@/lib/domain/said-on";
import type { CreateLinkInput, UpdateLinkInput } from "@/lib/validation/link";

/**
 * Stores a typed link from the later statement to the earlier one. When the
 * caller gives them the other way round (by said-on date), they are swapped;
 * statements said the same day keep the order the caller chose.
 */
export function createLink(db: DB, { workspaceId, actorId, input }: { workspaceId: number; actorId: number; input: CreateLinkInput }): Link {
  return db.transaction((tx) => {
    const from = tx.select().from(statements).where(eq(statements.id, input.fromId)).get();
    const to = tx.select().from(statements).where(eq(statements.id, input.toId)).get();
    if (!from || from.workspaceId !== workspaceId) throw notFound("The later statement", "fromId");
    if (!to || to.workspaceId !== workspaceId) throw notFound("The earlier statement", "toId");
    const order = compareSaidOn({ date: from.saidOn, precision: from.saidOnPrecision }, { date: to.saidOn, precision: to.saidOnPrecision });
    const [later, earlier] = order < 0 ? [to, from] : [from, to];
    const existing = tx.select({ id: links.id }).from(links).where(or(
      and(eq(links.fromStatementId, later.id), eq(links.toStatementId, earlier.id)),
      and(eq(links.fromStatementId, earlier.id), eq(links.toStatementId, later.id)),
    )).get();
    if (existing) throw conflict("These two statements are already linked; edit that link instead.", "toId");
    const link = tx.insert(links).values({
      workspaceId, fromStatementId: later.id, toStatementId: earlier.id, relation: input.relation,
      verdict: input.verdict ?? null, rationale: input.rationale, createdBy: actorId,
    }).returning().get();
    recordAuditEvent(tx, { workspaceId, entityType: "link", entityId: link.id, action: "create", after: link, actorId });
    return link;
  });
}

/** Changes a link's relation, verdict or rationale (its two statements stay), audited with before and after. */
export function updateLink(db: DB, { workspaceId, actorId, id, input }: { workspaceId: number; actorId: number; id: number; input: UpdateLinkInput }): Link {
  return db.transaction((tx) => {
    const before = tx.select().from(links).where(and(eq(links.id, id), eq(links.workspaceId, workspaceId))).get();
    if (!before) throw notFound("Link", "id");
    const after = tx.update(links).set({
      ...(input.relation !== undefined ? { relation: input.relation } : {}),
      ...(input.verdict !== undefined ? { verdict: input.verdict } : {}),
      ...(input.rationale !== undefined ? { rationale: input.rationale } : {}),
      updatedAt: new Date().toISOString(),
    }).where(eq(links.id, id)).returning().get();
    recordAuditEvent(tx, { workspaceId, entityType: "link", entityId: id, action: "update", before, after, actorId });
    return after;
  });
}

export function deleteLink(db: DB, { workspaceId, actorId, id }: { workspaceId: number; actorId: number; id: number }) {
  db.transaction((tx) => {
    const before = tx.select().from(links).where(and(eq(links.id, id), eq(links.workspaceId, workspaceId))).get();
    if (!before) throw notFound("Link", "id");
    tx.delete(links).where(eq(links.id, id)).run();
    recordAuditEvent(tx, { workspaceId, entityType: "link", entityId: id, action: "delete", before, actorId });
  });
}

export function listLinksByWorkspace(db: DB, { workspaceId }: { workspaceId: number }): Link[] {
  return db.select().from(links).where(eq(links.workspaceId, workspaceId)).all();
}

/** Links touching one statement, with the other statement's essentials for the card. */
export function listLinksByStatement(db: DB, { workspaceId, id }: { workspaceId: number; id: number }) {
  const rows = db.select().from(links).where(and(eq(links.workspaceId, workspaceId), or(eq(links.fromStatementId, id), eq(links.toStatementId, id)))).all();
  return rows.map((link) => {
    const otherId = link.fromStatementId === id ? link.toStatementId : link.fromStatementId;
    const other = db.select({ id: statements.id, quote: statements.quote, saidOn: statements.saidOn, saidOnPrecision: statements.saidOnPrecision, articleId: statements.articleId, speakerName: speakers.name })
      .from(statements).innerJoin(speakers, eq(speakers.id, statements.speakerId)).where(eq(statements.id, otherId)).get();
    if (!other) throw invalid("A link points at a missing statement.");
    return { link, direction: link.fromStatementId === id ? ("outgoing" as const) : ("incoming" as const), other };
  });
}

export function getLinkById(db: DB, { id }: { id: number }): Link {
  const link = db.select().from(links).where(eq(links.id, id)).get();
  if (!link) throw notFound("Link", "id");
  return link;
}

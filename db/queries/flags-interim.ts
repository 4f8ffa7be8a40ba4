import { and, asc, eq } from "drizzle-orm";
import type { DB } from "../index";
import { flagReviews, links, statements, type Verdict } from "../schema";
import { notFound } from "../errors";
import { recordAuditEvent } from "./audit";
import { stancesByStatement } from "./statements";
import { computeFlags, type Flag } from "@/lib/flags/engine";
import { parseFlagKey } from "@/lib/domain/flag-key";

// Interim flag reads and reviews for the HTTP API, until db/queries/flags.ts
// (flag listing + reviews, built separately) lands; then the API switches to it.

/** Every flag of a workspace, recomputed from its statements, links and reviews. */
export function computeWorkspaceFlags(db: DB, { workspaceId }: { workspaceId: number }) {
  const rows = db.select({ id: statements.id, speakerId: statements.speakerId, saidOn: statements.saidOn, precision: statements.saidOnPrecision })
    .from(statements).where(eq(statements.workspaceId, workspaceId)).all();
  const stances = stancesByStatement(db, rows.map((r) => r.id));
  const facts = rows.map((r) => ({
    id: r.id, speakerId: r.speakerId, saidOn: { date: r.saidOn, precision: r.precision },
    stances: (stances.get(r.id) ?? []).map((s) => ({ topicId: s.topicId, stance: s.stance, condition: s.condition })),
  }));
  const linkRows = db.select().from(links).where(eq(links.workspaceId, workspaceId)).orderBy(asc(links.id)).all();
  const reviews = db.select().from(flagReviews).where(eq(flagReviews.workspaceId, workspaceId)).orderBy(asc(flagReviews.id)).all();
  const flags = computeFlags({
    statements: facts,
    links: linkRows.map((l) => ({ id: l.id, fromId: l.fromStatementId, toId: l.toStatementId, relation: l.relation, verdict: l.verdict, rationale: l.rationale })),
    reviews: reviews.map((r) => ({ flagKey: r.flagKey, decision: r.decision, verdict: r.verdict })),
  });
  const byId = new Map(facts.map((f) => [f.id, f]));
  return { flags, statements: byId };
}

export function listWorkspaceFlags(db: DB, { workspaceId, speakerId, topicId, rule, status }: {
  workspaceId: number; speakerId?: number; topicId?: number; rule?: Flag["rule"]; status?: Flag["status"] | "open";
}): Flag[] {
  const { flags, statements: byId } = computeWorkspaceFlags(db, { workspaceId });
  const about = (f: Flag, topic: number) => f.topicId === topic
    || [f.earlierId, f.laterId].every((id) => byId.get(id)?.stances.some((s) => s.topicId === topic));
  return flags.filter((f) => (rule === undefined || f.rule === rule)
    && (status === undefined || (status === "open" ? f.status !== "dismissed" : f.status === status))
    && (speakerId === undefined || byId.get(f.earlierId)?.speakerId === speakerId || byId.get(f.laterId)?.speakerId === speakerId)
    && (topicId === undefined || about(f, topicId)));
}

/** The workspace a flag key belongs to, from its statements; 404 for keys that name nothing. */
export function workspaceOfFlagKey(db: DB, { key }: { key: string }): number {
  const parts = parseFlagKey(key);
  const earlier = parts ? db.select({ workspaceId: statements.workspaceId }).from(statements).where(eq(statements.id, parts.earlierId)).get() : undefined;
  if (!earlier) throw notFound("Flag", "id");
  return earlier.workspaceId;
}

/** Stores (or replaces) a person's decision on a flag that currently exists, and returns the flag as reviewed. */
export function reviewFlagByKey(db: DB, { workspaceId, key, decision, verdict, note, actorId }: {
  workspaceId: number; key: string; decision: "confirmed" | "dismissed"; verdict: Verdict | null; note: string; actorId: number;
}): Flag | null {
  const current = computeWorkspaceFlags(db, { workspaceId }).flags.find((f) => f.key === key);
  if (!current) throw notFound("Flag", "id");
  db.transaction((tx) => {
    const before = tx.select().from(flagReviews).where(and(eq(flagReviews.workspaceId, workspaceId), eq(flagReviews.flagKey, key))).get();
    const values = { decision, verdict: decision === "confirmed" ? verdict : null, note, createdBy: actorId, updatedAt: new Date().toISOString() };
    const after = before
      ? tx.update(flagReviews).set(values).where(eq(flagReviews.id, before.id)).returning().get()
      : tx.insert(flagReviews).values({ workspaceId, flagKey: key, ...values }).returning().get();
    recordAuditEvent(tx, { workspaceId, entityType: "flag", entityId: key, action: "review", before: before ?? null, after, actorId });
  });
  // A detected shift confirmed as "no flip" is a person saying it is consistent: the flag is gone (null).
  return computeWorkspaceFlags(db, { workspaceId }).flags.find((f) => f.key === key) ?? null;
}

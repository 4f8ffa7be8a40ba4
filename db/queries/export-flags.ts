import { asc, eq } from "drizzle-orm";
import type { DB } from "../index";
import { flagReviews, links, statements, topics } from "../schema";
import { stancesByStatement } from "./statements";
import { loadExportStatements, loadLiteStatements, type ExportScope } from "./export-rows";
import { computeFlags, type Flag } from "@/lib/flags/engine";
import { toClaimReview, type ClaimReviewJsonLd } from "@/lib/export/claim-review";
import type { ExportFlag, ExportTimelineEntry } from "@/lib/export/types";

// Flags are computed, not stored: the engine needs every statement and link
// of the workspace at once. That is small (ids, dates, stances), unlike the
// quotes, which are loaded only for the flagged pairs.
// TODO(flags): switch to db/queries/flags.ts once it lands on main.

/** Every flag of a workspace, recomputed from its statements, links and reviews. */
export function computeWorkspaceFlagsForExport(db: DB, { workspaceId }: { workspaceId: number }): Flag[] {
  const rows = db.select({ id: statements.id, speakerId: statements.speakerId, saidOn: statements.saidOn, precision: statements.saidOnPrecision })
    .from(statements).where(eq(statements.workspaceId, workspaceId)).orderBy(asc(statements.id)).all();
  const stances = stancesByStatement(db, rows.map((r) => r.id));
  const linkRows = db.select().from(links).where(eq(links.workspaceId, workspaceId)).orderBy(asc(links.id)).all();
  const reviews = db.select().from(flagReviews).where(eq(flagReviews.workspaceId, workspaceId)).orderBy(asc(flagReviews.id)).all();
  return computeFlags({
    statements: rows.map((r) => ({
      id: r.id, speakerId: r.speakerId, saidOn: { date: r.saidOn, precision: r.precision },
      stances: (stances.get(r.id) ?? []).map((s) => ({ topicId: s.topicId, stance: s.stance, condition: s.condition })),
    })),
    links: linkRows.map((l) => ({ id: l.id, fromId: l.fromStatementId, toId: l.toStatementId, relation: l.relation, verdict: l.verdict, rationale: l.rationale })),
    reviews: reviews.map((r) => ({ flagKey: r.flagKey, decision: r.decision, verdict: r.verdict })),
  });
}

/** Every flag (linked, detected, dispute) with both statements, severity and review status. */
export function listExportFlags(db: DB, scope: ExportScope): ExportFlag[] {
  const flags = computeWorkspaceFlagsForExport(db, scope);
  const lite = loadLiteStatements(db, { ...scope, ids: flags.flatMap((f) => [f.earlierId, f.laterId]) });
  const topicNames = new Map(db.select({ id: topics.id, name: topics.name }).from(topics).where(eq(topics.workspaceId, scope.workspaceId)).all().map((t) => [t.id, t.name]));
  return flags.flatMap((f) => {
    const earlier = lite.get(f.earlierId);
    const later = lite.get(f.laterId);
    if (!earlier || !later) return [];
    return [{
      key: f.key, rule: f.rule, severity: f.severity, status: f.status, rationale: f.rationale, earlier, later,
      topicName: f.topicId === undefined ? null : topicNames.get(f.topicId) ?? null,
    }];
  });
}

export interface ClaimReviewOptions extends ExportScope {
  slug: string;
  /** The organisation publishing the reviews; defaults to the workspace name at the app's origin. */
  organization: { name: string; url: string };
}

/** One ClaimReview per confirmed Flip-O-Meter flag (disputes are not rulings on one speaker, so they are left out). */
export function listClaimReviews(db: DB, options: ClaimReviewOptions): ClaimReviewJsonLd[] {
  const confirmed = listExportFlags(db, options).filter((f) => f.status === "confirmed" && f.severity !== "dispute");
  if (confirmed.length === 0) return [];
  const full = new Map(loadExportStatements(db, { ...options, ids: confirmed.flatMap((f) => [f.earlier.id, f.later.id]) }).map((s) => [s.id, s]));
  const reviewedAt = new Map(db.select({ key: flagReviews.flagKey, updatedAt: flagReviews.updatedAt }).from(flagReviews)
    .where(eq(flagReviews.workspaceId, options.workspaceId)).all().map((r) => [r.key, r.updatedAt]));
  const flagsPage = `${options.origin.replace(/\/+$/, "")}/w/${encodeURIComponent(options.slug)}/flags`;
  return confirmed.flatMap((flag) => {
    const earlier = full.get(flag.earlier.id);
    const later = full.get(flag.later.id);
    if (!earlier || !later) return [];
    return [toClaimReview({
      flag, earlier, later,
      speakerName: later.speaker.name,
      articleUrl: later.article.url,
      reviewUrl: `${flagsPage}#${encodeURIComponent(flag.key)}`,
      organization: options.organization,
      datePublished: (reviewedAt.get(flag.key) ?? later.updatedAt).slice(0, 10),
    })];
  });
}

/**
 * Rows of a timeline view for timeline.csv: the statements the view shows, in
 * its order, each with the flags it has with another shown statement. The
 * timeline engineer decides which statements a view shows (filters, shares);
 * this only maps them, so a shared timeline exports exactly what it shows.
 */
export function listTimelineExportEntries(db: DB, scope: ExportScope & { statementIds: readonly number[] }): ExportTimelineEntry[] {
  const shown = loadExportStatements(db, { ...scope, ids: scope.statementIds });
  const position = new Map(shown.map((s, i) => [s.id, i + 1]));
  const flags = computeWorkspaceFlagsForExport(db, scope).filter((f) => f.status !== "dismissed" && position.has(f.earlierId) && position.has(f.laterId));
  return shown.map((statement) => ({
    position: position.get(statement.id)!,
    statement,
    flags: flags.filter((f) => f.earlierId === statement.id || f.laterId === statement.id).map((f) => ({
      severity: f.severity, rule: f.rule,
      otherPosition: position.get(f.earlierId === statement.id ? f.laterId : f.earlierId)!,
    })),
  }));
}


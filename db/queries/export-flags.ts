import { eq } from "drizzle-orm";
import type { DB } from "../index";
import { workspaces } from "../schema";
import { listFlagsByWorkspace, type FlagStatement, type FlagView } from "./flags";
import { loadExportStatements, statementPermalink, type ExportScope } from "./export-rows";
import { toClaimReview, type ClaimReviewJsonLd } from "@/lib/export/claim-review";
import type { ExportFlag, ExportStatementLite, ExportTimelineEntry } from "@/lib/export/types";

// Flags are computed, not stored; db/queries/flags.ts computes and enriches
// them (one definition for the inbox, the timeline and the exports). Here
// they are mapped into the export shapes.

const lite = (s: FlagStatement, origin: string, slug: string): ExportStatementLite => ({
  id: s.id, speakerName: s.speakerName, saidOn: { date: s.saidOn, precision: s.saidOnPrecision }, quote: s.quote,
  permalink: statementPermalink(origin, slug, s.id),
});

function workspaceSlug(db: DB, workspaceId: number): string {
  return db.select({ slug: workspaces.slug }).from(workspaces).where(eq(workspaces.id, workspaceId)).get()?.slug ?? "";
}

function toExportFlag(f: FlagView, origin: string, slug: string): ExportFlag {
  return {
    key: f.key, rule: f.rule, severity: f.severity, status: f.status, rationale: f.rationale,
    earlier: lite(f.earlier, origin, slug), later: lite(f.later, origin, slug), topicName: f.topicName,
  };
}

/** Every flag (linked, detected, dispute) with both statements, severity and review status. */
export function listExportFlags(db: DB, scope: ExportScope): ExportFlag[] {
  const slug = workspaceSlug(db, scope.workspaceId);
  return listFlagsByWorkspace(db, { workspaceId: scope.workspaceId }).map((f) => toExportFlag(f, scope.origin, slug));
}

export interface ClaimReviewOptions extends ExportScope {
  slug: string;
  /** The organisation publishing the reviews; defaults to the workspace name at the app's origin. */
  organization: { name: string; url: string };
}

/**
 * One ClaimReview per flag the inbox files under "Confirmed": a flip a person
 * asserted by linking (contradicts, reverses, softens, hardens) or a detected
 * shift a person confirmed; not a dismissed one. Disputes are not rulings on
 * one speaker, so they are left out.
 */
export function listClaimReviews(db: DB, options: ClaimReviewOptions): ClaimReviewJsonLd[] {
  const confirmed = listFlagsByWorkspace(db, { workspaceId: options.workspaceId, tab: "confirmed" }).filter((f) => f.severity !== "dispute");
  if (confirmed.length === 0) return [];
  const full = new Map(loadExportStatements(db, { ...options, ids: confirmed.flatMap((f) => [f.earlierId, f.laterId]) }).map((s) => [s.id, s]));
  const flagsPage = `${options.origin.replace(/\/+$/, "")}/w/${encodeURIComponent(options.slug)}/flags`;
  return confirmed.flatMap((f) => {
    const earlier = full.get(f.earlierId);
    const later = full.get(f.laterId);
    if (!earlier || !later) return [];
    return [toClaimReview({
      flag: toExportFlag(f, options.origin, options.slug), earlier, later,
      speakerName: later.speaker.name,
      articleUrl: later.article.url,
      reviewUrl: `${flagsPage}#${f.anchor}`,
      organization: options.organization,
      datePublished: (f.review?.updatedAt ?? later.updatedAt).slice(0, 10),
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
  const flags = listFlagsByWorkspace(db, { workspaceId: scope.workspaceId }).filter((f) => f.status !== "dismissed" && position.has(f.earlierId) && position.has(f.laterId));
  return shown.map((statement) => ({
    position: position.get(statement.id)!,
    statement,
    flags: flags.filter((f) => f.earlierId === statement.id || f.laterId === statement.id).map((f) => ({
      severity: f.severity, rule: f.rule,
      otherPosition: position.get(f.earlierId === statement.id ? f.laterId : f.earlierId)!,
    })),
  }));
}


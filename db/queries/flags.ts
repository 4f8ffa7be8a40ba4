import { and, asc, eq, inArray, type SQL, type SQLWrapper } from "drizzle-orm";
import type { DB } from "../index";
import { articles, flagReviews, links, speakers, statements, statementTopics, topics, type FlagReview, type FlagRule, type Link } from "../schema";
import { invalid, notFound } from "../errors";
import { recordAuditEvent, type Tx } from "./audit";
import { memoByDbState } from "./derived-cache";
import { stancesByStatement, type StanceRow } from "./statements";
import { computeFlags, type Flag, type FlagStatus } from "@/lib/flags/engine";
import { describeStance } from "@/lib/flags/stance-shift";
import { SEVERITY_WEIGHT } from "@/lib/flags/types";
import { parseFlagKey } from "@/lib/domain/flag-key";
import { formatSaidOn } from "@/lib/domain/said-on";
import type { Verdict } from "@/lib/domain/enums";
import type { FlagInboxTab } from "@/lib/validation/flag";

/** What a flag shows of each of its statements. */
export interface FlagStatement {
  id: number; quote: string; speakerId: number; speakerName: string; saidOn: string; saidOnPrecision: "day" | "month" | "year";
  kind: (typeof statements.$inferSelect)["kind"]; articleId: number; articleTitle: string; stances: StanceRow[];
}

export interface FlagView extends Flag {
  earlier: FlagStatement;
  later: FlagStatement;
  topicName: string | null;
  /** One line in words, with names and dates instead of ids. */
  title: string;
  review: Pick<FlagReview, "decision" | "verdict" | "note" | "updatedAt"> | null;
  /** A stable element id for `#` links (flag keys contain colons). */
  anchor: string;
}

export const flagAnchor = (key: string) => `flag-${key.replace(/:/g, "-")}`;

interface WorkspaceFlagData {
  flags: Flag[];
  statements: Map<number, FlagStatement>;
  links: Map<number, Link>;
  reviews: Map<string, FlagReview>;
  topicNames: Map<number, string>;
}

/** Statements as flags show them, with their stances, for whichever statements `where` picks. */
function selectFlagStatements(db: DB | Tx, where: SQL | undefined): Map<number, FlagStatement> {
  const rows = db.select({
    id: statements.id, quote: statements.quote, speakerId: statements.speakerId, speakerName: speakers.name,
    saidOn: statements.saidOn, saidOnPrecision: statements.saidOnPrecision, kind: statements.kind,
    articleId: statements.articleId, articleTitle: articles.title,
  }).from(statements).innerJoin(speakers, eq(speakers.id, statements.speakerId)).innerJoin(articles, eq(articles.id, statements.articleId))
    .where(where).all();
  const stances = stancesByStatement(db, rows.map((r) => r.id));
  return new Map(rows.map((r) => [r.id, { ...r, stances: stances.get(r.id) ?? [] }]));
}

function engineFlags(byId: Map<number, FlagStatement>, linkRows: Link[], reviews: FlagReview[]): Flag[] {
  return computeFlags({
    statements: [...byId.values()].map((s) => ({
      id: s.id, speakerId: s.speakerId, saidOn: { date: s.saidOn, precision: s.saidOnPrecision },
      stances: s.stances.map((st) => ({ topicId: st.topicId, stance: st.stance, condition: st.condition })),
    })),
    links: linkRows.map((l) => ({ id: l.id, fromId: l.fromStatementId, toId: l.toStatementId, relation: l.relation, verdict: l.verdict, rationale: l.rationale })),
    reviews: reviews.map((r) => ({ flagKey: r.flagKey, decision: r.decision, verdict: r.verdict })),
  });
}

/** Everything the engine needs for a whole workspace, in a few queries. */
function loadWorkspaceFlags(db: DB, { workspaceId }: { workspaceId: number }): WorkspaceFlagData {
  const byId = selectFlagStatements(db, eq(statements.workspaceId, workspaceId));
  const linkRows = db.select().from(links).where(eq(links.workspaceId, workspaceId)).all();
  // Oldest first: the engine lets a later review of the same key win.
  const reviewRows = db.select().from(flagReviews).where(eq(flagReviews.workspaceId, workspaceId)).orderBy(asc(flagReviews.id)).all();
  const topicNames = new Map(db.select({ id: topics.id, name: topics.name }).from(topics).where(eq(topics.workspaceId, workspaceId)).all().map((t) => [t.id, t.name]));
  return {
    flags: engineFlags(byId, linkRows, reviewRows), statements: byId, topicNames,
    links: new Map(linkRows.map((l) => [l.id, l])),
    reviews: new Map(reviewRows.map((r) => [r.flagKey, r])),
  };
}

/**
 * The flag with this key as the engine finds it now, as if nobody had reviewed
 * it, or null. Only what decides that flag is read, not the workspace: a
 * link's flag depends on its two statements and the links between them; a
 * detected shift on the speaker's stances on that topic (their order makes
 * two statements neighbours) and the links among those statements.
 */
export function findCurrentFlag(db: DB | Tx, { workspaceId, flagKey }: { workspaceId: number; flagKey: string }): Flag | null {
  const parts = parseFlagKey(flagKey);
  if (!parts) return null;
  let ids: SQLWrapper | number[] = [parts.earlierId, parts.laterId];
  if (parts.rule === "stance_shift") {
    const later = db.select({ speakerId: statements.speakerId }).from(statements)
      .where(and(eq(statements.id, parts.laterId), eq(statements.workspaceId, workspaceId))).get();
    if (!later) return null;
    ids = db.select({ id: statementTopics.statementId }).from(statementTopics).innerJoin(statements, eq(statements.id, statementTopics.statementId))
      .where(and(eq(statementTopics.topicId, parts.topicId!), eq(statements.speakerId, later.speakerId), eq(statements.workspaceId, workspaceId)));
  }
  const byId = selectFlagStatements(db, and(eq(statements.workspaceId, workspaceId), inArray(statements.id, ids)));
  const linkRows = db.select().from(links)
    .where(and(eq(links.workspaceId, workspaceId), inArray(links.fromStatementId, ids), inArray(links.toStatementId, ids))).all();
  return engineFlags(byId, linkRows, []).find((f) => f.key === flagKey) ?? null;
}

const when = (s: FlagStatement) => formatSaidOn({ date: s.saidOn, precision: s.saidOnPrecision });

/** The engine speaks in ids; people read names, topics and dates. */
function enrich(flag: Flag, data: WorkspaceFlagData): FlagView {
  const earlier = data.statements.get(flag.earlierId)!;
  const later = data.statements.get(flag.laterId)!;
  const topicName = flag.topicId !== undefined ? data.topicNames.get(flag.topicId) ?? null : null;
  const link = flag.linkId !== undefined ? data.links.get(flag.linkId) : undefined;
  let title: string;
  let rationale: string;
  if (flag.rule === "stance_shift" && flag.shift) {
    const { from, to, fromCondition, toCondition } = flag.shift;
    title = `${later.speakerName} changed stance on ${topicName ?? "a topic"} between ${when(earlier)} and ${when(later)}`;
    rationale = `On “${topicName ?? "this topic"}”, ${later.speakerName} moved from ${describeStance(from, fromCondition)} (${when(earlier)}) to ${describeStance(to, toCondition)} (${when(later)}).`;
  } else if (flag.rule === "dispute") {
    title = `${later.speakerName}, ${when(later)}, ${flag.relation} ${earlier.speakerName}, ${when(earlier)}`;
    rationale = link?.rationale.trim() || `${later.speakerName} (${when(later)}) ${flag.relation} what ${earlier.speakerName} said on ${when(earlier)}.`;
  } else {
    title = `${later.speakerName}, ${when(later)}, ${flag.relation} their own statement of ${when(earlier)}`;
    rationale = link?.rationale.trim() || `On ${when(later)}, ${later.speakerName} ${flag.relation} what they said on ${when(earlier)}.`;
  }
  const review = data.reviews.get(flag.key);
  return {
    ...flag, earlier, later, topicName, title, rationale, anchor: flagAnchor(flag.key),
    review: review ? { decision: review.decision, verdict: review.verdict, note: review.note, updatedAt: review.updatedAt } : null,
  };
}

/** Which inbox tab a flag belongs in: detected shifts wait for a person; disputes are apart from self-inconsistency. */
export function inboxTabOf(flag: Pick<Flag, "rule" | "status">): FlagInboxTab {
  if (flag.status === "dismissed") return "dismissed";
  if (flag.rule === "dispute") return "disputes";
  return flag.status === "detected" ? "open" : "confirmed";
}

export interface FlagFilters {
  speakerId?: number;
  topicId?: number;
  rule?: FlagRule;
  status?: FlagStatus;
  tab?: FlagInboxTab;
}

function matches(f: FlagView, filters: FlagFilters): boolean {
  if (filters.rule && f.rule !== filters.rule) return false;
  if (filters.status && f.status !== filters.status) return false;
  if (filters.tab && inboxTabOf(f) !== filters.tab) return false;
  if (filters.speakerId && f.earlier.speakerId !== filters.speakerId && f.later.speakerId !== filters.speakerId) return false;
  if (filters.topicId) {
    // A link has no topic of its own: it is about a topic when both statements take a stance on it
    // (a reply on the talks is not about NATO because the statement it answers also mentioned NATO).
    const onTopic = f.topicId !== undefined ? f.topicId === filters.topicId
      : [f.earlier, f.later].every((s) => s.stances.some((st) => st.topicId === filters.topicId));
    if (!onTopic) return false;
  }
  return true;
}

/** All flags of a workspace in said-on order of the later statement, enriched and filtered. */
export function listFlagsByWorkspace(db: DB, { workspaceId, ...filters }: { workspaceId: number } & FlagFilters): FlagView[] {
  // Every page of a workspace asks for its flags; computing them takes ~0.5 s at 10,000 statements.
  const all = memoByDbState(db, `flags:${workspaceId}`, () => {
    const data = loadWorkspaceFlags(db, { workspaceId });
    return data.flags.map((f) => enrich(f, data));
  });
  return all.filter((f) => matches(f, filters));
}

/** Flags a statement takes part in, on either side: read from the workspace's remembered flags, not computed again per statement page. */
export function listFlagsByStatement(db: DB, { workspaceId, statementId }: { workspaceId: number; statementId: number }): FlagView[] {
  return listFlagsByWorkspace(db, { workspaceId }).filter((f) => f.earlierId === statementId || f.laterId === statementId);
}


/** Flags not dismissed, and the weightiest few (most severe, then most recent) for the overview. */
export function summarizeOpenFlags(db: DB, { workspaceId, top = 3 }: { workspaceId: number; top?: number }) {
  const open = listFlagsByWorkspace(db, { workspaceId }).filter((f) => f.status !== "dismissed");
  const ranked = open.map((f, i) => ({ f, i })).sort((a, b) => SEVERITY_WEIGHT[b.f.severity] - SEVERITY_WEIGHT[a.f.severity] || b.i - a.i);
  return { count: open.length, detected: open.filter((f) => f.status === "detected").length, top: ranked.slice(0, top).map((x) => x.f) };
}

/** A flag that exists now, judged as if unreviewed, so a review can be changed even when it hid the flag. */
function requireCurrentFlag(tx: Tx, workspaceId: number, flagKey: string): Flag {
  if (!parseFlagKey(flagKey)) throw invalid("That is not a known kind of flag.", "flagKey");
  const flag = findCurrentFlag(tx, { workspaceId, flagKey });
  if (!flag) throw notFound("That flag", "flagKey");
  return flag;
}

/** Confirms (with an optional verdict) or dismisses a flag; one review per flag key, the latest wins. */
export function reviewFlag(db: DB, { workspaceId, actorId, flagKey, decision, verdict = null, note = "" }: {
  workspaceId: number; actorId: number; flagKey: string; decision: "confirmed" | "dismissed"; verdict?: Verdict | null; note?: string;
}): FlagReview {
  return db.transaction((tx) => {
    const flag = requireCurrentFlag(tx, workspaceId, flagKey);
    if (decision === "dismissed" && verdict) throw invalid("A dismissed flag takes no verdict.", "verdict");
    if (flag.rule === "dispute" && verdict) throw invalid("A dispute is between two speakers; the Flip-O-Meter rates one speaker against themselves.", "verdict");
    const before = tx.select().from(flagReviews).where(and(eq(flagReviews.workspaceId, workspaceId), eq(flagReviews.flagKey, flagKey))).get() ?? null;
    const values = { decision, verdict: decision === "confirmed" ? verdict : null, note, createdBy: actorId, updatedAt: new Date().toISOString() };
    const after = tx.insert(flagReviews).values({ workspaceId, flagKey, ...values })
      .onConflictDoUpdate({ target: [flagReviews.workspaceId, flagReviews.flagKey], set: values }).returning().get();
    recordAuditEvent(tx, { workspaceId, entityType: "flag", entityId: flagKey, action: "review", before, after, actorId });
    return after;
  });
}

/** Takes a review back: the flag returns to what the engine says on its own. */
export function undoFlagReview(db: DB, { workspaceId, actorId, flagKey }: { workspaceId: number; actorId: number; flagKey: string }) {
  db.transaction((tx) => {
    const before = tx.select().from(flagReviews).where(and(eq(flagReviews.workspaceId, workspaceId), eq(flagReviews.flagKey, flagKey))).get();
    if (!before) throw notFound("A review of that flag", "flagKey");
    tx.delete(flagReviews).where(eq(flagReviews.id, before.id)).run();
    recordAuditEvent(tx, { workspaceId, entityType: "flag", entityId: flagKey, action: "delete", before, actorId });
  });
}

import { and, asc, eq, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import type { DB } from "../index";
import { articles, flagReviews, links, speakers, statements, statementTopics, topics, type DatePrecision, type StatementKind } from "../schema";
import { stancesByStatement, type StanceRow } from "./statements";
import { computeFlags, type Flag, type FlagSeverity, type FlagStatus, type StatementFacts } from "@/lib/flags/engine";
import { describeStance } from "@/lib/flags/stance-shift";
import { boundEnd, boundStart, type TimelineViewState } from "@/lib/timeline/view-state";
import type { FlagRule } from "@/lib/domain/enums";

/** A statement as the timeline shows it. Deliberately without private notes or authorship. */
export interface TimelineStatement {
  id: number;
  articleId: number;
  speakerId: number;
  speakerName: string;
  quote: string;
  summary: string;
  kind: StatementKind;
  saidOn: string;
  saidOnPrecision: DatePrecision;
  stances: StanceRow[];
  articleTitle: string;
  publisher: string | null;
  articleUrl: string | null;
  /** The note only when its author made it public; private notes never leave the workspace. */
  publicNote: string | null;
}

export interface TimelineFlag {
  key: string;
  rule: FlagRule;
  severity: FlagSeverity;
  status: FlagStatus;
  earlierId: number;
  laterId: number;
  /** In words with names, not ids: the engine's generated text names statements by number. */
  rationale: string;
  orderUncertain: boolean;
}

export interface TimelineData {
  statements: TimelineStatement[];
  /** Flags whose two statements are both in `statements`; dismissed flags are left out. */
  flags: TimelineFlag[];
  /** First and last said-on date shown, for describing the view in words. */
  span: { first: string; last: string } | null;
}

/** The last day a said-on period covers, in SQL, so a month-precision date overlaps the range it falls in. */
const periodEnd = sql<string>`case ${statements.saidOnPrecision}
  when 'day' then ${statements.saidOn}
  when 'month' then date(${statements.saidOn}, '+1 month', '-1 day')
  else date(${statements.saidOn}, '+1 year', '-1 day') end`;
const precisionRank = sql`case ${statements.saidOnPrecision} when 'day' then 0 when 'month' then 1 else 2 end`;

function filterConditions(workspaceId: number, filter: TimelineViewState): SQL[] {
  const where: SQL[] = [eq(statements.workspaceId, workspaceId)];
  if (filter.speakers.length) where.push(inArray(statements.speakerId, filter.speakers));
  if (filter.kinds.length) where.push(inArray(statements.kind, filter.kinds));
  if (filter.topics.length) {
    where.push(sql`exists (select 1 from ${statementTopics} where ${statementTopics.statementId} = ${statements.id} and ${inArray(statementTopics.topicId, filter.topics)})`);
  }
  // A statement is in range when its period overlaps the range at all.
  if (filter.to) where.push(lte(statements.saidOn, boundEnd(filter.to)));
  if (filter.from) where.push(gte(periodEnd, boundStart(filter.from)));
  return where;
}

/**
 * Everything the flag engine needs for the whole workspace. Flags are
 * computed over all statements (a stance shift is between consecutive
 * statements of a speaker, whatever the view shows) and then narrowed to the
 * view, so a filter never invents a shift by hiding the statement in between.
 */
export function loadWorkspaceFlags(db: DB, { workspaceId }: { workspaceId: number }): Flag[] {
  const facts = new Map<number, StatementFacts>();
  for (const s of db.select({ id: statements.id, speakerId: statements.speakerId, saidOn: statements.saidOn, precision: statements.saidOnPrecision })
    .from(statements).where(eq(statements.workspaceId, workspaceId)).all()) {
    facts.set(s.id, { id: s.id, speakerId: s.speakerId, saidOn: { date: s.saidOn, precision: s.precision }, stances: [] });
  }
  for (const st of db.select({ statementId: statementTopics.statementId, topicId: statementTopics.topicId, stance: statementTopics.stance, condition: statementTopics.condition })
    .from(statementTopics).innerJoin(statements, eq(statements.id, statementTopics.statementId))
    .where(eq(statements.workspaceId, workspaceId)).all()) {
    facts.get(st.statementId)?.stances.push({ topicId: st.topicId, stance: st.stance, condition: st.condition });
  }
  const linkFacts = db.select().from(links).where(eq(links.workspaceId, workspaceId)).all()
    .map((l) => ({ id: l.id, fromId: l.fromStatementId, toId: l.toStatementId, relation: l.relation, verdict: l.verdict, rationale: l.rationale }));
  const reviews = db.select({ flagKey: flagReviews.flagKey, decision: flagReviews.decision, verdict: flagReviews.verdict })
    .from(flagReviews).where(eq(flagReviews.workspaceId, workspaceId)).orderBy(asc(flagReviews.id)).all();
  return computeFlags({ statements: [...facts.values()], links: linkFacts, reviews });
}

/**
 * The statements a timeline view shows, in said-on order, with the flags
 * among them. Statements outside the filter are never loaded, so nothing
 * downstream (a shared page, an embed, a CSV) can leak them.
 */
export function getTimelineView(db: DB, { workspaceId, filter }: { workspaceId: number; filter: TimelineViewState }): TimelineData {
  const rows = db.select({
    id: statements.id, articleId: statements.articleId, speakerId: statements.speakerId, speakerName: speakers.name,
    quote: statements.quote, summary: statements.summary, kind: statements.kind, saidOn: statements.saidOn,
    saidOnPrecision: statements.saidOnPrecision, note: statements.note, notePrivate: statements.notePrivate,
    articleTitle: articles.title, publisher: articles.publisher, articleUrl: articles.url,
  }).from(statements)
    .innerJoin(speakers, eq(speakers.id, statements.speakerId))
    .innerJoin(articles, eq(articles.id, statements.articleId))
    .where(and(...filterConditions(workspaceId, filter)))
    .orderBy(asc(statements.saidOn), asc(precisionRank), asc(statements.id)).all();

  const inView = new Set(rows.map((r) => r.id));
  let flags = loadWorkspaceFlags(db, { workspaceId })
    .filter((f) => f.status !== "dismissed" && inView.has(f.earlierId) && inView.has(f.laterId));
  if (filter.confirmed) flags = flags.filter((f) => f.status === "confirmed");

  let kept = rows;
  if (filter.flagged || filter.confirmed) {
    const flagged = new Set(flags.flatMap((f) => [f.earlierId, f.laterId]));
    kept = rows.filter((r) => flagged.has(r.id));
  }

  const stances = stancesByStatement(db, kept.map((r) => r.id));
  const out: TimelineStatement[] = kept.map(({ note, notePrivate, ...r }) => ({
    ...r, stances: stances.get(r.id) ?? [], publicNote: !notePrivate && note.trim() ? note : null,
  }));
  const byId = new Map(out.map((s) => [s.id, s]));
  const topicNames = topicNamesFor(db, workspaceId, flags);
  return {
    statements: out,
    flags: flags.map((f) => ({
      key: f.key, rule: f.rule, severity: f.severity, status: f.status, earlierId: f.earlierId, laterId: f.laterId,
      rationale: rationaleInWords(f, byId, topicNames), orderUncertain: f.orderUncertain,
    })),
    span: out.length ? { first: out[0].saidOn, last: out[out.length - 1].saidOn } : null,
  };
}

function topicNamesFor(db: DB, workspaceId: number, flags: Flag[]): Map<number, string> {
  const ids = [...new Set(flags.map((f) => f.topicId).filter((id): id is number => id !== undefined))];
  if (!ids.length) return new Map();
  return new Map(db.select({ id: topics.id, name: topics.name }).from(topics)
    .where(and(eq(topics.workspaceId, workspaceId), inArray(topics.id, ids))).all().map((t) => [t.id, t.name]));
}

/** A person's rationale is kept; generated ones are rewritten with names and topic names. */
function rationaleInWords(f: Flag, byId: Map<number, TimelineStatement>, topicNames: Map<number, string>): string {
  if (f.rule === "stance_shift" && f.shift) {
    const topic = topicNames.get(f.topicId ?? -1) ?? "the topic";
    return `Stance on ${topic} moved from ${describeStance(f.shift.from, f.shift.fromCondition)} to ${describeStance(f.shift.to, f.shift.toCondition)}.`;
  }
  if (!/^Statement \d+ /.test(f.rationale)) return f.rationale;
  const later = byId.get(f.laterId);
  const earlier = byId.get(f.earlierId);
  if (!later || !earlier) return f.rationale;
  const verb = f.relation ?? "contradicts";
  return f.rule === "dispute"
    ? `${later.speakerName} ${verb} what ${earlier.speakerName} said on ${earlier.saidOn}.`
    : `${later.speakerName} ${verb} their own statement of ${earlier.saidOn}.`;
}

import { and, asc, eq, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import type { DB } from "../index";
import { articles, speakers, statements, statementTopics } from "../schema";
import { stancesByStatement } from "./statements";
import { listFlagsByWorkspace } from "./flags";
import { memoByDbState } from "./derived-cache";
import { buildTimelineModel, type TimelineFlag, type TimelineModel, type TimelineStatement } from "@/lib/timeline/model";
import { resolveScale } from "@/lib/timeline/buckets";
import { boundEnd, boundStart, serializeTimelineView, type TimelineViewState } from "@/lib/timeline/view-state";

export type { TimelineFlag, TimelineStatement } from "@/lib/timeline/model";

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
 * The statements a timeline view shows, in said-on order, with the flags
 * among them. Statements outside the filter are never loaded, so nothing
 * downstream (a shared page, an embed, a CSV) can leak them.
 */
export function getTimelineView(db: DB, { workspaceId, filter }: { workspaceId: number; filter: TimelineViewState }): TimelineData {
  return memoByDbState(db, `timeline:${workspaceId}:${filterKey(filter)}`, () => loadTimelineView(db, workspaceId, filter));
}

/** What decides which rows and flags a view holds (not their order, scale or selection). */
const filterKey = (filter: TimelineViewState) => serializeTimelineView({ ...filter, selected: null, scale: null, order: "asc" });

/**
 * A view laid out for the timeline component: the rows in display order with
 * their flag brackets, built once per database state and view, so a page and
 * every window of rows its list fetches afterwards share one layout.
 */
export function getTimelineModel(db: DB, { workspaceId, filter }: { workspaceId: number; filter: TimelineViewState }): { data: TimelineData; model: TimelineModel } {
  const data = getTimelineView(db, { workspaceId, filter });
  // The scale is resolved inside the memo: finding it scans every statement, which cost each request milliseconds.
  return memoByDbState(db, `timeline-model:${workspaceId}:${filterKey(filter)}:${filter.scale ?? "auto"}:${filter.order}`, () => ({
    data, model: buildTimelineModel(data.statements, data.flags, resolveScale(filter.scale, data.statements), filter.order),
  }));
}

function loadTimelineView(db: DB, workspaceId: number, filter: TimelineViewState): TimelineData {
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
  // Flags are computed over the whole workspace (a stance shift is between
  // consecutive statements of a speaker, whatever the view shows) and then
  // narrowed to the view, so a filter never invents a shift by hiding the
  // statement in between. The flags module words them with names and dates.
  let flags = listFlagsByWorkspace(db, { workspaceId })
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
  return {
    statements: out,
    flags: flags.map((f) => ({
      key: f.key, rule: f.rule, severity: f.severity, status: f.status, earlierId: f.earlierId, laterId: f.laterId,
      rationale: f.rationale, orderUncertain: f.orderUncertain,
    })),
    span: out.length ? { first: out[0].saidOn, last: out[out.length - 1].saidOn } : null,
  };
}

import type Database from "better-sqlite3";
import type { DB } from "../index";
import { openReadSnapshot, type ReadSnapshot } from "./export-snapshot";
import { CSV_PAGE_ROWS, type CsvPageSource } from "@/lib/export/csv";
import type { AnchorStatus, DatePrecision, LinkRelation, Stance, StatementKind, Verdict } from "@/lib/domain/enums";
import type { ExportLink, ExportStatement, ExportTopicStance } from "@/lib/export/types";

// Row sources for the exports, in plain SQL on better-sqlite3 with rows as
// arrays: through drizzle a statement cost ~23 µs to read, more than writing
// it as CSV. Whole files are read in keyset pages inside one read snapshot
// (export-snapshot.ts) rather than with .iterate(): a page is read only when
// the client has taken the previous one, so memory stays at one page, and
// no iterator is left open between pages.

/** Small enough that a page's garbage dies young (see CSV_PAGE_ROWS); a page is a few cheap indexed reads. */
export const EXPORT_PAGE_SIZE = CSV_PAGE_ROWS;

export interface ExportScope {
  workspaceId: number;
  /** Absolute origin of the app ("https://claimline.example"), for permalinks. */
  origin: string;
  pageSize?: number;
}

export function statementPermalink(origin: string, slug: string, id: number): string {
  return `${origin.replace(/\/+$/, "")}/w/${encodeURIComponent(slug)}/statements/${id}`;
}

// Prepared once per connection: the app's lives as long as the process, a snapshot's for one export.
const prepared = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A cached statement returning rows as arrays (no per-row object with named keys). */
function rawStatement(sqlite: Database.Database, sql: string): Database.Statement {
  let cache = prepared.get(sqlite);
  if (!cache) prepared.set(sqlite, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = sqlite.prepare(sql).raw(true)));
  return statement;
}

/**
 * `+s.workspace_id` so no index can use it: these reads are driven by
 * statement ids (a keyset range or an id list). Without table statistics
 * SQLite guesses an equality on an indexed column matches ~10 rows and walks
 * the workspace index instead, visiting the whole workspace for every page:
 * minutes, not seconds, at 100,000 statements.
 */
const STATEMENT_SELECT = `SELECT s.id, w.slug, s.speaker_id, sp.name, s.said_on, s.said_on_precision, s.kind, s.summary, s.quote, s.prefix, s.suffix,
  s.start, s."end", s.anchor_status, a.id, a.title, a.publisher, a.url, a.published_at, s.note, s.note_private, u.name, s.created_at, s.updated_at
  FROM statements s JOIN workspaces w ON w.id = s.workspace_id JOIN speakers sp ON sp.id = s.speaker_id
  JOIN articles a ON a.id = s.article_id JOIN users u ON u.id = s.created_by
  WHERE +s.workspace_id = ? AND`;
const STATEMENTS_AFTER = `${STATEMENT_SELECT} s.id > ? ORDER BY s.id LIMIT ?`;
// Ids go in as one JSON array: one cached statement for any number of them, and no limit on bound variables.
const STATEMENTS_BY_IDS = `${STATEMENT_SELECT} s.id IN (SELECT value FROM json_each(?))`;
// By topic id within a statement: the primary key's order, which the files have always had.
const STANCES_BY_IDS = `SELECT st.statement_id, t.id, t.name, st.stance, st.condition
  FROM statement_topics st JOIN topics t ON t.id = st.topic_id
  WHERE st.statement_id IN (SELECT value FROM json_each(?)) ORDER BY st.statement_id, st.topic_id`;

type StatementRow = [
  id: number, slug: string, speakerId: number, speakerName: string, saidOn: string, precision: DatePrecision, kind: StatementKind,
  summary: string, quote: string, prefix: string, suffix: string, start: number, end: number, anchorStatus: AnchorStatus,
  articleId: number, title: string, publisher: string | null, url: string | null, publishedAt: string | null,
  note: string, notePrivate: number, createdBy: string, createdAt: string, updatedAt: string,
];
type StanceRow = [statementId: number, topicId: number, name: string, stance: Stance, condition: string];

function stancesByStatement(sqlite: Database.Database, ids: readonly number[]): Map<number, ExportTopicStance[]> {
  const out = new Map<number, ExportTopicStance[]>();
  for (const [statementId, id, name, stance, condition] of rawStatement(sqlite, STANCES_BY_IDS).all(JSON.stringify(ids)) as StanceRow[]) {
    let list = out.get(statementId);
    if (!list) out.set(statementId, (list = []));
    list.push({ id, name, stance, condition: condition || null });
  }
  return out;
}

function toExportStatements(sqlite: Database.Database, rows: StatementRow[], origin: string): ExportStatement[] {
  const stances = stancesByStatement(sqlite, rows.map((r) => r[0]));
  return rows.map(([id, slug, speakerId, speakerName, saidOn, precision, kind, summary, quote, prefix, suffix, start, end, anchorStatus,
    articleId, title, publisher, url, publishedAt, note, notePrivate, createdBy, createdAt, updatedAt]) => ({
    id,
    workspaceSlug: slug,
    speaker: { id: speakerId, name: speakerName },
    saidOn: { date: saidOn, precision },
    kind,
    topics: stances.get(id) ?? [],
    summary, quote, prefix, suffix, start, end, anchorStatus,
    article: { id: articleId, title, publisher, url, publishedAt },
    note,
    notePrivate: notePrivate === 1,
    createdBy, createdAt, updatedAt,
    permalink: statementPermalink(origin, slug, id),
  }));
}

/**
 * Pages of rows in id order, each after the last id of the one before. The
 * snapshot is opened by the first page, so a stream nobody reads holds none.
 */
function keysetPages<Row extends { id: number }>(db: DB, pageSize: number, readPage: (sqlite: Database.Database, afterId: number) => Row[]): CsvPageSource<Row> {
  let snapshot: ReadSnapshot | null = null;
  let afterId = 0;
  let done = false;
  const close = () => {
    done = true;
    snapshot?.close();
    snapshot = null;
  };
  return {
    nextPage() {
      if (done) return [];
      snapshot ??= openReadSnapshot(db);
      const rows = readPage(snapshot.sqlite, afterId);
      // A short page is the last one: no need to ask again.
      if (rows.length < pageSize) done = true;
      if (rows.length > 0) afterId = rows[rows.length - 1].id;
      return rows;
    },
    close,
  };
}

/** Every row of a paged source, closing it however the loop ends. */
function* allRows<Row>(pages: CsvPageSource<Row>): Generator<Row> {
  try {
    for (let page = pages.nextPage(); page.length > 0; page = pages.nextPage()) yield* page;
  } finally {
    pages.close();
  }
}

/** Every statement of a workspace in id order, a page at a time from one snapshot. */
export function exportStatementPages(db: DB, { workspaceId, origin, pageSize = EXPORT_PAGE_SIZE }: ExportScope): CsvPageSource<ExportStatement> {
  return keysetPages(db, pageSize, (sqlite, afterId) =>
    toExportStatements(sqlite, rawStatement(sqlite, STATEMENTS_AFTER).all(workspaceId, afterId, pageSize) as StatementRow[], origin));
}

export function iterateExportStatements(db: DB, scope: ExportScope): Generator<ExportStatement> {
  return allRows(exportStatementPages(db, scope));
}

/** Chosen statements of a workspace, returned in the order of `ids` (ids from elsewhere are skipped). */
export function loadExportStatements(db: DB, { workspaceId, origin, ids }: ExportScope & { ids: readonly number[] }): ExportStatement[] {
  const rows = rawStatement(db.$client, STATEMENTS_BY_IDS).all(workspaceId, JSON.stringify(ids)) as StatementRow[];
  const byId = new Map(toExportStatements(db.$client, rows, origin).map((s) => [s.id, s]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * Links with both statements' ids, speakers, dates and full quotes. Both ends
 * must be in the link's workspace; foreign keys cascade, so the inner joins
 * drop nothing else.
 */
const LINKS_AFTER = `SELECT l.id, l.relation, l.verdict, l.rationale, u.name, l.created_at, w.slug,
  f.id, fs.name, f.said_on, f.said_on_precision, f.quote, t.id, ts.name, t.said_on, t.said_on_precision, t.quote
  FROM links l JOIN users u ON u.id = l.created_by JOIN workspaces w ON w.id = l.workspace_id
  JOIN statements f ON f.id = l.from_statement_id JOIN speakers fs ON fs.id = f.speaker_id
  JOIN statements t ON t.id = l.to_statement_id JOIN speakers ts ON ts.id = t.speaker_id
  WHERE l.workspace_id = ? AND +f.workspace_id = l.workspace_id AND +t.workspace_id = l.workspace_id AND l.id > ?
  ORDER BY l.id LIMIT ?`;

type LinkRow = [
  id: number, relation: LinkRelation, verdict: Verdict | null, rationale: string, createdBy: string, createdAt: string, slug: string,
  fromId: number, fromSpeaker: string, fromSaidOn: string, fromPrecision: DatePrecision, fromQuote: string,
  toId: number, toSpeaker: string, toSaidOn: string, toPrecision: DatePrecision, toQuote: string,
];

/** Every link of a workspace in id order, a page at a time from one snapshot. */
export function exportLinkPages(db: DB, { workspaceId, origin, pageSize = EXPORT_PAGE_SIZE }: ExportScope): CsvPageSource<ExportLink> {
  return keysetPages(db, pageSize, (sqlite, afterId) => (rawStatement(sqlite, LINKS_AFTER).all(workspaceId, afterId, pageSize) as LinkRow[]).map(
    ([id, relation, verdict, rationale, createdBy, createdAt, slug, fromId, fromSpeaker, fromSaidOn, fromPrecision, fromQuote, toId, toSpeaker, toSaidOn, toPrecision, toQuote]) => ({
      id, relation, verdict, rationale, createdBy, createdAt,
      from: { id: fromId, speakerName: fromSpeaker, saidOn: { date: fromSaidOn, precision: fromPrecision }, quote: fromQuote, permalink: statementPermalink(origin, slug, fromId) },
      to: { id: toId, speakerName: toSpeaker, saidOn: { date: toSaidOn, precision: toPrecision }, quote: toQuote, permalink: statementPermalink(origin, slug, toId) },
    })));
}

export function iterateExportLinks(db: DB, scope: ExportScope): Generator<ExportLink> {
  return allRows(exportLinkPages(db, scope));
}

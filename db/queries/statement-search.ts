import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { integer, sqliteTable } from "drizzle-orm/sqlite-core";
import { z } from "zod";
import type { DB } from "../index";
import { articles, speakers, statements } from "../schema";
import { invalid } from "../errors";
import { statementListColumns, withStances, type StatementListItem } from "./statement-lists";
import { parseUserSearch } from "@/lib/search/user-fts-query";
import type { StatementFilters, StatementSortOrder } from "@/lib/validation/statement-filters";

// The FTS5 table made by migration 0001 (rowid = statement id). Declared here,
// not in schema.ts, because drizzle-kit must not try to manage a virtual table.
const statementSearch = sqliteTable("statement_search", { rowid: integer("rowid") });

// bm25 weights per column (quote, summary, note, names): the quote matters most.
const rank = sql<number>`bm25(statement_search, 4.0, 2.0, 1.0, 1.0)`;

// Joining statement_search row by row makes FTS5 evaluate the MATCH once per
// statement (seconds at 100,000 rows). The matches are read once instead: a
// rowid set for filtering, or, when ranking, a materialised subquery (its
// LIMIT keeps SQLite from flattening it back into the per-row form).
const matchingIds = (match: string) => sql`${statements.id} in (select rowid from statement_search where statement_search match ${match})`;
function rankedMatches(db: DB, match: string) {
  return db.select({ rid: sql<number>`rowid`.as("rid"), score: rank.as("score") }).from(statementSearch)
    .where(sql`statement_search match ${match}`).limit(Number.MAX_SAFE_INTEGER).as("ranked");
}

export interface StatementSearchInput {
  workspaceId: number;
  filters?: StatementFilters;
  sort?: StatementSortOrder;
  cursor?: string;
  limit?: number;
}
export interface StatementSearchPage {
  items: StatementListItem[];
  /** Opaque; the page after the last item, null on the last page. */
  nextCursor: string | null;
  /** Opaque; the page before the first item, null on the first page. */
  prevCursor: string | null;
  /** How many statements match the filters (all pages). */
  total: number;
}

type SortValue = string | number;
/** A position in the ordering: the sort key values of one row (its id last), and which side of it the page lies on. */
const cursorSchema = z.tuple([
  z.literal(1), z.enum(["saidOn", "speaker", "createdAt", "relevance"]), z.enum(["asc", "desc"]), z.enum(["after", "before"]),
  z.array(z.union([z.string().max(400), z.number()])).min(2).max(3),
]);
type Cursor = { by: StatementSortOrder["by"]; dir: StatementSortOrder["dir"]; side: "after" | "before"; values: SortValue[] };

export function encodeStatementCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([1, c.by, c.dir, c.side, c.values]), "utf8").toString("base64url");
}

function decodeCursor(raw: string, sort: StatementSortOrder): Cursor {
  let parsed: z.infer<typeof cursorSchema> | null = null;
  try {
    const result = cursorSchema.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    parsed = result.success ? result.data : null;
  } catch {
    parsed = null;
  }
  if (!parsed) throw invalid("This page link is damaged or out of date; start again from the first page.", "cursor");
  const [, by, dir, side, values] = parsed;
  if (by !== sort.by || dir !== sort.dir) throw invalid("This page link belongs to another sort order; start again from the first page.", "cursor");
  if (values.length !== sortColumns(by).length) throw invalid("This page link is damaged; start again from the first page.", "cursor");
  return { by, dir, side, values };
}

/** The ordering: always ends with the id, so ties (same day, same speaker) still have one stable order. */
function sortColumns(by: StatementSortOrder["by"], score: SQL = sql`0`): SQL[] {
  switch (by) {
    case "speaker": return [sql`${speakers.name} collate nocase`, sql`${statements.saidOn}`, sql`${statements.id}`];
    case "createdAt": return [sql`${statements.createdAt}`, sql`${statements.id}`];
    // Lower bm25 is better, so "desc" (best first) orders by rank ascending: negate it to keep one direction rule.
    case "relevance": return [sql`(-${score})`, sql`${statements.id}`];
    default: return [sql`${statements.saidOn}`, sql`${statements.id}`];
  }
}

/** Said-on periods (day, month or year) that overlap [from, to]. */
function saidOnOverlap(from?: string, to?: string): SQL[] {
  const periodEnd = sql`(case ${statements.saidOnPrecision} when 'month' then date(${statements.saidOn}, '+1 month', '-1 day') when 'year' then date(${statements.saidOn}, '+1 year', '-1 day') else ${statements.saidOn} end)`;
  return [
    ...(to ? [sql`${statements.saidOn} <= ${to}`] : []),
    // The period starts at most a year before `from`: a bound the index can use.
    ...(from ? [sql`${statements.saidOn} >= date(${from}, '-1 year')`, sql`${periodEnd} >= ${from}`] : []),
  ];
}

function stanceFilter(f: StatementFilters): SQL | undefined {
  const parts = [
    f.topicIds?.length ? sql`st.topic_id in (${sql.join(f.topicIds.map((t) => sql`${t}`), sql`, `)})` : null,
    f.stances?.length ? sql`st.stance in (${sql.join(f.stances.map((s) => sql`${s}`), sql`, `)})` : null,
  ].filter((p): p is SQL => p !== null);
  if (parts.length === 0) return undefined;
  return sql`exists (select 1 from statement_topics st where st.statement_id = ${statements.id} and ${sql.join(parts, sql` and `)})`;
}

function filterConditions(workspaceId: number, f: StatementFilters): (SQL | undefined)[] {
  return [
    eq(statements.workspaceId, workspaceId),
    f.speakerIds?.length ? inArray(statements.speakerId, f.speakerIds) : undefined,
    f.kinds?.length ? inArray(statements.kind, f.kinds) : undefined,
    f.articleId !== undefined ? eq(statements.articleId, f.articleId) : undefined,
    stanceFilter(f),
    ...saidOnOverlap(f.from, f.to),
  ];
}

/** `(a, b, id) > (x, y, z)`: SQLite row values give keyset paging over several columns in one comparison. */
function keyset(columns: SQL[], values: SortValue[], greater: boolean): SQL {
  return sql`(${sql.join(columns, sql`, `)}) ${greater ? sql`>` : sql`<`} (${sql.join(values.map((v) => sql`${v}`), sql`, `)})`;
}

/**
 * One page of a workspace's statements, filtered, searched and sorted, with
 * keyset (cursor) paging so page 1,000 of 50,000 rows costs what page 1 does
 * and rows never repeat or vanish between pages when ties share a date.
 * Throws AppError("invalid") for a search without words or a bad cursor.
 */
export function searchStatementsByWorkspace(db: DB, { workspaceId, filters = {}, sort = { by: "saidOn", dir: "desc" }, cursor, limit = 50 }: StatementSearchInput): StatementSearchPage {
  const match = filters.q?.trim() ? parseUserSearch(filters.q).match : null;
  if (filters.q?.trim() && match === null) throw invalid("Search for at least one word or number (punctuation and emoji are ignored).", "q");
  if (sort.by === "relevance" && match === null) sort = { by: "saidOn", dir: sort.dir };
  const pageSize = Math.max(1, Math.min(limit, 500));
  const at = cursor ? decodeCursor(cursor, sort) : null;
  const ranked = sort.by === "relevance" && match !== null ? rankedMatches(db, match) : null;
  const columns = sortColumns(sort.by, ranked ? sql`${ranked.score}` : undefined);
  const ascending = sort.dir === "asc";
  const backwards = at?.side === "before";
  // Reading backwards: walk the order in reverse from the cursor, then flip the rows back.
  const walkAscending = ascending !== backwards;
  const filtered = filterConditions(workspaceId, filters);
  const where = match !== null ? [...filtered, matchingIds(match)] : filtered;
  // With the ranked join, the join itself keeps only matches.
  const pageWhere = ranked ? filtered : where;

  const base = () => {
    // Sort values come back as their own columns (not JSON) so floats such as bm25 ranks round-trip exactly.
    const keys = { k0: sql<SortValue>`${columns[0]}`, k1: sql<SortValue>`${columns[1]}`, k2: sql<SortValue | null>`${columns[2] ?? sql`null`}` };
    const q = db.select({ ...statementListColumns, ...keys }).from(statements)
      .innerJoin(speakers, eq(speakers.id, statements.speakerId))
      .innerJoin(articles, eq(articles.id, statements.articleId));
    return ranked ? q.innerJoin(ranked, eq(ranked.rid, statements.id)) : q;
  };
  const rows = base()
    .where(and(...pageWhere, at ? keyset(columns, at.values, walkAscending) : undefined))
    .orderBy(...columns.map((c) => (walkAscending ? asc(c) : desc(c))))
    .limit(pageSize + 1).all();
  const more = rows.length > pageSize;
  const pageRows = rows.slice(0, pageSize);
  if (backwards) pageRows.reverse();

  const total = db.select({ n: sql<number>`count(*)` }).from(statements).where(and(...where)).get()?.n ?? 0;

  const keyOf = (row: { k0: SortValue; k1: SortValue; k2: SortValue | null }) => [row.k0, row.k1, row.k2].slice(0, columns.length) as SortValue[];
  const first = pageRows[0];
  const last = pageRows[pageRows.length - 1];
  const hasNext = backwards ? at !== null : more;
  const hasPrev = backwards ? more : at !== null;
  const items = withStances(db, pageRows.map(({ k0: _k0, k1: _k1, k2: _k2, ...row }) => row));
  return {
    items,
    nextCursor: hasNext && last ? encodeStatementCursor({ ...sort, side: "after", values: keyOf(last) }) : null,
    prevCursor: hasPrev && first ? encodeStatementCursor({ ...sort, side: "before", values: keyOf(first) }) : null,
    total,
  };
}

import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { DB } from "../index";
import { articles, links, speakers, statements, users, workspaces } from "../schema";
import { stancesByStatement } from "./statements";
import type { ExportLink, ExportStatement, ExportStatementLite } from "@/lib/export/types";

// Row sources for the exports. They read in keyset pages rather than with
// better-sqlite3's .iterate(): a download streams while other requests use
// the same connection, and an open iterator would lock it ("connection is
// busy") for the whole download. A page at a time keeps memory flat too.

export const EXPORT_PAGE_SIZE = 1000;

export interface ExportScope {
  workspaceId: number;
  /** Absolute origin of the app ("https://claimline.example"), for permalinks. */
  origin: string;
  pageSize?: number;
}

export function statementPermalink(origin: string, slug: string, id: number): string {
  return `${origin.replace(/\/+$/, "")}/w/${encodeURIComponent(slug)}/statements/${id}`;
}

const statementColumns = {
  s: statements,
  slug: workspaces.slug,
  speakerName: speakers.name,
  createdByName: users.name,
  article: { id: articles.id, title: articles.title, publisher: articles.publisher, url: articles.url, publishedAt: articles.publishedAt },
};

/**
 * `workspace_id = ?` written so no index can use it: these reads are driven by
 * statement ids (a keyset range or an id list). Without table statistics
 * SQLite guesses an equality on an indexed column matches ~10 rows and walks
 * the workspace index instead, visiting the whole workspace for every page:
 * minutes, not seconds, at 100,000 statements.
 */
const inWorkspace = (column: typeof statements.workspaceId, workspaceId: number) => sql`+${column} = ${workspaceId}`;

function statementPage(db: DB, workspaceId: number, where: ReturnType<typeof and>, limit: number) {
  return db.select(statementColumns).from(statements)
    .innerJoin(workspaces, eq(workspaces.id, statements.workspaceId))
    .innerJoin(speakers, eq(speakers.id, statements.speakerId))
    .innerJoin(articles, eq(articles.id, statements.articleId))
    .innerJoin(users, eq(users.id, statements.createdBy))
    .where(and(inWorkspace(statements.workspaceId, workspaceId), where))
    .orderBy(asc(statements.id)).limit(limit).all();
}

type StatementPageRow = ReturnType<typeof statementPage>[number];

function toExportStatements(db: DB, rows: StatementPageRow[], origin: string): ExportStatement[] {
  const stances = stancesByStatement(db, rows.map((r) => r.s.id));
  return rows.map(({ s, slug, speakerName, createdByName, article }) => ({
    id: s.id,
    workspaceSlug: slug,
    speaker: { id: s.speakerId, name: speakerName },
    saidOn: { date: s.saidOn, precision: s.saidOnPrecision },
    kind: s.kind,
    topics: (stances.get(s.id) ?? []).map((t) => ({ id: t.topicId, name: t.topicName, stance: t.stance, condition: t.condition || null })),
    summary: s.summary,
    quote: s.quote,
    prefix: s.prefix,
    suffix: s.suffix,
    start: s.start,
    end: s.end,
    anchorStatus: s.anchorStatus,
    article,
    note: s.note,
    notePrivate: s.notePrivate,
    createdBy: createdByName,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    permalink: statementPermalink(origin, slug, s.id),
  }));
}

/** Every statement of a workspace in id order, a page at a time. */
export function* iterateExportStatements(db: DB, { workspaceId, origin, pageSize = EXPORT_PAGE_SIZE }: ExportScope): Generator<ExportStatement> {
  let after = 0;
  for (;;) {
    const rows = statementPage(db, workspaceId, gt(statements.id, after), pageSize);
    if (rows.length === 0) return;
    yield* toExportStatements(db, rows, origin);
    after = rows[rows.length - 1].s.id;
    if (rows.length < pageSize) return;
  }
}

/** Chosen statements of a workspace, returned in the order of `ids` (ids from elsewhere are skipped). */
export function loadExportStatements(db: DB, { workspaceId, origin, ids }: ExportScope & { ids: readonly number[] }): ExportStatement[] {
  const byId = new Map<number, ExportStatement>();
  for (let i = 0; i < ids.length; i += 900) {
    const rows = statementPage(db, workspaceId, inArray(statements.id, ids.slice(i, i + 900)), 900);
    for (const s of toExportStatements(db, rows, origin)) byId.set(s.id, s);
  }
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The lite shape (id, speaker, date, full quote, permalink) for many statements in one query per 900 ids. */
export function loadLiteStatements(db: DB, { workspaceId, origin, ids }: ExportScope & { ids: readonly number[] }): Map<number, ExportStatementLite> {
  const out = new Map<number, ExportStatementLite>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 900) {
    const rows = db.select({ id: statements.id, quote: statements.quote, saidOn: statements.saidOn, precision: statements.saidOnPrecision, speakerName: speakers.name, slug: workspaces.slug })
      .from(statements)
      .innerJoin(speakers, eq(speakers.id, statements.speakerId))
      .innerJoin(workspaces, eq(workspaces.id, statements.workspaceId))
      .where(and(inWorkspace(statements.workspaceId, workspaceId), inArray(statements.id, unique.slice(i, i + 900)))).all();
    for (const r of rows) {
      out.set(r.id, { id: r.id, speakerName: r.speakerName, saidOn: { date: r.saidOn, precision: r.precision }, quote: r.quote, permalink: statementPermalink(origin, r.slug, r.id) });
    }
  }
  return out;
}

/** Every link of a workspace in id order, with both statements' ids, speakers, dates and full quotes. */
export function* iterateExportLinks(db: DB, { workspaceId, origin, pageSize = EXPORT_PAGE_SIZE }: ExportScope): Generator<ExportLink> {
  const creator = alias(users, "creator");
  let after = 0;
  for (;;) {
    const rows = db.select({ l: links, createdByName: creator.name }).from(links)
      .innerJoin(creator, eq(creator.id, links.createdBy))
      .where(and(eq(links.workspaceId, workspaceId), gt(links.id, after)))
      .orderBy(asc(links.id)).limit(pageSize).all();
    if (rows.length === 0) return;
    const lite = loadLiteStatements(db, { workspaceId, origin, ids: rows.flatMap(({ l }) => [l.fromStatementId, l.toStatementId]) });
    for (const { l, createdByName } of rows) {
      const from = lite.get(l.fromStatementId);
      const to = lite.get(l.toStatementId);
      // Foreign keys cascade, so both ends exist; a missing one means the row was deleted mid-export.
      if (!from || !to) continue;
      yield { id: l.id, relation: l.relation, verdict: l.verdict, rationale: l.rationale, createdBy: createdByName, createdAt: l.createdAt, from, to };
    }
    after = rows[rows.length - 1].l.id;
    if (rows.length < pageSize) return;
  }
}

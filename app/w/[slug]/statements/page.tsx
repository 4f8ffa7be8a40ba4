import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { connection } from "next/server";
import { AppError } from "@/db/errors";
import { workspacePage } from "@/app/_server/context";
import { searchStatementsByWorkspace, type StatementSearchPage } from "@/db/queries/statement-search";
import { listSpeakersByWorkspace } from "@/db/queries/speakers";
import { listTopicsByWorkspace } from "@/db/queries/topics";
import { listArticlesByWorkspace } from "@/db/queries/articles";
import { countWorkspaceContents } from "@/db/queries/workspaces";
import { firstIssue } from "@/lib/validation/common";
import {
  searchParamsToObject, statementQuery, statementQueryToSearchParams, toStatementSearch, type StatementQuery,
} from "@/lib/validation/statement-filters";
import { StatementFilterForm, type FilterValues } from "@/components/statements/statement-filter-form";
import { StatementsTable } from "@/components/statements/statements-table";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { ExportMenu } from "@/components/exports/export-menu";

export const metadata: Metadata = { title: "Statements" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const SORT_WORDS = { saidOn: "said on", speaker: "speaker", createdAt: "when tagged", relevance: "relevance" } as const;

export default async function StatementsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: SearchParams }) {
  await connection();
  const { slug } = await params;
  const { ws, db } = workspacePage(slug);
  const raw = searchParamsToObject(await searchParams);
  const base = `/w/${ws.slug}/statements`;

  const parsed = statementQuery.safeParse(raw);
  const query: StatementQuery = parsed.success ? parsed.data : statementQuery.parse({});
  const search = toStatementSearch(query);
  let error: { field?: string; message: string } | null = parsed.success ? null : firstIssue(parsed.error);
  let page: StatementSearchPage = { items: [], nextCursor: null, prevCursor: null, total: 0 };
  if (!error) {
    try {
      page = searchStatementsByWorkspace(db, { workspaceId: ws.id, ...search });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      error = { field: e.field, message: e.message };
    }
  }

  const href = (overrides: Partial<StatementQuery>) => {
    const qs = statementQueryToSearchParams({ ...query, cursor: undefined, ...overrides }).toString();
    return qs ? `${base}?${qs}` : base;
  };
  const workspaceIsEmpty = page.total === 0 && countWorkspaceContents(db, { workspaceId: ws.id }).statements === 0;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(",") : v);
  const values: FilterValues = Object.fromEntries(
    (["q", "speaker", "topic", "kind", "stance", "article", "from", "to", "sort", "dir", "limit"] as const).map((k) => [k, one(raw[k])]),
  );
  const sortWords = `sorted by ${SORT_WORDS[search.sort.by]}, ${search.sort.dir === "asc" ? "ascending" : "descending"}`;
  const shown = page.items.length;

  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-semibold tracking-tight">Statements</h1>
      <p className="mt-1 max-w-prose text-muted">Every tagged statement in this workspace. Filter, search and sort; the address bar keeps the view, so a link reproduces it.</p>
      <div className="mt-3 flex flex-wrap gap-2">
        <ExportMenu slug={ws.slug} />
        <Link href={`/w/${ws.slug}/import-csv`} className={buttonClass("secondary")}>Import statements from CSV</Link>
      </div>
      <div className="mt-6">
        {/* Keyed by the view: its fields are uncontrolled, so a new URL (a sort link, Back) must remount them with the new values. */}
        <StatementFilterForm key={JSON.stringify(values)} action={base} values={values} error={error}
          speakers={listSpeakersByWorkspace(db, { workspaceId: ws.id })}
          topics={listTopicsByWorkspace(db, { workspaceId: ws.id })}
          articles={listArticlesByWorkspace(db, { workspaceId: ws.id }).map((a) => ({ id: a.id, name: a.title }))} />
      </div>
      <section aria-labelledby="results" className="mt-6">
        <h2 id="results" className="sr-only">Results</h2>
        {workspaceIsEmpty ? (
          <EmptyState title="No statements yet"
            action={<Link href={`/w/${ws.slug}/articles`} className={buttonClass("primary")}>Go to articles</Link>}>
            A statement is a sentence someone said, tagged with who said it, when, and the stance it takes on a topic. Open an article,
            select a sentence and choose “Tag statement”; it will appear here, ready to filter, search and sort.
          </EmptyState>
        ) : shown === 0 && !error ? (
          <EmptyState title="No statements match this view"
            action={<Link href={base} className={buttonClass("secondary")}>Clear filters</Link>}>
            {query.q ? <>Every word must appear (in the quote, summary, note, or a speaker or topic name). Try fewer words, a prefix such as <code>negotiat*</code>, or </> : <>Try </>}
            removing a filter or widening the dates.
          </EmptyState>
        ) : shown > 0 ? (
          <>
            <p role="status" className="mb-2 text-sm text-muted">
              {page.total === 1 ? "1 statement" : `${page.total.toLocaleString("en")} statements`}{page.total > shown ? `, ${shown} on this page` : ""}, {sortWords}.
            </p>
            <StatementsTable slug={ws.slug} items={page.items} sort={search.sort} caption={`Statements, ${sortWords}`}
              sortHref={(by, dir) => href({ sort: by, dir })} />
            {page.prevCursor || page.nextCursor ? (
              <nav aria-label="Pages" className="mt-3 flex justify-between gap-2">
                {page.prevCursor ? <Link rel="prev" href={href({ cursor: page.prevCursor })} className={buttonClass("secondary")}>← Previous page</Link> : <span />}
                {page.nextCursor ? <Link rel="next" href={href({ cursor: page.nextCursor })} className={buttonClass("secondary")}>Next page →</Link> : null}
              </nav>
            ) : null}
          </>
        ) : null}
      </section>
    </main>
  );
}

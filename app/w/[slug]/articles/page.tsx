import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { connection } from "next/server";
import { workspacePage } from "@/app/_server/context";
import { listArticleSummaries } from "@/db/queries/article-list";
import { findWorkspaceBySlug } from "@/db/queries/workspaces";
import { DEMO_SLUG } from "@/db/seed-data";
import { ArticleListItem } from "@/components/articles/article-list-item";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { inputClass } from "@/components/ui/field";

export const metadata: Metadata = { title: "Articles" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ q?: string | string[] }> };

export default async function ArticlesPage({ params, searchParams }: Props) {
  await connection();
  const { slug } = await params;
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 200).trim() ?? "";
  const { ws, db } = workspacePage(slug);
  const list = listArticleSummaries(db, { workspaceId: ws.id, q });
  const showDemo = ws.slug !== DEMO_SLUG && findWorkspaceBySlug(db, { slug: DEMO_SLUG });
  const importHref = `/w/${ws.slug}/articles/new`;

  return (
    <main className="mx-auto max-w-4xl px-4 py-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Articles</h1>
        <Link href={importHref} className={buttonClass("primary")}>Import an article</Link>
      </div>
      {list.length > 0 || q ? (
        <form role="search" method="get" className="mt-5 flex gap-2" aria-label="Articles">
          <label htmlFor="article-search" className="sr-only">Search articles by title or publisher</label>
          <input id="article-search" type="search" name="q" defaultValue={q} placeholder="Search by title or publisher" className={inputClass} />
          <button type="submit" className={buttonClass("secondary")}>Search</button>
        </form>
      ) : null}

      {list.length === 0 && !q ? (
        <div className="mt-6">
          <EmptyState
            title="No articles yet"
            action={
              <div className="flex flex-wrap justify-center gap-2">
                <Link href={importHref} className={buttonClass("primary")}>Import your first article</Link>
                {showDemo ? <Link href={`/w/${DEMO_SLUG}/articles`} className={buttonClass("secondary")}>See the demo workspace</Link> : null}
              </div>
            }
          >
            An article is where statements come from: a news story, a transcript or a press release. Paste its text, upload a saved
            web page or give its address; Claimline keeps an exact copy you can tag sentence by sentence.
          </EmptyState>
        </div>
      ) : list.length === 0 ? (
        <p className="mt-6 text-sm" role="status">
          No articles match “{q}”. <Link href={`/w/${ws.slug}/articles`} className="text-accent underline">Show all articles</Link>
        </p>
      ) : (
        <>
          <p className="mt-4 text-sm text-muted" role="status">
            {q ? `${list.length} article${list.length === 1 ? "" : "s"} match “${q}”.` : `${list.length} article${list.length === 1 ? "" : "s"}.`}
          </p>
          <ol className="mt-3 flex flex-col gap-3" aria-label="Articles in this workspace">
            {list.map((a) => <li key={a.id}><ArticleListItem slug={ws.slug} article={a} /></li>)}
          </ol>
        </>
      )}
    </main>
  );
}

import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { connection } from "next/server";
import { countWorkspaceContents } from "@/db/queries/workspaces";
import { listRecentStatementsByWorkspace } from "@/db/queries/statement-lists";
import { summarizeOpenFlags } from "@/db/queries/flags";
import { OpenFlagsSummary } from "@/components/flags/open-flags-summary";
import { workspacePage } from "@/app/_server/context";
import { EmptyState } from "@/components/ui/empty-state";
import { StatementSummary } from "@/components/statements/statement-summary";
import { buttonClass } from "@/components/ui/button";
import { ExportMenu } from "@/components/exports/export-menu";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const { slug } = await params;
  return { title: workspacePage(slug).ws.name };
}

export default async function WorkspaceOverview({ params }: { params: Promise<{ slug: string }> }) {
  await connection();
  const { slug } = await params;
  const { ws, db } = workspacePage(slug);
  const counts = countWorkspaceContents(db, { workspaceId: ws.id });
  const recent = listRecentStatementsByWorkspace(db, { workspaceId: ws.id, limit: 8 });
  const openFlags = summarizeOpenFlags(db, { workspaceId: ws.id });
  const stats = [
    { label: "Articles", value: counts.articles, href: "articles" },
    { label: "Statements", value: counts.statements, href: "statements" },
    { label: "Links", value: counts.links, href: "flags" },
    { label: "Speakers", value: counts.speakers, href: "speakers" },
    { label: "Topics", value: counts.topics, href: "topics" },
  ];
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-semibold tracking-tight">{ws.name}</h1>
      {ws.description ? <p className="mt-1 max-w-prose text-muted">{ws.description}</p> : null}
      <dl className="mt-6 grid grid-cols-2 gap-3 sm:grid-cols-5">
        {stats.map((s) => (
          <div key={s.label} className="rounded-lg border border-line bg-panel p-3">
            <dt className="text-xs uppercase tracking-wide text-muted">{s.label}</dt>
            <dd className="text-2xl font-semibold"><Link href={`/w/${ws.slug}/${s.href}`}>{s.value}</Link></dd>
          </div>
        ))}
      </dl>
      <div className="mt-8 flex flex-wrap gap-2">
        <Link href={`/w/${ws.slug}/articles/new`} className={buttonClass("primary")}>Import an article</Link>
        <Link href={`/w/${ws.slug}/timeline`} className={buttonClass("secondary")}>Open the timeline</Link>
        <Link href={`/w/${ws.slug}/import-csv`} className={buttonClass("secondary")}>Import statements from CSV</Link>
        <ExportMenu slug={ws.slug} />
      </div>
      {counts.statements > 0 ? <OpenFlagsSummary slug={ws.slug} {...openFlags} /> : null}
      <section aria-labelledby="recent" className="mt-10">
        <h2 id="recent" className="text-lg font-semibold">Recent statements</h2>
        {recent.length === 0 ? (
          <div className="mt-3">
            <EmptyState title="No statements yet">
              A statement is a sentence someone said, tagged with who said it, when, and the stance it takes on a topic. Import an article, select a sentence and choose “Tag statement”.
            </EmptyState>
          </div>
        ) : (
          <ol className="mt-3 flex flex-col gap-3" aria-label="Recent statements">
            {recent.map((s) => <li key={s.id}><StatementSummary slug={ws.slug} statement={s} /></li>)}
          </ol>
        )}
      </section>
    </main>
  );
}

import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { AppError } from "@/db/errors";
import { getArticleById } from "@/db/queries/articles";
import { getStatementById } from "@/db/queries/statements";
import { getStatementConnections } from "@/db/queries/statement-connections";
import { listSuggestionsForStatement } from "@/db/queries/suggestions";
import { listSpeakersByWorkspace } from "@/db/queries/speakers";
import { listTopicsByWorkspace } from "@/db/queries/topics";
import { workspacePage } from "@/app/_server/context";
import { formatSaidOn } from "@/lib/domain/said-on";
import { KindBadge, StanceBadge } from "@/components/ui/badge";
import { LinkDialog } from "@/components/links/link-dialog";
import { StatementLinksPanel } from "@/components/links/statement-links-panel";
import { SuggestionList } from "@/components/links/suggestion-list";

type Props = { params: Promise<{ slug: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const PRECISION_WORDS = { day: "exact day", month: "month known, not the day", year: "year known only" } as const;

function load(slug: string, id: string) {
  const ctx = workspacePage(slug);
  const statementId = Number(id);
  if (!Number.isSafeInteger(statementId) || statementId <= 0) notFound();
  try {
    return { ...ctx, statement: getStatementById(ctx.db, { workspaceId: ctx.ws.id, id: statementId }) };
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, id } = await params;
  const { statement: s } = load(slug, id);
  return { title: `${s.speakerName}, ${formatSaidOn({ date: s.saidOn, precision: s.saidOnPrecision })}` };
}

export default async function StatementPage({ params, searchParams }: Props) {
  await connection();
  const { slug, id } = await params;
  const linkNow = (await searchParams).link === "1";
  const { ws, db, statement: s } = load(slug, id);
  const article = getArticleById(db, { workspaceId: ws.id, id: s.articleId });
  const { links, flags } = getStatementConnections(db, { workspaceId: ws.id, statementId: s.id });
  const suggestions = listSuggestionsForStatement(db, { workspaceId: ws.id, statementId: s.id });
  const speakers = listSpeakersByWorkspace(db, { workspaceId: ws.id }).map(({ id: sid, name }) => ({ id: sid, name }));
  const topics = listTopicsByWorkspace(db, { workspaceId: ws.id }).map(({ id: tid, name }) => ({ id: tid, name }));
  const said = formatSaidOn({ date: s.saidOn, precision: s.saidOnPrecision });
  return (
    <main className="mx-auto grid max-w-6xl gap-8 px-4 py-8 lg:grid-cols-[minmax(0,1fr)_24rem]">
      <div className="flex min-w-0 flex-col gap-8">
        <article aria-labelledby="statement-heading" className="rounded-lg border border-line bg-panel p-5">
          <h1 id="statement-heading" className="text-xl font-semibold">{s.speakerName}, {said}</h1>
          <blockquote className="mt-3 font-serif text-xl leading-relaxed">“{s.quote}”</blockquote>
          {s.summary ? <p className="mt-2 text-muted">{s.summary}</p> : null}
          <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-muted">Speaker</dt><dd>{s.speakerName}</dd>
            <dt className="text-muted">Said on</dt><dd><time dateTime={s.saidOn}>{said}</time> <span className="text-muted">({PRECISION_WORDS[s.saidOnPrecision]})</span></dd>
            <dt className="text-muted">Kind</dt><dd><KindBadge kind={s.kind} /></dd>
            <dt className="text-muted">Stances</dt>
            <dd className="flex flex-wrap gap-1">
              {s.stances.length === 0 ? <span className="text-muted">None tagged</span> : s.stances.map((st) => (
                <span key={st.topicId} className="inline-flex flex-wrap items-center gap-1">
                  <StanceBadge stance={st.stance} topic={st.topicName} condition={st.condition} />
                  {st.condition ? <span className="text-xs text-muted">if {st.condition}</span> : null}
                </span>
              ))}
            </dd>
            <dt className="text-muted">Source</dt>
            <dd><Link href={`/w/${ws.slug}/articles/${article.id}#statement-${s.id}`} className="text-accent underline">{article.title}</Link>{article.publisher ? ` · ${article.publisher}` : ""}</dd>
          </dl>
          <div className="mt-4">
            <LinkDialog slug={ws.slug} statement={{ id: s.id, quote: s.quote, speakerName: s.speakerName, saidOn: s.saidOn, saidOnPrecision: s.saidOnPrecision }} speakers={speakers} topics={topics} hotkey openOnArrival={linkNow} />
          </div>
        </article>
        <StatementLinksPanel slug={ws.slug} statement={s} links={links} flags={flags} />
      </div>
      <aside aria-labelledby="suggestions-heading">
        <h2 id="suggestions-heading" className="text-lg font-semibold">Suggested earlier statements</h2>
        <p className="text-sm text-muted">Same speaker and topic first, then similar wording, then other speakers on the topic.</p>
        <SuggestionList slug={ws.slug} statementId={s.id} suggestions={suggestions} />
      </aside>
    </main>
  );
}

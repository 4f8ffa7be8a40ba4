import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getArticleById } from "@/db/queries/articles";
import { SourceLine } from "@/components/reader/source-line";
import { CarryOverBanner } from "@/components/reader/carry-over-banner";
import { countCarryableStatements } from "@/db/queries/reanchor";
import { Link } from "@/components/ui/link";
import { workspacePage } from "@/app/_server/context";
import { AppError } from "@/db/errors";
import { ReaderWorkspace } from "@/components/reader/reader-workspace";
import { listSpeakersByWorkspace } from "@/db/queries/speakers";
import { listTopicsByWorkspace } from "@/db/queries/topics";
import { readerFlagsByStatement, readerStatementsByArticle } from "@/db/queries/reader";

type Props = { params: Promise<{ slug: string; id: string }> };

function load(slug: string, id: string) {
  const ctx = workspacePage(slug);
  const ws = ctx.ws;
  const articleId = Number(id);
  if (!Number.isSafeInteger(articleId) || articleId <= 0) notFound();
  try {
    return { ws, article: getArticleById(ctx.db, { workspaceId: ws.id, id: articleId }), db: ctx.db };
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, id } = await params;
  return { title: load(slug, id).article.title };
}

export default async function ReaderPage({ params }: Props) {
  await connection();
  const { slug, id } = await params;
  const { ws, article, db } = load(slug, id);
  const rows = readerStatementsByArticle(db, { articleId: article.id });
  const flags = readerFlagsByStatement(db, { workspaceId: ws.id, statementIds: rows.map((r) => r.id) });
  const statements = rows.map((r) => ({ ...r, flags: flags.get(r.id) ?? [] }));
  const vocabulary = {
    speakers: listSpeakersByWorkspace(db, { workspaceId: ws.id }).map(({ id, name, aliases }) => ({ id, name, aliases })),
    topics: listTopicsByWorkspace(db, { workspaceId: ws.id }).map(({ id, name }) => ({ id, name })),
  };
  const paragraphs = splitParagraphs(article.text);
  const carryable = countCarryableStatements(db, { articleId: article.id });
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      {carryable ? <CarryOverBanner slug={ws.slug} articleId={article.id} count={carryable.count} /> : null}
      <header className="max-w-[68ch]">
        <h1 className="font-serif text-3xl font-semibold leading-tight">{article.title}</h1>
        <SourceLine article={article} />
        {article.html ? <Link href={`/w/${ws.slug}/articles/${article.id}/formatted`} className="text-sm text-accent underline">Original formatting</Link> : null}
      </header>
      <div className="mt-6">
        <ReaderWorkspace slug={ws.slug} articleId={article.id} text={article.text} statements={statements} vocabulary={vocabulary}
          defaultSaidOn={article.publishedAt ?? new Date().toISOString().slice(0, 10)}>
          {/* The article's own language and direction: right-to-left sources read right to left, and sentence keys split by their rules. */}
          {paragraphs.map((p, i) => <p key={p.start} data-start={p.start} tabIndex={i === 0 ? 0 : -1} lang={article.language || undefined} dir="auto">{p.text}</p>)}
        </ReaderWorkspace>
      </div>
    </main>
  );
}

/** Paragraphs with their offsets into the snapshot text, which separates them with one blank line. */
function splitParagraphs(text: string) {
  const out: { start: number; text: string }[] = [];
  let start = 0;
  for (const part of text.split("\n\n")) {
    out.push({ start, text: part });
    start += part.length + 2;
  }
  return out;
}

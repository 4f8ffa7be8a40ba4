import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getArticleById } from "@/db/queries/articles";
import { listStatementsByArticle } from "@/db/queries/statement-lists";
import { workspacePage } from "@/app/_server/context";
import { AppError } from "@/db/errors";
import { StatementSummary } from "@/components/statements/statement-summary";

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
  const statements = listStatementsByArticle(db, { articleId: article.id });
  const paragraphs = splitParagraphs(article.text);
  return (
    <main className="mx-auto grid max-w-6xl gap-8 px-4 py-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <article>
        <h1 className="font-serif text-3xl font-semibold leading-tight">{article.title}</h1>
        <p className="mt-2 text-sm text-muted">
          {[article.publisher, article.author, article.publishedAt].filter(Boolean).join(" · ")}
        </p>
        <div className="prose-reader mt-6" data-article-text>
          {paragraphs.map((p) => <p key={p.start} data-start={p.start}>{p.text}</p>)}
        </div>
      </article>
      <aside aria-label="Statements in this article">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-muted">Statements ({statements.length})</h2>
        <ol className="mt-3 flex flex-col gap-3">
          {statements.map((s) => <li key={s.id} id={`statement-${s.id}`}><StatementSummary slug={ws.slug} statement={s} /></li>)}
        </ol>
      </aside>
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

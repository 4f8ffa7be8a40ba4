import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { workspacePage } from "@/app/_server/context";
import { AppError } from "@/db/errors";
import { getArticleById } from "@/db/queries/articles";
import { sanitizeArticleHtml } from "@/lib/import/sanitize";
import { formatIsoDay } from "@/components/articles/article-list-item";

type Props = { params: Promise<{ slug: string; id: string }> };

function load(slug: string, id: string) {
  const { ws, db } = workspacePage(slug);
  const articleId = Number(id);
  if (!/^\d+$/.test(id) || !Number.isSafeInteger(articleId) || articleId <= 0) notFound();
  try {
    const article = getArticleById(db, { workspaceId: ws.id, id: articleId });
    if (!article.html?.trim()) notFound();
    return { ws, article };
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, id } = await params;
  return { title: `${load(slug, id).article.title} (original formatting)` };
}

// Typography for sanitised article markup: only the allowlisted elements can occur.
const PROSE = [
  "prose-reader",
  "[&_h1]:mt-6 [&_h1]:text-2xl [&_h1]:font-semibold [&_h2]:mt-6 [&_h2]:text-xl [&_h2]:font-semibold",
  "[&_h3]:mt-5 [&_h3]:text-lg [&_h3]:font-semibold [&_h4]:mt-4 [&_h4]:font-semibold",
  "[&_p]:whitespace-normal [&_ul]:mb-4 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:mb-4 [&_ol]:list-decimal [&_ol]:pl-6",
  "[&_blockquote]:mb-4 [&_blockquote]:border-l-4 [&_blockquote]:border-line [&_blockquote]:pl-4 [&_blockquote]:italic",
  "[&_a]:text-accent [&_a]:underline [&_pre]:mb-4 [&_pre]:overflow-auto [&_pre]:text-sm [&_figcaption]:text-sm [&_figcaption]:text-muted",
  "[&_table]:mb-4 [&_table]:border-collapse [&_td]:border [&_td]:border-line [&_td]:px-2 [&_th]:border [&_th]:border-line [&_th]:px-2",
].join(" ");

/**
 * The snapshot's stored HTML as the page laid it out. The HTML was sanitised
 * on import and is sanitised AGAIN here, so a row written by an older
 * sanitiser (or by hand) can never reach the browser unfiltered.
 */
export default async function FormattedArticlePage({ params }: Props) {
  await connection();
  const { slug, id } = await params;
  const { ws, article } = load(slug, id);
  const safeHtml = sanitizeArticleHtml(article.html ?? "");
  const readerHref = `/w/${ws.slug}/articles/${article.id}`;
  const source = [article.publisher, article.author, article.publishedAt ? formatIsoDay(article.publishedAt) : null].filter(Boolean).join(" · ");
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <p className="text-sm"><Link href={readerHref} className="text-accent underline">← Back to the reader</Link></p>
      <h1 className="mt-3 font-serif text-3xl font-semibold leading-tight">{article.title}</h1>
      {source ? <p className="mt-2 text-sm text-muted">{source}</p> : null}
      <p role="note" className="mt-4 rounded-md border border-line bg-panel p-3 text-sm text-muted">
        Original formatting, made safe: scripts, styles, images, frames and forms were removed. Tag statements in the{" "}
        <Link href={readerHref} className="text-accent underline">reader</Link>, which shows the exact snapshot text.
      </p>
      <div className={`mt-6 ${PROSE}`} data-formatted-article dangerouslySetInnerHTML={{ __html: safeHtml }} />
    </main>
  );
}

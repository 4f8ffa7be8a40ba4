import type { Article } from "@/db/schema";

/** The quiet line above an article: who published it, when, where from, and which snapshot this is. */
export function SourceLine({ article }: { article: Pick<Article, "publisher" | "author" | "publishedAt" | "url" | "retrievedAt" | "textSha256" | "language"> }) {
  const parts = [article.publisher, article.author ? `by ${article.author}` : null, article.publishedAt ? `published ${article.publishedAt}` : null].filter(Boolean);
  return (
    <p className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-sm text-muted">
      {parts.length ? <span>{parts.join(" · ")}</span> : null}
      {article.url ? <a href={article.url} rel="noopener noreferrer nofollow" className="text-accent underline">Original</a> : null}
      <span>retrieved {article.retrievedAt.slice(0, 10)}</span>
      <span title={`SHA-256 of the snapshot text: ${article.textSha256}`}>snapshot <code className="font-mono text-xs">{article.textSha256.slice(0, 12)}</code></span>
    </p>
  );
}

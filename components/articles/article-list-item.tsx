import { Link } from "@/components/ui/link";
import type { ArticleSummary } from "@/db/queries/article-list";

const SOURCE_LABEL = { text: "Pasted text", html: "HTML page", url: "Web address" } as const;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "14 Jun 2024" from an ISO date or timestamp, read as written (no time-zone shift). */
export function formatIsoDay(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}` : value;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
}

/** One article in the workspace list: what it is, where it came from, how much is tagged, and its re-import chain. */
export function ArticleListItem({ slug, article: a }: { slug: string; article: ArticleSummary }) {
  const byline = [a.publisher, a.author, a.publishedAt ? `published ${formatIsoDay(a.publishedAt)}` : null].filter(Boolean).join(" · ");
  return (
    <article aria-labelledby={`article-${a.id}-title`} className="rounded-lg border border-line bg-panel p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`article-${a.id}-title`} className="font-serif text-lg font-semibold leading-snug">
          <Link href={`/w/${slug}/articles/${a.id}`} className="hover:underline">{a.title}</Link>
        </h2>
        <span className="text-sm text-muted">
          {a.statementCount} statement{a.statementCount === 1 ? "" : "s"}
        </span>
      </div>
      {byline ? <p className="mt-1 text-sm">{byline}</p> : null}
      <p className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-xs text-muted">
        <span>{SOURCE_LABEL[a.source]}</span>
        {a.url ? <a href={a.url} rel="noopener noreferrer nofollow" target="_blank" className="underline">{hostOf(a.url)}<span className="sr-only"> (original, opens in a new tab)</span></a> : null}
        <span>Retrieved <time dateTime={a.retrievedAt}>{formatIsoDay(a.retrievedAt)}</time></span>
        <span>{a.length.toLocaleString("en")} characters</span>
        {a.hasHtml ? <Link href={`/w/${slug}/articles/${a.id}/formatted`} className="underline">Original formatting</Link> : null}
      </p>
      {a.newerSnapshotId || a.previousSnapshotId ? (
        <p className="mt-2 flex flex-wrap gap-x-3 text-xs">
          {a.newerSnapshotId ? (
            <Link href={`/w/${slug}/articles/${a.newerSnapshotId}`} className="rounded border border-line px-1.5 py-0.5 font-medium underline">
              <span aria-hidden="true">↻ </span>Newer snapshot exists
            </Link>
          ) : null}
          {a.previousSnapshotId ? (
            <Link href={`/w/${slug}/articles/${a.previousSnapshotId}`} className="text-muted underline">Re-import; earlier snapshot</Link>
          ) : null}
        </p>
      ) : null}
    </article>
  );
}

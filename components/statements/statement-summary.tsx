import { Link } from "@/components/ui/link";
import { formatSaidOn } from "@/lib/domain/said-on";
import { KindBadge, StanceBadge } from "@/components/ui/badge";
import type { StatementListItem } from "@/db/queries/statement-lists";

/** A compact, server-rendered statement: who, when (with its precision), the quote, and its stances. */
export function StatementSummary({ slug, statement: s }: { slug: string; statement: StatementListItem }) {
  return (
    <article className="rounded-lg border border-line bg-panel p-4" aria-label={`${s.speakerName}, ${formatSaidOn({ date: s.saidOn, precision: s.saidOnPrecision })}`}>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Link href={`/w/${slug}/statements/${s.id}`} className="font-semibold underline decoration-dotted underline-offset-2">{s.speakerName}</Link>
        <time dateTime={s.saidOn} className="text-muted">{formatSaidOn({ date: s.saidOn, precision: s.saidOnPrecision })}</time>
        <KindBadge kind={s.kind} />
      </div>
      <blockquote className="mt-2 font-serif text-[1.05rem] leading-relaxed">“{s.quote}”</blockquote>
      {s.summary ? <p className="mt-1 text-sm text-muted">{s.summary}</p> : null}
      <div className="mt-2 flex flex-wrap items-center gap-2">
        {s.stances.map((st) => <StanceBadge key={st.topicId} stance={st.stance} topic={st.topicName} condition={st.condition} />)}
        <Link href={`/w/${slug}/articles/${s.articleId}#statement-${s.id}`} className="ml-auto text-xs text-accent underline">
          {s.articleTitle}
        </Link>
      </div>
    </article>
  );
}

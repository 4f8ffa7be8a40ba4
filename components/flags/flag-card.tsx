import { Link } from "@/components/ui/link";
import { VERDICT_LABELS } from "@/lib/domain/enums";
import { formatSaidOn } from "@/lib/domain/said-on";
import { StanceBadge, VerdictBadge } from "@/components/ui/badge";
import type { FlagStatement, FlagView } from "@/db/queries/flags";
import { FLAG_RULE_LABELS, FLAG_STATUS_LABELS } from "./flag-labels";
import { FlagReviewControls } from "./flag-review-controls";

function Side({ slug, label, s }: { slug: string; label: string; s: FlagStatement }) {
  return (
    <figure className="min-w-0 flex-1 rounded-md border border-line p-3">
      <figcaption className="text-xs text-muted">
        <span className="uppercase tracking-wide">{label}</span> · <span className="font-semibold text-ink">{s.speakerName}</span> ·{" "}
        <time dateTime={s.saidOn}>{formatSaidOn({ date: s.saidOn, precision: s.saidOnPrecision })}</time>
      </figcaption>
      <blockquote className="mt-1 font-serif leading-relaxed">“{s.quote}”</blockquote>
      <div className="mt-2 flex flex-wrap gap-1">
        {s.stances.map((st) => <StanceBadge key={st.topicId} stance={st.stance} topic={st.topicName} condition={st.condition} />)}
      </div>
      <p className="mt-2 flex flex-wrap gap-3 text-xs">
        <Link href={`/w/${slug}/statements/${s.id}`} className="text-accent underline">Statement card</Link>
        <Link href={`/w/${slug}/articles/${s.articleId}#statement-${s.id}`} className="text-accent underline">In “{s.articleTitle}”</Link>
      </p>
    </figure>
  );
}

/** One flag in the inbox: both statements side by side, the reason in words, and the review controls. */
export function FlagCard({ slug, flag: f }: { slug: string; flag: FlagView }) {
  const titleId = `${f.anchor}-title`;
  return (
    <article id={f.anchor} aria-labelledby={titleId} className="scroll-mt-20 rounded-lg border border-line bg-panel p-4 target:border-accent">
      <div className="flex flex-wrap items-center gap-2">
        <VerdictBadge verdict={f.severity} />
        <span className="text-xs uppercase tracking-wide text-muted">{FLAG_RULE_LABELS[f.rule]} · {FLAG_STATUS_LABELS[f.status]}</span>
        {f.orderUncertain ? <span className="text-xs text-muted">(order uncertain: the dates overlap)</span> : null}
        <a href={`#${f.anchor}`} className="ml-auto text-xs text-muted underline">Permalink</a>
      </div>
      <h3 id={titleId} className="mt-1 font-semibold">{f.title}</h3>
      <p className="text-sm text-muted">{f.rationale}</p>
      <div className="mt-3 flex flex-col gap-3 md:flex-row">
        <Side slug={slug} label="Earlier" s={f.earlier} />
        <Side slug={slug} label="Later" s={f.later} />
      </div>
      {f.review ? (
        <p className="mt-2 text-sm">
          {f.review.decision === "confirmed" ? "Confirmed" : "Dismissed"}{f.review.verdict ? ` as ${VERDICT_LABELS[f.review.verdict]}` : ""} on{" "}
          <time dateTime={f.review.updatedAt}>{f.review.updatedAt.slice(0, 10)}</time>{f.review.note ? ` — ${f.review.note}` : ""}
        </p>
      ) : null}
      <div className="mt-3">
        <FlagReviewControls slug={slug} flagKey={f.key} isDispute={f.rule === "dispute"} reviewed={!!f.review} severity={f.severity} label={f.title} />
      </div>
    </article>
  );
}

import { Link } from "@/components/ui/link";
import { RELATION_LABELS, VERDICT_LABELS, type LinkRelation } from "@/lib/domain/enums";
import { formatSaidOn } from "@/lib/domain/said-on";
import { VerdictBadge } from "@/components/ui/badge";
import { FLAG_RULE_LABELS, FLAG_STATUS_LABELS } from "@/components/flags/flag-labels";
import { DeleteLinkButton } from "./delete-link-button";
import { EditLinkForm } from "./edit-link-form";
import type { FlagView } from "@/db/queries/flags";
import type { StatementLinkView } from "@/db/queries/statement-connections";

/** How an incoming link reads from the earlier statement's side. */
const PASSIVE: Record<LinkRelation, string> = {
  contradicts: "Contradicted by", reverses: "Reversed by", softens: "Softened by", hardens: "Hardened by",
  restates: "Restated by", supports: "Supported by", clarifies: "Clarified by",
};

export interface PanelStatement { id: number; quote: string; speakerName: string; saidOn: string; saidOnPrecision: "day" | "month" | "year"; articleId: number }

function Quote({ slug, who, quote, saidOn, precision, id, current }: { slug: string; who: string; quote: string; saidOn: string; precision: "day" | "month" | "year"; id: number; current: boolean }) {
  return (
    <figure className="min-w-0 flex-1 rounded-md border border-line p-2" data-statement-ref={id}>
      <figcaption className="text-xs text-muted">
        {current ? <span className="font-semibold text-ink">{who}</span> : <Link href={`/w/${slug}/statements/${id}`} className="font-semibold text-accent underline">{who}</Link>}
        {" · "}<time dateTime={saidOn}>{formatSaidOn({ date: saidOn, precision })}</time>{current ? " · this statement" : ""}
      </figcaption>
      <blockquote className="mt-1 font-serif text-sm leading-relaxed">“{quote}”</blockquote>
    </figure>
  );
}

/**
 * A statement's links (both directions, both quotes) and its flags, with no
 * data loading of its own, so the statement page and the reader card can
 * both render it. `data-statement-ref` lets a host highlight the other
 * statement on hover.
 */
export function StatementLinksPanel({ slug, statement, links, flags, editable = true, headingLevel = 2 }: {
  slug: string; statement: PanelStatement; links: StatementLinkView[]; flags: FlagView[]; editable?: boolean; headingLevel?: 2 | 3;
}) {
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby={`links-${statement.id}`}>
        <H id={`links-${statement.id}`} className="text-lg font-semibold">Links ({links.length})</H>
        {links.length === 0 ? <p className="mt-2 text-sm text-muted">Not linked to any other statement yet.</p> : (
          <ul className="mt-2 flex flex-col gap-3">
            {links.map(({ link, direction, other }) => {
              const heading = direction === "outgoing" ? `${RELATION_LABELS[link.relation]} an earlier statement` : `${PASSIVE[link.relation]} a later statement`;
              const self = <Quote slug={slug} who={statement.speakerName} quote={statement.quote} saidOn={statement.saidOn} precision={statement.saidOnPrecision} id={statement.id} current />;
              const them = <Quote slug={slug} who={other.speakerName} quote={other.quote} saidOn={other.saidOn} precision={other.saidOnPrecision} id={other.id} current={false} />;
              return (
                <li key={link.id} id={`link-${link.id}`} className="rounded-lg border border-line bg-panel p-3" aria-label={`${heading}: ${other.speakerName}`}>
                  <div className="flex flex-wrap items-center gap-2 text-sm">
                    <span className="font-semibold">{heading}</span>
                    {link.verdict ? <VerdictBadge verdict={link.verdict} /> : null}
                    {editable ? (
                      <>
                        <EditLinkForm slug={slug} link={link} label={`Edit link with ${other.speakerName}, ${formatSaidOn({ date: other.saidOn, precision: other.saidOnPrecision })}`} />
                        <DeleteLinkButton slug={slug} linkId={link.id} label={`Remove link with ${other.speakerName}, ${formatSaidOn({ date: other.saidOn, precision: other.saidOnPrecision })}`} />
                      </>
                    ) : null}
                  </div>
                  {/* Later statement first, as the link reads: later → earlier. */}
                  <div className="mt-2 flex flex-col gap-2 sm:flex-row">{direction === "outgoing" ? <>{self}{them}</> : <>{them}{self}</>}</div>
                  {link.rationale ? <p className="mt-2 text-sm">{link.rationale}</p> : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby={`flags-${statement.id}`}>
        <H id={`flags-${statement.id}`} className="text-lg font-semibold">Flags ({flags.length})</H>
        {flags.length === 0 ? <p className="mt-2 text-sm text-muted">No inconsistencies flagged.</p> : (
          <ul className="mt-2 flex flex-col gap-2">
            {flags.map((f) => {
              const other = f.earlierId === statement.id ? f.later : f.earlier;
              return (
                <li key={f.key} className="rounded-lg border border-line bg-panel p-3" aria-label={f.title}>
                  <div className="flex flex-wrap items-center gap-2 text-sm">
                    <VerdictBadge verdict={f.severity} />
                    <span className="text-xs uppercase tracking-wide text-muted">{FLAG_RULE_LABELS[f.rule]} · {FLAG_STATUS_LABELS[f.status]}</span>
                    {f.orderUncertain ? <span className="text-xs text-muted">(order uncertain: dates overlap)</span> : null}
                  </div>
                  <p className="mt-1 font-medium">{f.title}</p>
                  <p className="text-sm text-muted">{f.rationale}</p>
                  {f.review?.verdict ? <p className="text-sm">Reviewed: {VERDICT_LABELS[f.review.verdict]}{f.review.note ? ` — ${f.review.note}` : ""}</p> : null}
                  <p className="mt-1 flex flex-wrap gap-3 text-sm">
                    <Link href={`/w/${slug}/statements/${other.id}`} className="text-accent underline">Other statement: {other.speakerName}, {formatSaidOn({ date: other.saidOn, precision: other.saidOnPrecision })}</Link>
                    <Link href={`/w/${slug}/flags#${f.anchor}`} className="text-accent underline">Review in the flags inbox</Link>
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}

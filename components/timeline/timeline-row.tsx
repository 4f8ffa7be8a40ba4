"use client";

import { Link } from "@/components/ui/link";
import { memo, useState } from "react";
import { formatSaidOn } from "@/lib/domain/said-on";
import { severityLabel } from "@/lib/timeline/describe";
import { SEVERITY_WEIGHT } from "@/lib/flags/types";
import type { RowCell, RowFlag, TimelineStatement } from "@/lib/timeline/model";
import { KindBadge, StanceBadge, VerdictBadge } from "@/components/ui/badge";

/** Quotes longer than this are clamped to three lines with a "Show more" button. */
const LONG_QUOTE = 220;
/**
 * Rows of a short (not virtual) list skip layout while off screen (content-visibility: auto), but Chromium
 * lays such a row out only a frame after it first appears: a first screen of them paints at the placeholder
 * height and then grows, shifting the page (CLS 0.3 on a shared timeline on a phone). The first rows are
 * the first screen, whatever the device: they are laid out at once.
 */
const EAGER_ROWS = 12;

export interface VirtualPlacement {
  index: number;
  offset: number;
  measure: (el: Element | null) => void;
}

export const virtualStyle = (p: VirtualPlacement) => ({ position: "absolute", top: 0, left: 0, width: "100%", transform: `translateY(${p.offset}px)` }) as const;

/** The spine's dot takes the colour of the row's most serious flag. */
const worstSeverity = (flags: RowFlag[]) =>
  flags.reduce((worst, { flag }) => (SEVERITY_WEIGHT[flag.severity] > SEVERITY_WEIGHT[worst] ? flag.severity : worst), flags[0].flag.severity);

/** A bracket's tooltip: the verdict, and at either end of it (where the row takes part) the reason. */
function cellTitle(c: RowCell, flags: RowFlag[]): string {
  const why = flags.find((f) => f.flag.key === c.key)?.flag.rationale;
  return why ? `${severityLabel(c.severity)}: ${why}` : severityLabel(c.severity);
}

export const dateOf = (s: Pick<TimelineStatement, "saidOn" | "saidOnPrecision">) => formatSaidOn({ date: s.saidOn, precision: s.saidOnPrecision });

/** "with statement of 12 Aug 2024", or "with Mykhailo Podolyak, 14 Jun 2024": the other end of a flag. */
export function flagPartner({ other }: RowFlag, self: TimelineStatement): string {
  if (!other) return "";
  return other.speakerId === self.speakerId ? `with statement of ${dateOf(other)}` : `with ${other.speakerName}, ${dateOf(other)}`;
}

export const TimelineRow = memo(function TimelineRow({ index, statement: s, flags, cells, activeKey, lane, laneCount, selected, selectHref, readerBase, onJump, posinset, setsize, placement }: {
  /** Display position in the whole timeline. */
  index: number;
  statement: TimelineStatement;
  flags: RowFlag[];
  cells: RowCell[];
  activeKey: string | null;
  lane: number;
  laneCount: number;
  selected: boolean;
  selectHref: string;
  /** `/w/slug/articles` for people in the workspace; null on public pages, which link to the original source. */
  readerBase: string | null;
  /** To the other end of a flag: its display position and the flag's place in reading order. */
  onJump: (index: number, placed: number) => void;
  posinset?: number;
  setsize?: number;
  /** In a virtual list: where the row sits and how it reports its height. */
  placement?: VirtualPlacement;
}) {
  const [expanded, setExpanded] = useState(false);
  const long = s.quote.length > LONG_QUOTE;
  const date = dateOf(s);
  const sourceHref = readerBase ? `${readerBase}/${s.articleId}#statement-${s.id}` : s.articleUrl;
  return (
    <li id={`row-${s.id}`} data-row={index} tabIndex={-1} className={placement ? "tl-row tl-row-virtual" : "tl-row"} data-selected={selected || undefined}
      data-eager={(!placement && index < EAGER_ROWS) || undefined} data-flagged={flags.length ? worstSeverity(flags) : undefined}
      aria-current={selected ? "true" : undefined} aria-posinset={posinset} aria-setsize={setsize}
      ref={placement?.measure} data-index={placement?.index} style={placement ? virtualStyle(placement) : undefined}>
      <div className="tl-gutter" aria-hidden="true">
        {cells.map((c) => (
          <span key={c.key} className={`tl-seg tl-seg-${c.part}`} data-active={c.key === activeKey || undefined}
            style={{ left: `calc(${c.column} * var(--tl-col))`, color: `var(--verdict-${c.severity})` }} title={cellTitle(c, flags)}>
            {c.part === "start" ? <span className="tl-seg-label">{severityLabel(c.severity)}</span> : null}
          </span>
        ))}
      </div>
      <div className="tl-when text-sm">
        <Link href={selectHref} replace scroll={false} className="font-medium text-ink underline-offset-2 hover:underline" title="Link to this statement">
          <time dateTime={s.saidOn}>{date}</time>
        </Link>
        {s.saidOnPrecision !== "day" ? <div className="text-xs text-muted">{s.saidOnPrecision === "month" ? "day not known" : "month not known"}</div> : null}
      </div>
      <div className="tl-lanes" style={{ gridTemplateColumns: `repeat(${Math.max(laneCount, 1)}, minmax(0, 1fr))` }}>
        <article aria-label={`${s.speakerName}, ${date}`} className="tl-card rounded-lg border border-line bg-panel p-3" style={{ gridColumn: lane + 1 }}>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span className="font-semibold">{s.speakerName}</span>
            <KindBadge kind={s.kind} />
          </div>
          <blockquote id={`quote-${s.id}`} className={`mt-1.5 font-serif text-[1.02rem] leading-relaxed ${long && !expanded ? "tl-quote-clamped" : ""}`}>“{s.quote}”</blockquote>
          {long ? (
            <button type="button" className="text-xs text-accent underline" aria-expanded={expanded} aria-controls={`quote-${s.id}`} onClick={() => setExpanded((e) => !e)} data-no-print>
              {expanded ? "Show less" : "Show more"}
            </button>
          ) : null}
          {s.summary ? <p className="mt-1 text-sm text-muted">{s.summary}</p> : null}
          {s.publicNote ? <p className="mt-1 text-sm"><span className="font-medium">Note:</span> {s.publicNote}</p> : null}
          {s.stances.length ? (
            <ul className="mt-2 flex flex-wrap gap-1.5" aria-label="Stances">
              {s.stances.map((st) => <li key={st.topicId}><StanceBadge stance={st.stance} topic={st.topicName} condition={st.condition} /></li>)}
            </ul>
          ) : null}
          {flags.length ? (
            <ul className="mt-2 flex flex-col gap-1" aria-label="Flags">
              {flags.map((rf) => (
                <li key={rf.flag.key} className="relative">
                  <button type="button" className="tl-flag inline-flex items-center gap-1.5 rounded text-left text-sm" aria-describedby={`why-${s.id}-${rf.flag.key}`}
                    onClick={() => rf.other && onJump(rf.other.index, rf.placed)}>
                    <span className="sr-only">Flag: </span>
                    <VerdictBadge verdict={rf.flag.severity} />
                    <span className="underline decoration-dotted underline-offset-2">{flagPartner(rf, s)}</span>
                    {rf.flag.status === "confirmed" ? <span className="text-xs text-muted">(confirmed)</span> : null}
                  </button>
                  <span role="tooltip" id={`why-${s.id}-${rf.flag.key}`} className="tl-flag-tip mt-1 max-w-prose rounded border border-line bg-panel p-2 text-xs shadow">
                    {rf.flag.rationale}{rf.flag.orderUncertain ? " (The two dates overlap, so which came first is not certain.)" : ""}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
          <p className="mt-2 text-xs text-muted">
            {s.publisher ? <span>{s.publisher} · </span> : null}
            {sourceHref ? (
              <a href={sourceHref} className="text-accent underline" {...(readerBase ? {} : { rel: "noopener noreferrer", target: "_blank" })}>{s.articleTitle}</a>
            ) : <span>{s.articleTitle}</span>}
          </p>
        </article>
      </div>
    </li>
  );
});

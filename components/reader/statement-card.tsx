"use client";

import { Link } from "@/components/ui/link";
import { useState, useTransition } from "react";
import { formatSaidOn } from "@/lib/domain/said-on";
import { KindBadge, StanceBadge, VerdictBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { statementHistoryAction } from "@/app/w/[slug]/articles/[id]/actions";
import type { ReaderStatement } from "./types";

type HistoryEvent = { id: number; action: string; createdAt: string; before: unknown; after: unknown };

const ANCHOR_WORDS: Record<ReaderStatement["anchorStatus"], string> = {
  exact: "Anchored exactly",
  moved: "Found at a new position",
  fuzzy: "Found approximately",
  orphaned: "Not found in this snapshot",
};

/** A statement beside the text: the card links back to its highlight and carries edit, delete and history. */
export function StatementCard({ slug, articleId, statement: s, active, onShow, onEdit, onDelete, onJump }: {
  slug: string;
  articleId: number;
  /** Shows another statement of this article (a flag's other end). */
  onJump: (id: number) => void;
  statement: ReaderStatement;
  active: boolean;
  onShow: () => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const [history, setHistory] = useState<HistoryEvent[] | null>(null);
  const [pending, startTransition] = useTransition();
  const said = formatSaidOn({ date: s.saidOn, precision: s.saidOnPrecision });

  function toggleHistory() {
    if (history) return setHistory(null);
    startTransition(async () => {
      const result = await statementHistoryAction(undefined, { slug, id: s.id });
      if (result.status === "ok") setHistory(result.data as HistoryEvent[]);
    });
  }

  return (
    <article id={`statement-${s.id}`} tabIndex={-1} aria-label={`Statement by ${s.speakerName}, ${said}`}
      className={`scroll-mt-24 rounded-lg border bg-panel p-3 text-sm ${active ? "border-accent ring-2 ring-accent/40" : "border-line"}`}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-semibold">{s.speakerName}</span>
        <time dateTime={s.saidOn} className="text-muted">{said}</time>
        <KindBadge kind={s.kind} />
      </div>
      <blockquote className="mt-2 line-clamp-4 font-serif leading-relaxed">“{s.quote}”</blockquote>
      {s.summary ? <p className="mt-1 text-muted">{s.summary}</p> : null}
      <div className="mt-2 flex flex-wrap gap-1.5">
        {s.stances.map((st) => <StanceBadge key={st.topicId} stance={st.stance} topic={st.topicName} condition={st.condition} />)}
      </div>
      {s.flags.length ? (
        <ul aria-label="Flags" className="mt-2 flex flex-col gap-1">
          {s.flags.map((f) => (
            <li key={f.key} className="flex flex-wrap items-center gap-1.5 text-xs" title={f.title}>
              <span className="sr-only">Flag: </span>
              <VerdictBadge verdict={f.severity} />
              <a className="text-accent underline" href={f.other.articleId === articleId ? `#statement-${f.other.id}` : `/w/${slug}/statements/${f.other.id}`}
                onClick={f.other.articleId === articleId ? (e) => { e.preventDefault(); onJump(f.other.id); } : undefined}>
                with {f.other.speakerName}, {formatSaidOn({ date: f.other.saidOn, precision: f.other.saidOnPrecision })}
              </a>
              {f.status === "detected" ? <span className="text-muted">(detected, not yet reviewed)</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {s.note ? <p className="mt-2 border-l-2 border-line pl-2 text-xs text-muted">{s.notePrivate ? "Private note: " : "Note: "}{s.note}</p> : null}
      {s.anchorStatus !== "exact" ? (
        <p className="mt-2 text-xs font-medium text-danger">{ANCHOR_WORDS[s.anchorStatus]}{s.anchorStatus === "fuzzy" ? ` (score ${s.anchorScore.toFixed(2)})` : ""}</p>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-1.5">
        {s.anchorStatus !== "orphaned" ? <Button size="sm" onClick={onShow}>Show in text</Button> : null}
        <Button size="sm" onClick={onEdit}>Edit</Button>
        <Button size="sm" onClick={toggleHistory} aria-expanded={history !== null} disabled={pending}>History</Button>
        <Button size="sm" variant="danger" onClick={onDelete}>Delete</Button>
        <Link href={`/w/${slug}/statements/${s.id}`} className="ml-auto self-center text-xs text-accent underline">Links and flags</Link>
      </div>
      {history ? (
        <ol aria-label="History" className="mt-2 flex flex-col gap-1 border-t border-line pt-2 text-xs">
          {history.map((e) => (
            <li key={e.id}><span className="font-medium capitalize">{e.action}</span> · <time dateTime={e.createdAt}>{new Date(e.createdAt).toLocaleString()}</time>{describeChange(e)}</li>
          ))}
        </ol>
      ) : null}
    </article>
  );
}

/** Names the fields an update changed, so the history says more than "update". */
function describeChange(e: HistoryEvent): string {
  if (e.action !== "update" || !e.before || !e.after) return "";
  const before = e.before as Record<string, unknown>;
  const after = e.after as Record<string, unknown>;
  const changed = ["speakerName", "saidOn", "saidOnPrecision", "kind", "summary", "note", "notePrivate", "stances"]
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return changed.length ? ` — ${changed.join(", ")}` : "";
}

"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Link } from "@/components/ui/link";
import { LINK_RELATIONS, RELATION_LABELS, type LinkRelation } from "@/lib/domain/enums";
import { formatSaidOn } from "@/lib/domain/said-on";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { acceptSuggestionAction, dismissSuggestionAction } from "@/app/w/[slug]/statements/[id]/actions";
import type { SuggestionView } from "@/db/queries/suggestions";

/** Earlier statements this one may relate to: pick a relation and link in one click, or say "not related". */
export function SuggestionList({ slug, statementId, suggestions }: { slug: string; statementId: number; suggestions: SuggestionView[] }) {
  if (suggestions.length === 0) return <p className="mt-2 text-sm text-muted">No earlier statements to suggest.</p>;
  return (
    <ol className="mt-2 flex flex-col gap-2">
      {suggestions.map((s) => <SuggestionItem key={s.id} slug={slug} statementId={statementId} suggestion={s} />)}
    </ol>
  );
}

function SuggestionItem({ slug, statementId, suggestion: { statement: c, reasons } }: { slug: string; statementId: number; suggestion: SuggestionView }) {
  const [relation, setRelation] = useState<LinkRelation>("contradicts");
  const [pending, start] = useTransition();
  const toast = useToast();
  const router = useRouter();
  const who = `${c.speakerName}, ${formatSaidOn({ date: c.saidOn, precision: c.saidOnPrecision })}`;
  const run = (action: () => ReturnType<typeof dismissSuggestionAction>) => start(async () => {
    const res = await action();
    if (res.status === "error") toast.show(res.error.message, { tone: "error" });
    else if (res.status === "ok") { toast.show(res.message); router.refresh(); }
  });
  return (
    <li className="rounded-lg border border-line bg-panel p-3" aria-label={`Suggestion: ${who}`}>
      <p className="text-xs text-muted">
        <Link href={`/w/${slug}/statements/${c.id}`} className="font-semibold text-accent underline">{c.speakerName}</Link>
        {" · "}<time dateTime={c.saidOn}>{formatSaidOn({ date: c.saidOn, precision: c.saidOnPrecision })}</time>
      </p>
      <blockquote className="mt-1 font-serif text-sm leading-relaxed">“{c.quote}”</blockquote>
      <p className="mt-1 text-xs text-muted">Why: {reasons.join("; ")}</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <label className="flex items-center gap-1 text-sm">Relation
          <select value={relation} onChange={(e) => setRelation(e.target.value as LinkRelation)} className="rounded border border-line bg-panel px-1 py-0.5 text-sm">
            {LINK_RELATIONS.map((r) => <option key={r} value={r}>{RELATION_LABELS[r]}</option>)}
          </select>
        </label>
        <Button size="sm" variant="primary" disabled={pending} aria-label={`Link to ${who}`}
          onClick={() => run(() => acceptSuggestionAction(undefined, { slug, statementId, candidateId: c.id, relation }))}>Link</Button>
        <Button size="sm" disabled={pending} aria-label={`Not related: ${who}`}
          onClick={() => run(() => dismissSuggestionAction(undefined, { slug, statementId, candidateId: c.id }))}>Not related</Button>
      </div>
    </li>
  );
}

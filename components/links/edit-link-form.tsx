"use client";

import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { updateLinkAction } from "@/app/w/[slug]/statements/[id]/actions";
import { LINK_RELATIONS, RELATION_LABELS, VERDICTS, VERDICT_LABELS, type LinkRelation, type Verdict } from "@/lib/domain/enums";

/**
 * "Edit" on a link: a disclosure with its relation, Flip-O-Meter verdict and
 * rationale, so a fact-checker can revise a rating without unlinking (which
 * would lose the link's history and any review of its flag).
 */
export function EditLinkForm({ slug, link, label }: {
  slug: string;
  link: { id: number; relation: LinkRelation; verdict: Verdict | null; rationale: string };
  /** Names the link for assistive technology, e.g. "Edit link with Vladimir Putin, 12 Aug 2024". */
  label: string;
}) {
  const [open, setOpen] = useState(false);
  const [relation, setRelation] = useState(link.relation);
  const [verdict, setVerdict] = useState<Verdict | "">(link.verdict ?? "");
  const [rationale, setRationale] = useState(link.rationale);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [pending, start] = useTransition();
  const toast = useToast();
  const router = useRouter();
  const uid = useId();

  const save = () => start(async () => {
    const result = await updateLinkAction(undefined, { slug, id: link.id, input: { relation, verdict: verdict || null, rationale } });
    if (result.status === "error") return setError(result.error);
    if (result.status === "ok") { setError(null); setOpen(false); toast.show(result.message); router.refresh(); }
  });

  return (
    <>
      <Button size="sm" variant="ghost" className="ml-auto" aria-expanded={open} aria-controls={`${uid}-form`} aria-label={label} onClick={() => setOpen((o) => !o)}>Edit</Button>
      <form id={`${uid}-form`} hidden={!open} aria-label={label} className="mt-2 grid w-full gap-3 border-t border-line pt-3 sm:grid-cols-2"
        onSubmit={(e) => { e.preventDefault(); save(); }}
        onKeyDown={(e) => { if (e.key === "Escape") { e.stopPropagation(); setOpen(false); } }}>
        <Field id={`${uid}-relation`} label="Relation" error={error?.field === "relation" ? error.message : null}>
          {(a11y) => (
            <select {...a11y} className={inputClass} value={relation} onChange={(e) => setRelation(e.target.value as LinkRelation)}>
              {LINK_RELATIONS.map((r) => <option key={r} value={r}>{RELATION_LABELS[r]}</option>)}
            </select>
          )}
        </Field>
        <Field id={`${uid}-verdict`} label="Verdict" hint="Empty: the relation's default applies." error={error?.field === "verdict" ? error.message : null}>
          {(a11y) => (
            <select {...a11y} className={inputClass} value={verdict} onChange={(e) => setVerdict(e.target.value as Verdict | "")}>
              <option value="">No verdict</option>
              {VERDICTS.map((v) => <option key={v} value={v}>{VERDICT_LABELS[v]}</option>)}
            </select>
          )}
        </Field>
        <div className="sm:col-span-2">
          <Field id={`${uid}-rationale`} label="Rationale" error={error && error.field !== "relation" && error.field !== "verdict" ? error.message : null}>
            {(a11y) => <textarea {...a11y} className={inputClass} rows={2} maxLength={2000} value={rationale} onChange={(e) => setRationale(e.target.value)} />}
          </Field>
        </div>
        <div className="flex gap-2 sm:col-span-2">
          <Button type="submit" variant="primary" size="sm" disabled={pending}>Save link</Button>
          <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>Cancel</Button>
        </div>
      </form>
    </>
  );
}

"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { VERDICTS, VERDICT_LABELS, type Verdict } from "@/lib/domain/enums";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { reviewFlagAction, undoFlagReviewAction } from "@/app/w/[slug]/flags/actions";
import type { ActionState } from "@/app/_server/validated-action";

/**
 * Confirm (with a Flip-O-Meter verdict, for self-inconsistency) or dismiss a
 * flag; a reviewed flag offers Undo. Dismissals also offer Undo in the toast.
 */
export function FlagReviewControls({ slug, flagKey, isDispute, reviewed, severity, label }: {
  slug: string; flagKey: string; isDispute: boolean; reviewed: boolean; severity: Verdict | "dispute"; label: string;
}) {
  const [verdict, setVerdict] = useState<Verdict>(severity === "dispute" ? "half_flip" : severity);
  const [pending, start] = useTransition();
  const toast = useToast();
  const router = useRouter();

  const run = (action: () => Promise<ActionState>, undo?: () => void) => start(async () => {
    const res = await action();
    if (res.status === "error") toast.show(res.error.message, { tone: "error" });
    else if (res.status === "ok") { toast.show(res.message, { undo }); router.refresh(); }
  });
  const undo = () => run(() => undoFlagReviewAction(undefined, { slug, flagKey }));

  if (reviewed) {
    return <Button size="sm" disabled={pending} aria-label={`Undo review: ${label}`} onClick={undo}>Undo review</Button>;
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      {isDispute ? null : (
        <label className="flex items-center gap-1 text-sm">Verdict
          <select value={verdict} onChange={(e) => setVerdict(e.target.value as Verdict)} className="rounded border border-line bg-panel px-1 py-0.5 text-sm">
            {VERDICTS.map((v) => <option key={v} value={v}>{VERDICT_LABELS[v]}</option>)}
          </select>
        </label>
      )}
      <Button size="sm" variant="primary" disabled={pending} aria-label={`Confirm: ${label}`}
        onClick={() => run(() => reviewFlagAction(undefined, { slug, flagKey, decision: "confirmed", verdict: isDispute ? null : verdict }), undo)}>Confirm</Button>
      <Button size="sm" disabled={pending} aria-label={`Dismiss: ${label}`}
        onClick={() => run(() => reviewFlagAction(undefined, { slug, flagKey, decision: "dismissed" }), undo)}>Dismiss</Button>
    </div>
  );
}

"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { useToastAction, type FormAction } from "./use-toast-action";

type Entry = { id: number; name: string; statementCount: number };

/**
 * Merge one entry into another: choose the target, then confirm in a modal
 * dialog that says what will move. The native <dialog> traps focus, closes on
 * Escape and gives focus back to the button that opened it.
 */
export function MergeForm({ slug, noun, entry, others, action, consequence, onDone }: {
  slug: string; noun: "speaker" | "topic"; entry: Entry; others: { id: number; name: string }[]; action: FormAction;
  /** What happens to the source's name, in a sentence. */
  consequence: string; onDone: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [targetId, setTargetId] = useState("");
  const { submit, pending, error } = useToastAction(action, () => { dialog.current?.close(); onDone(); });
  const target = others.find((o) => String(o.id) === targetId);
  const fieldId = `merge-${noun}-${entry.id}`;
  const count = `${entry.statementCount} ${entry.statementCount === 1 ? "statement" : "statements"}`;
  if (others.length === 0) return <p className="text-sm text-muted">There is no other {noun} to merge into.</p>;
  return (
    <form onSubmit={submit} className="flex flex-col gap-2">
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="sourceId" value={entry.id} />
      <label htmlFor={fieldId} className="text-sm font-medium">Merge “{entry.name}” into</label>
      <div className="flex flex-wrap gap-2">
        <select id={fieldId} name="targetId" value={targetId} onChange={(e) => setTargetId(e.target.value)} className={`${inputClass} w-auto`}
          aria-invalid={error ? true : undefined} aria-describedby={error ? `${fieldId}-error` : undefined}>
          <option value="">Choose a {noun}…</option>
          {others.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
        </select>
        <Button variant="danger" disabled={!target} onClick={() => dialog.current?.showModal()}>Merge…</Button>
      </div>
      {error ? <p id={`${fieldId}-error`} role="alert" className="text-sm text-danger">{error.message}</p> : null}
      <dialog ref={dialog} aria-labelledby={`${fieldId}-title`} aria-describedby={`${fieldId}-desc`}
        className="m-auto max-w-md rounded-lg border border-line bg-panel p-5 text-ink shadow-xl backdrop:bg-black/40">
        <h2 id={`${fieldId}-title`} className="text-lg font-semibold">Merge “{entry.name}” into “{target?.name}”?</h2>
        <p id={`${fieldId}-desc`} className="mt-2 text-sm">
          {count} will move to “{target?.name}”. {consequence} “{entry.name}” will then be deleted; this cannot be undone.
        </p>
        {error ? <p role="alert" className="mt-2 text-sm text-danger">{error.message}</p> : null}
        <div className="mt-4 flex justify-end gap-2">
          <Button onClick={() => dialog.current?.close()}>Cancel</Button>
          <Button type="submit" variant="danger" disabled={pending}>{pending ? "Merging…" : `Merge ${noun}s`}</Button>
        </div>
      </dialog>
    </form>
  );
}

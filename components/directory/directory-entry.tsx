"use client";

import { Link } from "@/components/ui/link";
import { useId, useRef, useState, type ReactNode } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { useToastAction, type FormAction } from "./use-toast-action";
import { MergeForm } from "./merge-dialog";

export type DetailField = { name: string; label: string; value: string; multiline?: boolean; hint?: string; maxLength: number };
type Panel = "rename" | "details" | "merge" | null;

/** One speaker or topic with its three edits (rename, details, merge), each an inline form opened by a toggle button. */
export function DirectoryEntry({ slug, noun, entry, others, details, actions, mergeConsequence, children }: {
  slug: string; noun: "speaker" | "topic"; entry: { id: number; name: string; statementCount: number };
  others: { id: number; name: string }[]; details: DetailField[];
  actions: { rename: FormAction; details: FormAction; merge: FormAction }; mergeConsequence: string; children?: ReactNode;
}) {
  const [open, setOpen] = useState<Panel>(null);
  const toggles = useRef<Record<string, HTMLButtonElement | null>>({});
  const uid = useId();
  const close = () => {
    const which = open;
    setOpen(null);
    if (which) toggles.current[which]?.focus();
  };
  const toggle = (panel: Exclude<Panel, null>, label: string) => (
    <button type="button" className={buttonClass(open === panel ? "primary" : "secondary", "sm")} aria-expanded={open === panel} aria-controls={`${uid}-${panel}`}
      ref={(el) => { toggles.current[panel] = el; }} aria-label={`${label} ${entry.name}`} onClick={() => setOpen(open === panel ? null : panel)}>
      {label}
    </button>
  );
  const statements = `${entry.statementCount} ${entry.statementCount === 1 ? "statement" : "statements"}`;
  return (
    <article aria-labelledby={`${uid}-name`} className="rounded-lg border border-line bg-panel p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`${uid}-name`} className="text-lg font-semibold">{entry.name}</h2>
        <Link href={`/w/${slug}/statements?${noun}=${entry.id}`} className="text-sm text-accent underline">{statements}</Link>
      </div>
      {children}
      <div className="mt-3 flex flex-wrap gap-2">
        {toggle("rename", "Rename")}
        {toggle("details", "Edit details of")}
        {toggle("merge", "Merge")}
      </div>
      {open ? (
        <div id={`${uid}-${open}`} className="mt-3 border-t border-line pt-3">
          {open === "rename" ? <RenameForm slug={slug} entry={entry} action={actions.rename} onDone={close} onCancel={close} /> : null}
          {open === "details" ? <DetailsForm slug={slug} id={entry.id} fields={details} action={actions.details} onDone={close} onCancel={close} /> : null}
          {open === "merge" ? <MergeForm slug={slug} noun={noun} entry={entry} others={others} action={actions.merge} consequence={mergeConsequence} onDone={close} /> : null}
        </div>
      ) : null}
    </article>
  );
}

function RenameForm({ slug, entry, action, onDone, onCancel }: { slug: string; entry: { id: number; name: string }; action: FormAction; onDone: () => void; onCancel: () => void }) {
  const { submit, pending, error } = useToastAction(action, onDone);
  const id = `rename-${entry.id}-${useId()}`;
  return (
    <form onSubmit={submit} className="flex flex-col gap-2" onKeyDown={(e) => { if (e.key === "Escape") onCancel(); }}>
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="id" value={entry.id} />
      <Field id={id} label="New name" error={error?.message}>
        {(a11y) => <input {...a11y} name="name" defaultValue={entry.name} maxLength={200} autoFocus className={inputClass} />}
      </Field>
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={pending}>{pending ? "Saving…" : "Save name"}</Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}

function DetailsForm({ slug, id, fields, action, onDone, onCancel }: { slug: string; id: number; fields: DetailField[]; action: FormAction; onDone: () => void; onCancel: () => void }) {
  const { submit, pending, error } = useToastAction(action, onDone);
  const uid = useId();
  return (
    <form onSubmit={submit} className="flex flex-col gap-3" onKeyDown={(e) => { if (e.key === "Escape") onCancel(); }}>
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="id" value={id} />
      {fields.map((f, i) => (
        <Field key={f.name} id={`${uid}-${f.name}`} label={f.label} hint={f.hint} error={error && (error.field === f.name || (!error.field && i === 0)) ? error.message : null}>
          {(a11y) => f.multiline
            ? <textarea {...a11y} name={f.name} defaultValue={f.value} rows={3} maxLength={f.maxLength} autoFocus={i === 0} className={inputClass} />
            : <input {...a11y} name={f.name} defaultValue={f.value} maxLength={f.maxLength} autoFocus={i === 0} className={inputClass} />}
        </Field>
      ))}
      {error && error.field && !fields.some((f) => f.name === error.field) ? <p role="alert" className="text-sm text-danger">{error.message}</p> : null}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={pending}>{pending ? "Saving…" : "Save details"}</Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}

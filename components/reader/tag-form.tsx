"use client";

import { useId, useState, useTransition } from "react";
import { DATE_PRECISIONS, STANCES, STANCE_LABELS, STATEMENT_KINDS, type DatePrecision, type Stance, type StatementKind } from "@/lib/domain/enums";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import type { ActionState } from "@/app/_server/validated-action";

export type TagFormValues = {
  speaker: string;
  saidOn: string;
  saidOnPrecision: DatePrecision;
  kind: StatementKind;
  topics: { topic: string; stance: Stance; condition: string }[];
  summary: string;
  note: string;
  notePrivate: boolean;
};

export type TagFormVocabulary = { speakers: { id: number; name: string; aliases: string[] }[]; topics: { id: number; name: string }[] };

/**
 * The statement form: who said it, when (with precision), what kind, the
 * stance per topic, a summary and a private note. Unknown speaker and topic
 * names are created on save. Used for tagging and for editing.
 */
export function TagForm({ quote, initial, vocabulary, submitLabel, onSubmit, onCancel }: {
  quote: string;
  initial: TagFormValues;
  vocabulary: TagFormVocabulary;
  submitLabel: string;
  onSubmit: (values: TagFormValues) => Promise<ActionState<unknown>>;
  onCancel: () => void;
}) {
  const uid = useId();
  const [values, setValues] = useState(initial);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const set = <K extends keyof TagFormValues>(key: K, value: TagFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const setTopic = (i: number, patch: Partial<TagFormValues["topics"][number]>) =>
    set("topics", values.topics.map((t, j) => (j === i ? { ...t, ...patch } : t)));
  const fieldError = (name: string) => (error?.field?.startsWith(name) ? error.message : null);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    startTransition(async () => {
      const result = await onSubmit({ ...values, topics: values.topics.filter((t) => t.topic.trim()) });
      if (result.status === "error") setError({ ...result.error, field: result.error.field?.replace(/^input\./, "") });
    });
  }

  return (
    <form onSubmit={submit} onKeyDown={(e) => {
      if (e.key === "Escape") onCancel();
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); e.currentTarget.requestSubmit(); }
    }} aria-label="Tag statement" className="flex flex-col gap-3 rounded-lg border border-accent/60 bg-panel p-4 shadow-md">
      <blockquote className="max-h-28 overflow-auto border-l-2 border-accent pl-3 font-serif text-sm">“{quote}”</blockquote>
      <Field id={`${uid}-speaker`} label="Speaker" hint="Pick one or type a new name." error={fieldError("speaker")}>
        {(a) => (
          <>
            <input {...a} autoFocus required list={`${uid}-speakers`} value={values.speaker} onChange={(e) => set("speaker", e.target.value)} className={inputClass} autoComplete="off" />
            <datalist id={`${uid}-speakers`}>
              {vocabulary.speakers.flatMap((s) => [<option key={s.id} value={s.name} />, ...s.aliases.map((al) => <option key={`${s.id}-${al}`} value={s.name} label={`${s.name} (${al})`} />)])}
            </datalist>
          </>
        )}
      </Field>
      <div className="grid grid-cols-[1fr_7rem] gap-2">
        <Field id={`${uid}-said`} label="Said on" hint="When the words were said (YYYY-MM-DD, YYYY-MM or YYYY)." error={fieldError("saidOn")}>
          {(a) => <input {...a} required value={values.saidOn} onChange={(e) => set("saidOn", e.target.value)} className={inputClass} placeholder="2024-09-02" />}
        </Field>
        <Field id={`${uid}-precision`} label="Precision">
          {(a) => (
            <select {...a} value={values.saidOnPrecision} onChange={(e) => set("saidOnPrecision", e.target.value as DatePrecision)} className={inputClass}>
              {DATE_PRECISIONS.map((p) => <option key={p} value={p}>{p}</option>)}
            </select>
          )}
        </Field>
      </div>
      <Field id={`${uid}-kind`} label="Kind" error={fieldError("kind")}>
        {(a) => (
          <select {...a} value={values.kind} onChange={(e) => set("kind", e.target.value as StatementKind)} className={inputClass}>
            {STATEMENT_KINDS.map((k) => <option key={k} value={k}>{k}</option>)}
          </select>
        )}
      </Field>
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium">Topics and stances</legend>
        <datalist id={`${uid}-topics`}>{vocabulary.topics.map((t) => <option key={t.id} value={t.name} />)}</datalist>
        {values.topics.map((t, i) => (
          <div key={i} className="flex flex-col gap-1 rounded border border-line p-2">
            <div className="grid grid-cols-[1fr_8.5rem_auto] gap-2">
              <input aria-label={`Topic ${i + 1}`} list={`${uid}-topics`} value={t.topic} onChange={(e) => setTopic(i, { topic: e.target.value })} className={inputClass} autoComplete="off" />
              <select aria-label={`Stance on topic ${i + 1}`} value={t.stance} onChange={(e) => setTopic(i, { stance: e.target.value as Stance })} className={inputClass}>
                {STANCES.map((s) => <option key={s} value={s}>{STANCE_LABELS[s]}</option>)}
              </select>
              <Button size="sm" variant="ghost" aria-label={`Remove topic ${i + 1}`} onClick={() => set("topics", values.topics.filter((_, j) => j !== i))}>×</Button>
            </div>
            {t.stance === "conditional" ? (
              <input aria-label={`Condition for topic ${i + 1}`} placeholder="On what condition?" value={t.condition} onChange={(e) => setTopic(i, { condition: e.target.value })} className={inputClass} />
            ) : null}
          </div>
        ))}
        {fieldError("topics") ? <p role="alert" className="text-sm text-danger">{fieldError("topics")}</p> : null}
        <Button size="sm" onClick={() => set("topics", [...values.topics, { topic: "", stance: "neutral", condition: "" }])}>Add topic</Button>
      </fieldset>
      <Field id={`${uid}-summary`} label="Summary" hint="The position in one line, in your words." error={fieldError("summary")}>
        {(a) => <input {...a} maxLength={300} value={values.summary} onChange={(e) => set("summary", e.target.value)} className={inputClass} />}
      </Field>
      <Field id={`${uid}-note`} label="Note" error={fieldError("note")}>
        {(a) => <textarea {...a} rows={2} value={values.note} onChange={(e) => set("note", e.target.value)} className={inputClass} />}
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={values.notePrivate} onChange={(e) => set("notePrivate", e.target.checked)} />
        Keep the note private (never shared or exported publicly)
      </label>
      {error && !["speaker", "saidOn", "kind", "topics", "summary", "note"].some((f) => error.field?.startsWith(f)) ? (
        <p role="alert" className="text-sm text-danger">{error.message}</p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={pending}>{pending ? "Saving…" : submitLabel}</Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}

"use client";

import { Link } from "@/components/ui/link";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { STANCES, STANCE_LABELS, STATEMENT_KINDS } from "@/lib/domain/enums";
import { Button, buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

export type FilterValues = Partial<Record<"q" | "speaker" | "topic" | "kind" | "stance" | "article" | "from" | "to" | "sort" | "dir" | "limit", string>>;
type Option = { id: number; name: string };

const selectClass = `${inputClass} min-w-0`;
const SORT_OPTIONS = [
  { value: "", label: "Best first (relevance with a search, else said on)" },
  { value: "saidOn", label: "Said on" },
  { value: "speaker", label: "Speaker" },
  { value: "createdAt", label: "Recently tagged" },
  { value: "relevance", label: "Relevance (with a search)" },
];

/**
 * The table's filters as a plain GET form, so it works before JavaScript
 * loads; once it has, submitting drops empty fields (and any page cursor)
 * to keep the URL short and shareable.
 */
export function StatementFilterForm({ action, values, speakers, topics, articles, error }: {
  action: string; values: FilterValues; speakers: Option[]; topics: Option[]; articles: Option[];
  error?: { field?: string; message: string } | null;
}) {
  const router = useRouter();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget)) {
      if (typeof value === "string" && value.trim() !== "") params.append(key, value.trim());
    }
    const qs = params.toString();
    router.push(qs ? `${action}?${qs}` : action);
  }
  const fieldError = (field: string) => (error?.field === field ? error.message : null);
  const select = (name: keyof FilterValues, label: string, any: string, options: { value: string; label: string }[]) => (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={`filter-${name}`} className="text-sm font-medium">{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={values[name] ?? ""} className={selectClass}
        aria-invalid={fieldError(name) ? true : undefined} aria-describedby={fieldError(name) ? "filter-error" : undefined}>
        <option value="">{any}</option>
        {/* A value from the URL that is not an option (several ids) stays selectable, so submitting keeps it. */}
        {values[name] && !options.some((o) => o.value === values[name]) ? <option value={values[name]}>{values[name]}</option> : null}
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
  return (
    <form role="search" aria-label="Filter statements" method="get" action={action} onSubmit={submit}
      className="flex flex-col gap-3 rounded-lg border border-line bg-panel p-4">
      <div className="flex flex-col gap-1">
        <label htmlFor="filter-q" className="text-sm font-medium">Search statements</label>
        <div className="flex gap-2">
          <input id="filter-q" name="q" type="search" defaultValue={values.q ?? ""} maxLength={200} className={inputClass}
            placeholder="Words in quotes, summaries, notes or names" aria-describedby={`filter-q-hint${fieldError("q") ? " filter-error" : ""}`}
            aria-invalid={fieldError("q") ? true : undefined} />
          <Button type="submit" variant="primary">Search</Button>
        </div>
        <p id="filter-q-hint" className="text-xs text-muted">All words must match. “Quotes” for a phrase, a trailing * for a prefix: <code>negotiat*</code>.</p>
      </div>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {select("speaker", "Speaker", "Any speaker", speakers.map((s) => ({ value: String(s.id), label: s.name })))}
        {select("topic", "Topic", "Any topic", topics.map((t) => ({ value: String(t.id), label: t.name })))}
        {select("stance", "Stance", "Any stance", STANCES.map((s) => ({ value: s, label: STANCE_LABELS[s] })))}
        {select("kind", "Kind", "Any kind", STATEMENT_KINDS.map((k) => ({ value: k, label: k[0].toUpperCase() + k.slice(1) })))}
        {select("article", "Article", "Any article", articles.map((a) => ({ value: String(a.id), label: a.name })))}
        {(["from", "to"] as const).map((name) => (
          <div key={name} className="flex flex-col gap-1">
            <label htmlFor={`filter-${name}`} className="text-sm font-medium">{name === "from" ? "Said from" : "Said until"}</label>
            <input id={`filter-${name}`} name={name} defaultValue={values[name] ?? ""} placeholder="YYYY-MM-DD" maxLength={10} inputMode="numeric"
              className={inputClass} aria-invalid={fieldError(name) ? true : undefined} aria-describedby={fieldError(name) ? "filter-error" : "filter-date-hint"} />
          </div>
        ))}
        {select("sort", "Sort by", SORT_OPTIONS[0].label, SORT_OPTIONS.slice(1))}
      </div>
      {values.dir ? <input type="hidden" name="dir" value={values.dir} /> : null}
      {values.limit ? <input type="hidden" name="limit" value={values.limit} /> : null}
      <p id="filter-date-hint" className="text-xs text-muted">Dates as YYYY-MM-DD, YYYY-MM or YYYY. A statement dated only by month or year counts when its period overlaps.</p>
      {error ? <p id="filter-error" role="alert" className="text-sm text-danger">{error.message}</p> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="primary">Apply filters</Button>
        <Link href={action} className={buttonClass("ghost")}>Clear filters</Link>
      </div>
    </form>
  );
}

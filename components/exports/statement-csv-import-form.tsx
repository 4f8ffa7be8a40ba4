"use client";

import { Link } from "@/components/ui/link";
import { useActionState, useState, useTransition, type FormEvent } from "react";
import { statementCsvAction, type CsvImportResult } from "@/app/w/[slug]/import-csv/actions";
import type { ActionState } from "@/app/_server/validated-action";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";

/**
 * Dry run, then confirm. The form is submitted by hand (not through
 * `action=`) because React resets a form after its action, which would
 * clear the chosen file between checking it and importing it.
 */
export function StatementCsvImportForm({ slug }: { slug: string }) {
  const [state, formAction, pending] = useActionState<ActionState<CsvImportResult>, FormData>(statementCsvAction, { status: "idle" });
  const [, startTransition] = useTransition();
  const [stale, setStale] = useState(false);
  const error = state.status === "error" ? state.error : null;
  const plan = state.status === "ok" && !stale ? state.data?.plan : undefined;
  const imported = state.status === "ok" ? state.data?.imported : undefined;

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
    setStale(false);
    startTransition(() => formAction(form));
  }

  return (
    <form onSubmit={submit} className="mt-6 flex flex-col gap-4">
      <input type="hidden" name="slug" value={slug} />
      {plan ? <input type="hidden" name="sha256" value={plan.sha256} /> : null}
      <div className="rounded-lg border border-line bg-panel p-4">
        <Field id="csv-file" label="CSV file" hint="Up to 5 MB, UTF-8." error={error?.field === "file" ? error.message : null}>
          {(a11y) => <input {...a11y} type="file" name="file" required accept=".csv,.txt,text/csv" className={inputClass} onChange={() => setStale(true)} />}
        </Field>
        <div className="mt-3">
          <Button type="submit" name="intent" value="plan" disabled={pending}>{pending ? "Working…" : "Check file (dry run)"}</Button>
        </div>
      </div>
      {error && error.field !== "file" ? <p role="alert" className="text-sm text-danger">{error.message}</p> : null}
      {state.status === "ok" && !stale ? (
        <p role="status" className="text-sm">
          {state.message}{" "}
          {imported !== undefined ? <Link href={`/w/${slug}`} className="underline">Back to the workspace</Link> : null}
        </p>
      ) : null}
      {plan ? (
        <section aria-labelledby="plan-heading" className="flex flex-col gap-4">
          <h2 id="plan-heading" className="text-lg font-semibold">Dry run: {plan.validCount} to import, {plan.errors.length} with errors</h2>
          {plan.newSpeakers.length || plan.newTopics.length ? (
            <p className="text-sm">
              {plan.newSpeakers.length ? <>New speakers: {plan.newSpeakers.join(", ")}. </> : null}
              {plan.newTopics.length ? <>New topics: {plan.newTopics.join(", ")}.</> : null}
            </p>
          ) : null}
          {plan.errors.length ? (
            <table className="w-full text-left text-sm">
              <caption className="text-left font-medium">Rows with errors (not imported)</caption>
              <thead><tr><th scope="col">Line</th><th scope="col">Column</th><th scope="col">Problem</th></tr></thead>
              <tbody>
                {plan.errors.map((e, i) => <tr key={i} className="border-t border-line"><td>{e.line}</td><td><code>{e.field}</code></td><td>{e.message}</td></tr>)}
              </tbody>
            </table>
          ) : null}
          {plan.preview.length ? (
            <table className="w-full text-left text-sm">
              <caption className="text-left font-medium">Rows to import{plan.validCount > plan.preview.length ? ` (first ${plan.preview.length} of ${plan.validCount})` : ""}</caption>
              <thead><tr><th scope="col">Line</th><th scope="col">Speaker</th><th scope="col">Said on</th><th scope="col">Quote</th><th scope="col">Article</th><th scope="col">Topics</th></tr></thead>
              <tbody>
                {plan.preview.map((r) => (
                  <tr key={r.line} className="border-t border-line align-top">
                    <td>{r.line}</td><td>{r.speaker}</td><td>{r.saidOn}</td><td className="max-w-md whitespace-pre-wrap">{r.quote}</td><td>{r.articleTitle}</td><td>{r.topics.join("; ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {plan.validCount > 0 ? (
            <div>
              <Button type="submit" name="intent" value="import" variant="primary" disabled={pending}>
                Import {plan.validCount} statement{plan.validCount === 1 ? "" : "s"}
              </Button>
            </div>
          ) : null}
        </section>
      ) : null}
    </form>
  );
}

"use client";

import { useActionState, useState, useTransition, type FormEvent } from "react";
import { previewImportAction, type ImportPreview } from "@/app/w/[slug]/articles/new/actions";
import type { ActionState } from "@/app/_server/validated-action";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { HTML_FILE_ACCEPT, looksLikeHtmlFile, MAX_UPLOAD_BYTES, NOT_HTML_FILE_MESSAGE, TOO_LARGE_MESSAGE, utf8Length } from "@/lib/validation/article-file";
import { ImportPreviewPanel } from "./import-preview";

type Mode = "text" | "html" | "url";
const MODES: { value: Mode; label: string; hint: string }[] = [
  { value: "text", label: "Paste text", hint: "Plain text; paragraphs are kept." },
  { value: "html", label: "HTML page", hint: "Paste HTML or upload a saved web page." },
  { value: "url", label: "Web address", hint: "Fetched by Claimline's server." },
];

const idle: ActionState<ImportPreview> = { status: "idle" };

/** Step 1 of an import: choose the source and extract a preview. Step 2 (the preview panel) saves it. */
export function ImportForm({ slug }: { slug: string }) {
  const [mode, setMode] = useState<Mode>("text");
  const [state, previewAction, pending] = useActionState(previewImportAction, idle);
  const [, startTransition] = useTransition();
  const [clientError, setClientError] = useState<{ field: string; message: string } | null>(null);
  const serverError = state.status === "error" ? state.error : null;
  const error = clientError ?? serverError;
  const errorFor = (field: string) => (error?.field === field ? error.message : null);
  const placed = ["text", "html", "file", "pageUrl", "url"];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    // Submitted by hand so React does not reset the fields: a failed fetch must not wipe the paste.
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    // An empty file input still posts a nameless, empty File; the server would read it as an upload.
    if (file instanceof File && !file.name && file.size === 0) form.delete("file");
    if (mode === "html" && file instanceof File && file.name) {
      if (file.size > MAX_UPLOAD_BYTES) return setClientError({ field: "file", message: TOO_LARGE_MESSAGE });
      if (!looksLikeHtmlFile(file)) return setClientError({ field: "file", message: NOT_HTML_FILE_MESSAGE });
    }
    for (const name of ["text", "html"]) {
      const value = form.get(name);
      if (typeof value === "string" && utf8Length(value) > MAX_UPLOAD_BYTES) return setClientError({ field: name, message: TOO_LARGE_MESSAGE });
    }
    setClientError(null);
    startTransition(() => previewAction(form));
  }

  return (
    <>
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5" aria-label="Import source">
        <input type="hidden" name="slug" value={slug} />
        <fieldset>
          <legend className="text-sm font-medium">Import from</legend>
          <div role="presentation" className="mt-2 inline-flex flex-wrap rounded-md border border-line bg-panel p-1">
            {MODES.map((m) => (
              <label key={m.value} className={`relative cursor-pointer rounded px-3 py-1.5 text-sm has-[:focus-visible]:outline has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-accent ${mode === m.value ? "bg-accent text-accent-ink" : "text-ink hover:bg-line/40"}`}>
                <input type="radio" name="mode" value={m.value} checked={mode === m.value} onChange={() => { setMode(m.value); setClientError(null); }} className="absolute inset-0 cursor-pointer appearance-none opacity-0" />
                {m.label}
              </label>
            ))}
          </div>
          <p className="mt-1 text-xs text-muted">{MODES.find((m) => m.value === mode)?.hint}</p>
        </fieldset>

        {/* Inactive panels stay mounted (keeping what was typed) but disabled, so they are not submitted. */}
        <fieldset disabled={mode !== "text"} hidden={mode !== "text"} className="flex flex-col gap-3">
          <Field id="import-text" label="Article text" hint="Separate paragraphs with a blank line. Up to 5 MB." error={errorFor("text")}>
            {(a11y) => <textarea {...a11y} name="text" rows={14} className={`${inputClass} font-serif`} />}
          </Field>
        </fieldset>

        <fieldset disabled={mode !== "html"} hidden={mode !== "html"} className="flex flex-col gap-3">
          <Field id="import-file" label="Saved web page (.html)" hint="In your browser: File → Save page as… (HTML only). Up to 5 MB." error={errorFor("file")}>
            {(a11y) => <input {...a11y} type="file" name="file" accept={HTML_FILE_ACCEPT} onChange={() => setClientError(null)} className="text-sm" />}
          </Field>
          <Field id="import-html" label="Or paste the page's HTML" hint="Scripts, styles and images are removed; only the article's text and structure are kept." error={errorFor("html")}>
            {(a11y) => <textarea {...a11y} name="html" rows={10} className={`${inputClass} font-mono`} />}
          </Field>
          <Field id="import-page-url" label="Original address (optional)" hint="Where the page came from: makes its links work and links later re-imports." error={errorFor("pageUrl")}>
            {(a11y) => <input {...a11y} type="url" name="pageUrl" inputMode="url" className={inputClass} placeholder="https://…" />}
          </Field>
        </fieldset>

        <fieldset disabled={mode !== "url"} hidden={mode !== "url"} className="flex flex-col gap-3">
          <Field id="import-url" label="Article URL" hint="A public http(s) page. Pages over 5 MB or slower than 10 seconds are refused." error={errorFor("url")}>
            {(a11y) => <input {...a11y} type="url" name="url" inputMode="url" className={inputClass} placeholder="https://…" />}
          </Field>
        </fieldset>

        {error && !placed.includes(error.field ?? "") ? <p role="alert" className="text-sm text-danger">{error.message}</p> : null}
        <div>
          <Button type="submit" variant="primary" disabled={pending}>
            {pending ? (mode === "url" ? "Fetching…" : "Extracting…") : mode === "url" ? "Fetch" : "Extract"}
          </Button>
        </div>
      </form>
      {state.status === "ok" && state.data && !pending ? <ImportPreviewPanel key={state.data.draft} slug={slug} preview={state.data} /> : null}
    </>
  );
}

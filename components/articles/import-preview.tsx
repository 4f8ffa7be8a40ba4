"use client";

import { useActionState, useEffect, useRef, useTransition, type FormEvent } from "react";
import { saveImportAction, type ImportPreview } from "@/app/w/[slug]/articles/new/actions";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";

const SOURCE_LABEL = { text: "Pasted text", html: "HTML page", url: "Web address" } as const;

/** Step 2: what was extracted, with the metadata open for correction, and "Save snapshot". */
export function ImportPreviewPanel({ slug, preview }: { slug: string; preview: ImportPreview }) {
  const [state, saveAction, pending] = useActionState(saveImportAction, { status: "idle" });
  const [, startTransition] = useTransition();
  const heading = useRef<HTMLHeadingElement>(null);
  const error = state.status === "error" ? state.error : null;
  const errorFor = (field: string) => (error?.field === field ? error.message : null);
  const { meta } = preview;

  // Keyboard and screen-reader users land on the result of "Extract".
  useEffect(() => heading.current?.focus(), []);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault(); // keep the user's corrections if the save is refused
    const form = new FormData(event.currentTarget);
    startTransition(() => saveAction(form));
  }

  const metaFields = [
    { name: "title", label: "Title", value: meta.title, required: true },
    { name: "publisher", label: "Publisher", value: meta.publisher },
    { name: "author", label: "Author", value: meta.author },
    { name: "publishedAt", label: "Published date", value: meta.publishedAt, hint: "YYYY-MM-DD, as printed on the article. Not the date the words were said.", type: "date" },
    { name: "language", label: "Language", value: meta.language, hint: "A language code such as en, de or pt-BR." },
    { name: "url", label: "URL", value: meta.url, hint: "The article's address, if it has one.", type: "url" },
  ];

  return (
    <section aria-labelledby="import-preview-heading" className="mt-10 rounded-lg border border-line bg-panel p-5">
      <h2 id="import-preview-heading" ref={heading} tabIndex={-1} className="text-lg font-semibold">Preview</h2>
      <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm text-muted">
        <div><dt className="inline">Source: </dt><dd className="inline">{SOURCE_LABEL[preview.source]}</dd></div>
        <div><dt className="inline">Characters: </dt><dd className="inline">{preview.characters.toLocaleString("en")}</dd></div>
        <div><dt className="inline">Paragraphs: </dt><dd className="inline">{preview.paragraphs.toLocaleString("en")}</dd></div>
        {preview.hasHtml ? <div><dt className="inline">Formatting: </dt><dd className="inline">kept (sanitised)</dd></div> : null}
      </dl>

      {preview.usedFallback ? (
        <p role="note" className="mt-3 rounded-md border border-line bg-paper p-3 text-sm">
          <strong>Extraction fell back to the whole page.</strong> No distinct article was found, so the page&apos;s text minus its navigation was kept.
          Check the opening below; if it is mostly menus or comments, paste just the article&apos;s text instead.
        </p>
      ) : null}
      {preview.earlierSnapshots > 0 ? (
        <p role="note" className="mt-3 rounded-md border border-line bg-paper p-3 text-sm">
          This URL has {preview.earlierSnapshots} earlier snapshot{preview.earlierSnapshots === 1 ? "" : "s"}; saving makes a new snapshot.
          Statements can be carried over from the reader.
        </p>
      ) : null}

      <h3 className="mt-5 text-sm font-semibold">Opening paragraphs</h3>
      <div className="prose-reader mt-2 max-h-80 overflow-auto rounded-md border border-line bg-paper p-4 text-base" tabIndex={0} aria-label="Opening paragraphs of the extracted text">
        {preview.opening.map((p, i) => <p key={i}>{p}</p>)}
      </div>

      <form onSubmit={onSubmit} noValidate className="mt-6 flex flex-col gap-4" aria-label="Article details">
        <input type="hidden" name="slug" value={slug} />
        <input type="hidden" name="draft" value={preview.draft} />
        <div className="grid gap-4 sm:grid-cols-2">
          {metaFields.map((f) => (
            <Field key={f.name} id={`meta-${f.name}`} label={f.label} hint={f.hint} error={errorFor(f.name)}>
              {(a11y) => <input {...a11y} name={f.name} type={f.type ?? "text"} defaultValue={f.value ?? ""} required={f.required} className={inputClass} />}
            </Field>
          ))}
        </div>
        {error && !metaFields.some((f) => f.name === error.field) ? <p role="alert" className="text-sm text-danger">{error.message}</p> : null}
        <div>
          <Button type="submit" variant="primary" disabled={pending}>{pending ? "Saving…" : "Save snapshot"}</Button>
        </div>
      </form>
    </section>
  );
}

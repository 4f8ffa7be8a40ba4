"use client";

import { useActionState, useEffect, useRef } from "react";
import { saveTimelineAction } from "@/app/w/[slug]/timeline/actions";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";

/** Saves the view on screen (the page's query string) under a title. */
export function SaveTimelineForm({ slug, view }: { slug: string; view: string }) {
  const [state, formAction, pending] = useActionState(saveTimelineAction, { status: "idle" });
  const toast = useToast();
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "ok") {
      toast.show(state.message);
      form.current?.reset();
    }
  }, [state, toast]);
  const error = state.status === "error" ? state.error : null;
  return (
    <form ref={form} action={formAction} aria-label="Save view" className="flex flex-col gap-3" data-no-print>
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="view" value={view} />
      <Field id="tl-save-title" label="Title" error={error?.field === "title" ? error.message : null}>
        {(a11y) => <input {...a11y} name="title" required maxLength={200} className={inputClass} placeholder="e.g. Putin on talks, summer 2024" />}
      </Field>
      <Field id="tl-save-description" label="Description" hint="Optional: shown on the shared page.">
        {(a11y) => <textarea {...a11y} name="description" rows={2} maxLength={1000} className={inputClass} />}
      </Field>
      {error && error.field !== "title" ? <p role="alert" className="text-sm text-danger">{error.message}</p> : null}
      <Button type="submit" variant="primary" disabled={pending}>{pending ? "Saving…" : "Save view"}</Button>
    </form>
  );
}

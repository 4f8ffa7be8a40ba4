"use client";

import { useActionState } from "react";
import { createWorkspaceAction } from "@/app/actions";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";

export function CreateWorkspaceForm() {
  const [state, formAction, pending] = useActionState(createWorkspaceAction, { status: "idle" });
  const error = state.status === "error" ? state.error : null;
  return (
    <form action={formAction} className="mt-3 flex flex-col gap-3">
      <Field id="ws-name" label="Name" error={error?.field === "name" ? error.message : null}>
        {(a11y) => <input {...a11y} name="name" required maxLength={120} className={inputClass} placeholder="e.g. Energy price promises" />}
      </Field>
      <Field id="ws-description" label="Description" hint="Optional: what this investigation is about.">
        {(a11y) => <textarea {...a11y} name="description" rows={2} maxLength={1000} className={inputClass} />}
      </Field>
      {error && error.field !== "name" ? <p role="alert" className="text-sm text-danger">{error.message}</p> : null}
      <Button type="submit" variant="primary" disabled={pending}>{pending ? "Creating…" : "Create workspace"}</Button>
    </form>
  );
}

"use client";

import { useActionState } from "react";
import { importWorkspaceAction } from "@/app/import/actions";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";

export function ImportWorkspaceForm() {
  const [state, formAction, pending] = useActionState(importWorkspaceAction, { status: "idle" });
  const error = state.status === "error" ? state.error : null;
  return (
    <form action={formAction} className="mt-6 flex flex-col gap-4 rounded-lg border border-line bg-panel p-4">
      <Field id="import-file" label="workspace.json file" hint="Up to 20 MB." error={error?.field === "file" ? error.message : null}>
        {(a11y) => <input {...a11y} type="file" name="file" required accept=".json,application/json" className={inputClass} />}
      </Field>
      <Field id="import-name" label="Name of the new workspace" hint="Optional: leave empty to keep the name in the file." error={error?.field === "name" ? error.message : null}>
        {(a11y) => <input {...a11y} name="name" maxLength={120} className={inputClass} />}
      </Field>
      {error && error.field !== "file" && error.field !== "name" ? <p role="alert" className="text-sm text-danger">{error.message}</p> : null}
      <div>
        <Button type="submit" variant="primary" disabled={pending}>{pending ? "Importing…" : "Import workspace"}</Button>
      </div>
    </form>
  );
}

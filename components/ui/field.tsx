import type { ReactNode } from "react";

/**
 * A labelled control with its hint and error wired for assistive technology:
 * the control gets `aria-describedby` and `aria-invalid` through the render prop.
 */
export function Field({ id, label, hint, error, children }: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  children: (a11y: { id: string; "aria-describedby"?: string; "aria-invalid"?: boolean }) => ReactNode;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">{label}</label>
      {children({ id, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined })}
      {hint ? <p id={`${id}-hint`} className="text-xs text-muted">{hint}</p> : null}
      {error ? <p id={`${id}-error`} role="alert" className="text-sm text-danger">{error}</p> : null}
    </div>
  );
}

export const inputClass =
  "w-full rounded-md border border-line bg-panel px-3 py-2 text-sm text-ink placeholder:text-muted focus:border-accent aria-[invalid=true]:border-danger";

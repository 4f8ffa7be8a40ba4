import type { ReactNode } from "react";

/** Empty states teach: what the thing is and the first step to take. */
export function EmptyState({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-line bg-panel/60 p-6 text-center">
      <h3 className="font-semibold">{title}</h3>
      <div className="mx-auto mt-1 max-w-prose text-sm text-muted">{children}</div>
      {action ? <div className="mt-4">{action}</div> : null}
    </div>
  );
}

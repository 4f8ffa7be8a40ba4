import { Link } from "@/components/ui/link";
import { VerdictBadge } from "@/components/ui/badge";
import type { FlagView } from "@/db/queries/flags";

/** The overview's glance at the inbox: how many flags are open and the weightiest three. */
export function OpenFlagsSummary({ slug, count, detected, top }: { slug: string; count: number; detected: number; top: FlagView[] }) {
  return (
    <section aria-labelledby="open-flags" className="mt-10">
      <h2 id="open-flags" className="text-lg font-semibold">
        Open flags: <Link href={`/w/${slug}/flags`} className="text-accent underline">{count}</Link>
      </h2>
      <p className="text-sm text-muted">{detected} detected shift{detected === 1 ? "" : "s"} waiting for review.</p>
      {top.length > 0 ? (
        <ol className="mt-3 flex flex-col gap-2" aria-label="Top open flags">
          {top.map((f) => (
            <li key={f.key} className="flex flex-wrap items-center gap-2 rounded-lg border border-line bg-panel p-3 text-sm">
              <VerdictBadge verdict={f.severity} />
              <Link href={`/w/${slug}/flags#${f.anchor}`} className="text-accent underline">{f.title}</Link>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

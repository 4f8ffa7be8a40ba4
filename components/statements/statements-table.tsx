import { Link } from "@/components/ui/link";
import { formatSaidOn } from "@/lib/domain/said-on";
import { KindBadge, StanceBadge } from "@/components/ui/badge";
import type { StatementListItem } from "@/db/queries/statement-lists";
import type { StatementSort, SortDirection } from "@/lib/validation/statement-filters";

const PRECISION_NOTE = { day: "", month: "month only", year: "year only" } as const;

export type SortLink = (by: StatementSort, dir: SortDirection) => string;

/** A column header that sorts by a click or Enter, and tells assistive technology which way the table is sorted. */
function SortableHeader({ label, by, current, sortHref }: { label: string; by: StatementSort; current: { by: StatementSort; dir: SortDirection }; sortHref: SortLink }) {
  const active = current.by === by;
  const next: SortDirection = active && current.dir === "asc" ? "desc" : "asc";
  return (
    <th scope="col" aria-sort={active ? (current.dir === "asc" ? "ascending" : "descending") : "none"} className="px-3 py-2 text-left font-semibold">
      <Link href={sortHref(by, next)} className="inline-flex items-center gap-1 underline-offset-2 hover:underline">
        {label}
        <span aria-hidden="true" className="text-muted">{active ? (current.dir === "asc" ? "▲" : "▼") : "↕"}</span>
        <span className="sr-only">{active ? `, sorted ${current.dir === "asc" ? "ascending" : "descending"}; ` : "; "}sort {next === "asc" ? "ascending" : "descending"}</span>
      </Link>
    </th>
  );
}

export function StatementsTable({ slug, items, sort, sortHref, caption }: {
  slug: string; items: StatementListItem[]; sort: { by: StatementSort; dir: SortDirection }; sortHref: SortLink; caption: string;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-panel">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-line bg-paper/60">
          <tr>
            <SortableHeader label="Said on" by="saidOn" current={sort} sortHref={sortHref} />
            <SortableHeader label="Speaker" by="speaker" current={sort} sortHref={sortHref} />
            <th scope="col" className="px-3 py-2 text-left font-semibold">Quote</th>
            <th scope="col" className="px-3 py-2 text-left font-semibold">Stances</th>
            <th scope="col" className="px-3 py-2 text-left font-semibold">Kind</th>
            <th scope="col" className="px-3 py-2 text-left font-semibold">Article</th>
          </tr>
        </thead>
        <tbody>
          {items.map((s) => (
            <tr key={s.id} className="border-b border-line align-top last:border-0 hover:bg-accent/5">
              <td className="whitespace-nowrap px-3 py-2">
                <time dateTime={s.saidOn}>{formatSaidOn({ date: s.saidOn, precision: s.saidOnPrecision })}</time>
                {PRECISION_NOTE[s.saidOnPrecision] ? <span className="block text-xs text-muted">{PRECISION_NOTE[s.saidOnPrecision]}</span> : null}
              </td>
              <td className="px-3 py-2 font-medium">{s.speakerName}</td>
              <td className="max-w-[42ch] px-3 py-2">
                <Link href={`/w/${slug}/statements/${s.id}`} className="line-clamp-3 font-serif text-[0.95rem] leading-snug underline-offset-2 hover:underline" title={s.quote}>
                  “{s.quote}”
                </Link>
                {s.summary ? <span className="mt-0.5 line-clamp-1 block text-xs text-muted">{s.summary}</span> : null}
              </td>
              <td className="px-3 py-2">
                <div className="flex flex-col items-start gap-1">
                  {s.stances.length === 0 ? <span className="text-xs text-muted">None</span> : null}
                  {s.stances.map((st) => <StanceBadge key={st.topicId} stance={st.stance} topic={st.topicName} condition={st.condition} />)}
                </div>
              </td>
              <td className="px-3 py-2"><KindBadge kind={s.kind} /></td>
              <td className="max-w-[28ch] px-3 py-2">
                <Link href={`/w/${slug}/articles/${s.articleId}#statement-${s.id}`} className="line-clamp-2 text-accent underline">{s.articleTitle}</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

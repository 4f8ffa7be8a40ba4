import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { connection } from "next/server";
import { inboxTabOf, listFlagsByWorkspace, type FlagView } from "@/db/queries/flags";
import { listSpeakersByWorkspace } from "@/db/queries/speakers";
import { listTopicsByWorkspace } from "@/db/queries/topics";
import { workspacePage } from "@/app/_server/context";
import { FLAG_RULES } from "@/lib/domain/enums";
import { flagFilterInput, FLAG_INBOX_TABS, FLAGS_PER_PAGE, type FlagInboxTab } from "@/lib/validation/flag";
import { FlagCard } from "@/components/flags/flag-card";
import { FLAG_RULE_LABELS } from "@/components/flags/flag-labels";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Flags" };

const SECTIONS: Record<FlagInboxTab, { title: string; empty: string }> = {
  open: { title: "Open: detected stance shifts", empty: "No detected shifts wait for review. They appear when a speaker's stance on a topic changes between two statements." },
  disputes: { title: "Disputes between speakers", empty: "No disputes. A dispute appears when a statement is linked as contradicting another speaker." },
  confirmed: { title: "Linked and confirmed", empty: "Nothing confirmed yet. Link statements that contradict, reverse, soften or harden, or confirm a detected shift." },
  dismissed: { title: "Dismissed", empty: "Nothing dismissed." },
};

/** A section's name without its explanation, for tabs and links: "Open", "Disputes between speakers". */
const shortTitle = (t: FlagInboxTab) => SECTIONS[t].title.split(":")[0];

function one(v: string | string[] | undefined) {
  return Array.isArray(v) ? v[0] : v;
}

export default async function FlagsInbox({ params, searchParams }: Props) {
  await connection();
  const { slug } = await params;
  const { ws, db } = workspacePage(slug);
  const raw = await searchParams;
  // A hand-edited URL with a bad filter shows everything rather than an error page.
  const parsed = flagFilterInput.safeParse({ speaker: one(raw.speaker), topic: one(raw.topic), rule: one(raw.rule), tab: one(raw.tab), page: one(raw.page) });
  const filters = parsed.success ? parsed.data : {};
  const flags = listFlagsByWorkspace(db, { workspaceId: ws.id, speakerId: filters.speaker, topicId: filters.topic, rule: filters.rule });
  const byTab = new Map<FlagInboxTab, FlagView[]>(FLAG_INBOX_TABS.map((t) => [t, []]));
  for (const f of flags) byTab.get(inboxTabOf(f))!.push(f);
  const speakers = listSpeakersByWorkspace(db, { workspaceId: ws.id });
  const topics = listTopicsByWorkspace(db, { workspaceId: ws.id });
  const shown = filters.tab ? [filters.tab] : FLAG_INBOX_TABS;
  const query = (tab?: FlagInboxTab, page?: number) => {
    const p = new URLSearchParams();
    if (filters.speaker) p.set("speaker", String(filters.speaker));
    if (filters.topic) p.set("topic", String(filters.topic));
    if (filters.rule) p.set("rule", filters.rule);
    if (tab) p.set("tab", tab);
    if (page && page > 1) p.set("page", String(page));
    const s = p.toString();
    return s ? `?${s}` : "";
  };
  // "All" shows the first page of every section; a section's own tab pages through it. A page past the end shows the last.
  const pageOf = (t: FlagInboxTab) => {
    const pages = Math.max(1, Math.ceil(byTab.get(t)!.length / FLAGS_PER_PAGE));
    return { page: filters.tab === t ? Math.min(filters.page ?? 1, pages) : 1, pages };
  };

  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-semibold tracking-tight">Flags</h1>
      <p className="mt-1 max-w-prose text-muted">Where statements stop adding up: links you made, stance shifts Claimline detected, and disputes between speakers. Confirm a detected shift with a Flip-O-Meter verdict, or dismiss it.</p>

      <form method="get" className="mt-6 flex flex-wrap items-end gap-3" aria-label="Filter flags">
        <label className="flex flex-col gap-1 text-sm font-medium">Speaker
          <select name="speaker" defaultValue={filters.speaker ?? ""} className={inputClass}>
            <option value="">All speakers</option>
            {speakers.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">Topic
          <select name="topic" defaultValue={filters.topic ?? ""} className={inputClass}>
            <option value="">All topics</option>
            {topics.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">Rule
          <select name="rule" defaultValue={filters.rule ?? ""} className={inputClass}>
            <option value="">All rules</option>
            {FLAG_RULES.map((r) => <option key={r} value={r}>{FLAG_RULE_LABELS[r]}</option>)}
          </select>
        </label>
        {filters.tab ? <input type="hidden" name="tab" value={filters.tab} /> : null}
        <button type="submit" className={buttonClass("secondary")}>Apply filters</button>
        <Link href={`/w/${ws.slug}/flags`} className="text-sm text-accent underline">Clear</Link>
      </form>

      <nav aria-label="Flag sections" className="mt-6">
        <ul className="flex flex-wrap gap-1 border-b border-line text-sm">
          <li><Link href={`/w/${ws.slug}/flags${query()}`} aria-current={!filters.tab ? "page" : undefined} className={`inline-block rounded-t px-3 py-1.5 ${!filters.tab ? "bg-accent/15 font-semibold" : "text-muted hover:text-ink"}`}>All ({flags.length})</Link></li>
          {FLAG_INBOX_TABS.map((t) => (
            <li key={t}>
              <Link href={`/w/${ws.slug}/flags${query(t)}`} aria-current={filters.tab === t ? "page" : undefined}
                className={`inline-block rounded-t px-3 py-1.5 ${filters.tab === t ? "bg-accent/15 font-semibold" : "text-muted hover:text-ink"}`}>
                {shortTitle(t)} ({byTab.get(t)!.length})
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {shown.map((t) => {
        const all = byTab.get(t)!;
        const { page, pages } = pageOf(t);
        const first = (page - 1) * FLAGS_PER_PAGE;
        const onPage = all.slice(first, first + FLAGS_PER_PAGE);
        return (
          <section key={t} aria-labelledby={`section-${t}`} className="mt-8">
            <h2 id={`section-${t}`} className="text-lg font-semibold">{SECTIONS[t].title} ({all.length})</h2>
            {all.length === 0 ? <div className="mt-3"><EmptyState title="Nothing here">{SECTIONS[t].empty}</EmptyState></div> : (
              <>
                {pages > 1 ? <p className="mt-1 text-sm text-muted">{first + 1}–{first + onPage.length} of {all.length.toLocaleString("en")}</p> : null}
                <ol className="mt-3 flex flex-col gap-4" start={first + 1}>
                  {onPage.map((f) => <li key={f.key}><FlagCard slug={ws.slug} flag={f} /></li>)}
                </ol>
                {pages > 1 && !filters.tab ? (
                  <p className="mt-3"><Link href={`/w/${ws.slug}/flags${query(t)}`} className="text-sm text-accent underline">All {all.length.toLocaleString("en")} in {shortTitle(t)}</Link></p>
                ) : null}
                {pages > 1 && filters.tab ? (
                  <nav aria-label="Pages" className="mt-3 flex justify-between gap-2">
                    {page > 1 ? <Link rel="prev" href={`/w/${ws.slug}/flags${query(t, page - 1)}`} className={buttonClass("secondary")}>← Previous page</Link> : <span />}
                    {page < pages ? <Link rel="next" href={`/w/${ws.slug}/flags${query(t, page + 1)}`} className={buttonClass("secondary")}>Next page →</Link> : null}
                  </nav>
                ) : null}
              </>
            )}
          </section>
        );
      })}
    </main>
  );
}

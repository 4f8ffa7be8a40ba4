"use client";

import { useState, useTransition, type ReactNode } from "react";
import { usePathname, useRouter } from "next/navigation";
import { STATEMENT_KINDS } from "@/lib/domain/enums";
import { parseTimelineView, serializeTimelineView, withView, type TimelineViewState } from "@/lib/timeline/view-state";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

type Named = { id: number; name: string };

/**
 * Every control writes the view into the URL (router.replace), and the server
 * renders the timeline from the URL, so the address bar is always a link to
 * exactly what is on screen. Controls answer at once from a local draft; when
 * the URL changes from outside (back button), the draft follows it. The
 * component is not remounted, so keyboard focus stays on the control used.
 */
export function TimelineFilters({ view, speakers, topics }: { view: TimelineViewState; speakers: Named[]; topics: Named[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const [draft, setDraft] = useState(view);
  const [dates, setDates] = useState({ from: view.from ?? "", to: view.to ?? "" });
  const [dateError, setDateError] = useState<string | null>(null);
  const [seen, setSeen] = useState(() => serializeTimelineView({ ...view, selected: null }));
  const current = serializeTimelineView({ ...view, selected: null });
  if (current !== seen) {
    setSeen(current);
    // Our own change coming back from the server leaves the draft (and any
    // half-typed date) alone; only a change from elsewhere replaces it.
    if (current !== serializeTimelineView({ ...draft, selected: null })) {
      setDraft(view);
      setDates({ from: view.from ?? "", to: view.to ?? "" });
    }
  }

  function apply(change: Partial<TimelineViewState>) {
    const next = withView(draft, { ...change, selected: null });
    setDraft(next);
    const qs = serializeTimelineView(next);
    startTransition(() => router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false }));
  }
  function toggle<K extends "speakers" | "topics" | "kinds">(key: K, value: TimelineViewState[K][number]) {
    const list = draft[key] as (typeof value)[];
    apply({ [key]: list.includes(value) ? list.filter((v) => v !== value) : [...list, value] } as Partial<TimelineViewState>);
  }
  function applyDates() {
    const parsed = parseTimelineView({ from: dates.from, to: dates.to });
    const bad = (dates.from.trim() && !parsed.from) ? "From" : (dates.to.trim() && !parsed.to) ? "To" : null;
    setDateError(bad ? `${bad}: give a date as YYYY, YYYY-MM or YYYY-MM-DD.` : null);
    if (!bad && (parsed.from !== draft.from || parsed.to !== draft.to)) apply({ from: parsed.from, to: parsed.to });
  }

  return (
    <form aria-label="Filters" aria-busy={pending} className="flex flex-col gap-4 text-sm" data-no-print
      onSubmit={(e) => { e.preventDefault(); applyDates(); }}>
      <CheckGroup legend="Speakers">
        {speakers.map((s) => <Check key={s.id} label={s.name} checked={draft.speakers.includes(s.id)} onChange={() => toggle("speakers", s.id)} />)}
      </CheckGroup>
      <CheckGroup legend="Topics">
        {topics.map((t) => <Check key={t.id} label={t.name} checked={draft.topics.includes(t.id)} onChange={() => toggle("topics", t.id)} />)}
      </CheckGroup>
      <CheckGroup legend="Kinds">
        {STATEMENT_KINDS.map((k) => <Check key={k} label={k[0].toUpperCase() + k.slice(1)} checked={draft.kinds.includes(k)} onChange={() => toggle("kinds", k)} />)}
      </CheckGroup>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-semibold">Said between</legend>
        {(["from", "to"] as const).map((key) => (
          <label key={key} className="flex flex-col gap-0.5">
            <span>{key === "from" ? "From" : "To"}</span>
            <input className={inputClass} value={dates[key]} placeholder="YYYY-MM" inputMode="numeric" aria-describedby="tl-dates-hint"
              aria-invalid={dateError?.startsWith(key === "from" ? "From" : "To") || undefined}
              onChange={(e) => setDates((d) => ({ ...d, [key]: e.target.value }))} onBlur={applyDates}
              onKeyDown={(e) => { if (e.key === "Enter") { e.preventDefault(); applyDates(); } }} />
          </label>
        ))}
        <p id="tl-dates-hint" className="text-xs text-muted">A year, month or day; press Enter to apply.</p>
        {dateError ? <p role="alert" className="text-danger">{dateError}</p> : null}
      </fieldset>
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 font-semibold">Flags</legend>
        <Check label="Flagged only" checked={draft.flagged} onChange={() => apply({ flagged: !draft.flagged })} />
        <Check label="Confirmed only" checked={draft.confirmed} onChange={() => apply({ confirmed: !draft.confirmed })} />
      </fieldset>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-semibold">Display</legend>
        <label className="flex flex-col gap-0.5">
          <span>Scale</span>
          <select className={inputClass} value={draft.scale ?? ""} onChange={(e) => apply({ scale: (e.target.value || null) as TimelineViewState["scale"] })}>
            <option value="">Automatic</option>
            <option value="day">Day</option>
            <option value="month">Month</option>
            <option value="year">Year</option>
          </select>
        </label>
        <Button size="sm" aria-pressed={draft.order === "desc"} onClick={() => apply({ order: draft.order === "desc" ? "asc" : "desc" })}>Newest first</Button>
      </fieldset>
      <Button size="sm" variant="ghost" onClick={() => { setDates({ from: "", to: "" }); apply({ speakers: [], topics: [], kinds: [], from: null, to: null, flagged: false, confirmed: false }); }}>
        Clear filters
      </Button>
    </form>
  );
}

function CheckGroup({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="mb-1 font-semibold">{legend}</legend>
      {children}
    </fieldset>
  );
}

function Check({ label, checked, onChange }: { label: string; checked: boolean; onChange: () => void }) {
  return (
    <label className="flex items-center gap-2">
      <input type="checkbox" checked={checked} onChange={onChange} className="h-4 w-4 accent-[var(--accent)]" />
      <span>{label}</span>
    </label>
  );
}

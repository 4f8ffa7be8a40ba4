"use client";

import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { useRouter } from "next/navigation";
import { DEFAULT_VERDICT_FOR_RELATION, LINK_RELATIONS, RELATION_LABELS, VERDICTS, VERDICT_LABELS, type LinkRelation, type Verdict } from "@/lib/domain/enums";
import { formatSaidOn } from "@/lib/domain/said-on";
import { Button, buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { createLinkAction } from "@/app/w/[slug]/statements/[id]/actions";
import { useLinkSearch } from "./use-link-search";

export interface LinkDialogStatement { id: number; quote: string; speakerName: string; saidOn: string; saidOnPrecision: "day" | "month" | "year" }
type Option = { id: number; name: string };

const RELATION_HINTS: Record<LinkRelation, string> = {
  contradicts: "says the opposite", reverses: "takes back a position", softens: "weakens a demand or claim", hardens: "strengthens it",
  restates: "says it again", supports: "backs it up", clarifies: "explains what was meant",
};

function isTyping(target: EventTarget | null) {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName) && !(el instanceof HTMLInputElement && (el.type === "radio" || el.type === "checkbox")));
}

/**
 * "Link to an earlier statement": a button and a native modal dialog
 * (showModal traps focus, Escape closes, focus returns to the button).
 * With `hotkey`, pressing L anywhere on the page (outside text fields) opens it.
 */
export function LinkDialog({ slug, statement, speakers, topics, hotkey = false, openOnArrival = false }: {
  slug: string; statement: LinkDialogStatement; speakers: Option[]; topics: Option[]; hotkey?: boolean;
  /** Open at once: the reader's L on a statement card lands here with ?link=1. */
  openOnArrival?: boolean;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState({ q: "", speakerId: "", topicId: "" });
  const [targetId, setTargetId] = useState<number | null>(null);
  const [relation, setRelation] = useState<LinkRelation>("contradicts");
  const [verdict, setVerdict] = useState<Verdict | null>(DEFAULT_VERDICT_FOR_RELATION.contradicts);
  const [verdictTouched, setVerdictTouched] = useState(false);
  const [chosenIsLater, setChosenIsLater] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { results, error: searchError, loading } = useLinkSearch(slug, statement.id, query, open);
  const toast = useToast();
  const router = useRouter();
  const uid = useId();

  const show = useCallback(() => {
    dialogRef.current?.showModal();
    setOpen(true);
    searchRef.current?.focus();
  }, []);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- opening a native <dialog> on arrival has to happen after mount
    if (openOnArrival) show();
  }, [openOnArrival, show]);

  useEffect(() => {
    if (!hotkey) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key.toLowerCase() !== "l" || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target) || dialogRef.current?.open) return;
      e.preventDefault();
      show();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [hotkey, show]);

  function onClose() {
    setOpen(false);
    setError(null);
    triggerRef.current?.focus();
  }

  function chooseRelation(next: LinkRelation) {
    setRelation(next);
    if (!verdictTouched) setVerdict(DEFAULT_VERDICT_FOR_RELATION[next]);
  }

  function onDialogKey(e: KeyboardEvent<HTMLDialogElement>) {
    // Number keys pick the relation, except while typing a search or a rationale.
    const n = Number(e.key);
    if (Number.isInteger(n) && n >= 1 && n <= LINK_RELATIONS.length && !isTyping(e.target) && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      chooseRelation(LINK_RELATIONS[n - 1]);
    }
  }

  const target = results.find((r) => r.id === targetId) ?? null;
  const sameDate = !!target && target.saidOn === statement.saidOn && target.saidOnPrecision === statement.saidOnPrecision;

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    if (!target) { setError("Choose the statement to link to."); return; }
    const rationale = String(new FormData(form).get("rationale") ?? "");
    const [fromId, toId] = sameDate && chosenIsLater ? [target.id, statement.id] : [statement.id, target.id];
    setSaving(true);
    const res = await createLinkAction(undefined, { slug, fromId, toId, relation, verdict, rationale });
    setSaving(false);
    if (res.status === "error") { setError(res.error.message); return; }
    toast.show(res.status === "ok" ? res.message : "Linked.");
    form.reset();
    setTargetId(null);
    setVerdictTouched(false);
    dialogRef.current?.close();
    router.refresh();
  }

  const titleId = `${uid}-title`;
  return (
    <>
      <button ref={triggerRef} type="button" className={buttonClass("primary")} onClick={show} aria-keyshortcuts={hotkey ? "L" : undefined}>
        Link to an earlier statement{hotkey ? <kbd aria-hidden="true" className="ml-1 rounded border border-current px-1 text-xs opacity-80">L</kbd> : null}
      </button>
      <dialog ref={dialogRef} aria-labelledby={titleId} onClose={onClose} onKeyDown={onDialogKey}
        className="m-auto max-h-[90vh] w-[min(56rem,95vw)] overflow-y-auto rounded-lg border border-line bg-panel p-0 text-ink backdrop:bg-black/40">
        <form onSubmit={onSubmit} className="flex flex-col gap-4 p-5">
          <div className="flex items-start justify-between gap-4">
            <h2 id={titleId} className="text-lg font-semibold">Link to an earlier statement</h2>
            <Button size="sm" variant="ghost" onClick={() => dialogRef.current?.close()} aria-label="Close">✕</Button>
          </div>
          <figure className="rounded-md border border-line p-3">
            <figcaption className="text-xs text-muted">This statement · {statement.speakerName} · {formatSaidOn({ date: statement.saidOn, precision: statement.saidOnPrecision })}</figcaption>
            <blockquote className="mt-1 font-serif leading-relaxed">“{statement.quote}”</blockquote>
          </figure>

          <div role="search" className="grid gap-2 sm:grid-cols-[1fr_12rem_12rem]">
            <label className="flex flex-col gap-1 text-sm font-medium">Search statements
              <input ref={searchRef} type="search" className={inputClass} value={query.q} placeholder="Words from the quote, a speaker or a topic"
                onChange={(e) => setQuery({ ...query, q: e.target.value })} />
            </label>
            <label className="flex flex-col gap-1 text-sm font-medium">Speaker
              <select className={inputClass} value={query.speakerId} onChange={(e) => setQuery({ ...query, speakerId: e.target.value })}>
                <option value="">All speakers</option>
                {speakers.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
              </select>
            </label>
            <label className="flex flex-col gap-1 text-sm font-medium">Topic
              <select className={inputClass} value={query.topicId} onChange={(e) => setQuery({ ...query, topicId: e.target.value })}>
                <option value="">All topics</option>
                {topics.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
              </select>
            </label>
          </div>

          <fieldset>
            <legend className="text-sm font-medium">Statement to link to <span className="font-normal text-muted" aria-live="polite">({loading ? "searching…" : `${results.length} found`})</span></legend>
            {searchError ? <p role="alert" className="text-sm text-danger">{searchError}</p> : null}
            <ul className="mt-2 flex max-h-72 flex-col gap-2 overflow-y-auto pr-1">
              {results.map((r) => (
                <li key={r.id}>
                  <label className={`flex gap-3 rounded-md border p-2 ${targetId === r.id ? "border-accent bg-accent/10" : "border-line"} ${r.linked ? "opacity-60" : "cursor-pointer"}`}>
                    <input type="radio" name="target" value={r.id} checked={targetId === r.id} disabled={r.linked} onChange={() => { setTargetId(r.id); setChosenIsLater(false); }} className="mt-1" />
                    <span className="min-w-0">
                      <span className="block text-xs text-muted">{r.speakerName} · {formatSaidOn({ date: r.saidOn, precision: r.saidOnPrecision })}{r.linked ? " · already linked" : ""}{r.saidOn > statement.saidOn ? " · said later: the link will run from it to this one" : ""}</span>
                      <span className="block font-serif text-sm leading-relaxed">“{r.quote}”</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
            {sameDate ? (
              <label className="mt-2 flex items-center gap-2 text-sm">
                <input type="checkbox" checked={chosenIsLater} onChange={(e) => setChosenIsLater(e.target.checked)} />
                Both were said the same day: the chosen statement came later
              </label>
            ) : null}
          </fieldset>

          <fieldset>
            <legend className="text-sm font-medium">Relation <span className="font-normal text-muted">(keys 1–7)</span></legend>
            <div className="mt-1 grid gap-1 sm:grid-cols-2">
              {LINK_RELATIONS.map((r, i) => (
                <label key={r} className="flex items-baseline gap-2 text-sm">
                  <input type="radio" name="relation" value={r} checked={relation === r} onChange={() => chooseRelation(r)} aria-keyshortcuts={String(i + 1)} />
                  <span><kbd className="mr-1 text-xs text-muted">{i + 1}</kbd>{RELATION_LABELS[r]}</span>
                  <span className="text-xs text-muted">— {RELATION_HINTS[r]}</span>
                </label>
              ))}
            </div>
          </fieldset>

          <fieldset>
            <legend className="text-sm font-medium">Verdict (Flip-O-Meter)</legend>
            <div className="mt-1 flex flex-wrap gap-4">
              {[null, ...VERDICTS].map((v) => (
                <label key={v ?? "none"} className="flex items-center gap-1 text-sm">
                  <input type="radio" name="verdict" value={v ?? ""} checked={verdict === v} onChange={() => { setVerdict(v); setVerdictTouched(true); }} />
                  {v ? VERDICT_LABELS[v] : "No verdict"}
                </label>
              ))}
            </div>
          </fieldset>

          <label className="flex flex-col gap-1 text-sm font-medium">Rationale
            <textarea name="rationale" rows={3} maxLength={2000} className={inputClass} placeholder="Why these statements relate, in a sentence a reader can check" />
          </label>

          {error ? <p role="alert" className="text-sm text-danger">{error}</p> : null}
          <div className="flex justify-end gap-2">
            <Button onClick={() => dialogRef.current?.close()}>Cancel</Button>
            <Button type="submit" variant="primary" disabled={saving}>{saving ? "Saving…" : "Save link"}</Button>
          </div>
        </form>
      </dialog>
    </>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useToast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { createStatementAction, deleteStatementAction, restoreStatementAction, statementDeletionImpactAction, updateStatementAction } from "@/app/w/[slug]/articles/[id]/actions";
import { saidOnInputValue } from "@/lib/domain/said-on";
import { TagForm, type TagFormValues, type TagFormVocabulary } from "./tag-form";
import { StatementCard } from "./statement-card";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { useHighlights } from "./use-highlights";
import { useKeyboardSelection } from "./use-keyboard-selection";
import type { ReaderStatement, TextSpan } from "./types";

type Mode = { kind: "idle" } | { kind: "tag"; span: TextSpan } | { kind: "edit"; statement: ReaderStatement };

/**
 * The annotating reader: the server-rendered article text (children) with
 * highlights painted over it, a floating "Tag statement" control at the end
 * of a selection, and the statements in the side column.
 */
export function ReaderWorkspace({ slug, articleId, text, defaultSaidOn, statements, vocabulary, children }: {
  slug: string;
  articleId: number;
  text: string;
  defaultSaidOn: string;
  statements: ReaderStatement[];
  vocabulary: TagFormVocabulary;
  children: ReactNode;
}) {
  const router = useRouter();
  const toast = useToast();
  const textRef = useRef<HTMLDivElement>(null);
  const [mode, setMode] = useState<Mode>({ kind: "idle" });
  const [selection, setSelection] = useState<(TextSpan & { top: number; left: number }) | null>(null);
  const [activeId, setActiveId] = useState<number | null>(null);
  const [showKeys, setShowKeys] = useState(false);
  const anchored = useMemo(() => statements.filter((s) => s.anchorStatus !== "orphaned"), [statements]);
  const orphans = useMemo(() => statements.filter((s) => s.anchorStatus === "orphaned"), [statements]);
  const textOf = useCallback((start: number, end: number) => text.slice(start, end), [text]);
  const keyboard = useKeyboardSelection(textRef, textOf);

  const focusCard = useCallback((id: number) => {
    setActiveId(id);
    const card = document.getElementById(`statement-${id}`);
    if (!card) return;
    card.focus({ preventScroll: true });
    revealCard(card);
  }, []);
  const highlights = useHighlights(textRef, text, anchored, activeId, focusCard, (span, rect) => setSelection(span && rect ? { ...span, ...rect } : null));

  useEffect(() => {
    const id = Number(window.location.hash.match(/^#statement-(\d+)$/)?.[1]);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the URL hash selects the active statement once on arrival
    if (id) { setActiveId(id); highlights.scrollTo(id); }
  }, [highlights]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = (e.target as HTMLElement).closest("input, textarea, select, [contenteditable]");
      if (!typing && e.key === "?") setShowKeys(true);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  /** A flag's other end in this article: its highlight and its card. */
  const showStatement = (id: number) => { highlights.scrollTo(id); focusCard(id); };

  const openTag = (span: TextSpan) => { setMode({ kind: "tag", span }); setSelection(null); };
  const close = () => { setMode({ kind: "idle" }); keyboard.setSpan(null); };

  async function save(values: TagFormValues) {
    const input = { ...values, topics: values.topics.map((t) => ({ topic: t.topic, stance: t.stance, condition: t.condition })) };
    const result = mode.kind === "edit"
      ? await updateStatementAction(undefined, { slug, id: mode.statement.id, input })
      : await createStatementAction(undefined, { slug, input: { articleId, quote: mode.kind === "tag" ? mode.span.quote : "", start: mode.kind === "tag" ? mode.span.start : 0, end: mode.kind === "tag" ? mode.span.end : 0, ...input } });
    if (result.status === "ok") {
      toast.show(result.message);
      close();
      window.getSelection()?.removeAllRanges();
      router.refresh();
      const id = (result.data as { id?: number } | undefined)?.id;
      if (id) setActiveId(id);
    }
    return result;
  }

  async function remove(s: ReaderStatement) {
    const impact = await statementDeletionImpactAction(undefined, { slug, id: s.id });
    const links = impact.status === "ok" ? (impact.data as { links: number }).links : 0;
    const also = links ? ` Its ${links} link${links === 1 ? "" : "s"} to other statements will be deleted with it.` : "";
    if (!window.confirm(`Delete this statement by ${s.speakerName}?${also}`)) return;
    const result = await deleteStatementAction(undefined, { slug, id: s.id });
    if (result.status !== "ok") return toast.show(result.status === "error" ? result.error.message : "", { tone: "error" });
    if (activeId === s.id) setActiveId(null);
    router.refresh();
    toast.show(result.message, { undo: () => void restore(s.id) });
  }

  async function restore(id: number) {
    const result = await restoreStatementAction(undefined, { slug, id });
    toast.show(result.status === "ok" ? result.message : result.status === "error" ? result.error.message : "", { tone: result.status === "ok" ? "info" : "error" });
    if (result.status === "ok") { router.refresh(); setActiveId(id); }
  }

  const formInitial = (s?: ReaderStatement): TagFormValues => s
    ? { speaker: s.speakerName, saidOn: saidOnInputValue({ date: s.saidOn, precision: s.saidOnPrecision }), saidOnPrecision: s.saidOnPrecision, kind: s.kind, summary: s.summary, note: s.note, notePrivate: s.notePrivate, topics: s.stances.map((t) => ({ topic: t.topicName, stance: t.stance, condition: t.condition })) }
    : { speaker: "", saidOn: defaultSaidOn, saidOnPrecision: "day", kind: "claim", summary: "", note: "", notePrivate: true, topics: [{ topic: "", stance: "neutral", condition: "" }] };

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_24rem]">
      <div className="relative">
        <div ref={textRef} data-article-text className="prose-reader"
          onKeyDown={(e) => {
            if (e.key === "c") {
              // From the text to the card of the statement under the keyboard selection (or in the paragraph).
              const at = keyboard.span?.start ?? Number((e.target as HTMLElement).dataset.start ?? -1);
              const next = (e.target as HTMLElement).nextElementSibling as HTMLElement | null;
              const until = keyboard.span?.end ?? Number(next?.dataset.start ?? Infinity);
              const hit = anchored.find((s) => s.start < until && s.end > at);
              if (hit) { e.preventDefault(); focusCard(hit.id); }
              return;
            }
            const r = keyboard.onKeyDown(e);
            if (r === "tag" && keyboard.span) openTag(keyboard.span);
            else if (r && typeof r === "object") highlights.showSelection(r);
          }}>
          {children}
        </div>
        {selection && mode.kind === "idle" ? (
          <div className="absolute z-10" style={{ top: selection.top, left: selection.left }} data-no-print>
            <Button variant="primary" size="sm" onMouseDown={(e) => e.preventDefault()} onClick={() => openTag(selection)}>Tag statement</Button>
          </div>
        ) : null}
        {keyboard.span && mode.kind === "idle" ? (
          <p role="status" className="sticky bottom-2 mt-2 rounded border border-line bg-panel px-3 py-1 text-sm" data-no-print>
            Selected: “{keyboard.span.quote.slice(0, 80)}{keyboard.span.quote.length > 80 ? "…" : ""}” — press T to tag
          </p>
        ) : null}
      </div>
      <aside aria-label="Statements in this article" className="flex flex-col gap-3"
        onKeyDown={(e) => {
          // L on a statement card (or a control in it) opens "Link to an earlier statement" on its page.
          const card = (e.target as HTMLElement).closest<HTMLElement>("article[id^='statement-']");
          if (e.key.toLowerCase() !== "l" || e.ctrlKey || e.metaKey || e.altKey || !card || (e.target as HTMLElement).closest("input, textarea, select")) return;
          e.preventDefault();
          router.push(`/w/${slug}/statements/${card.id.slice("statement-".length)}?link=1`);
        }}>
        <div className="flex items-center justify-between">
          <h2 className="text-sm font-semibold uppercase tracking-wide text-muted">Statements ({statements.length})</h2>
          <Button size="sm" variant="ghost" onClick={() => setShowKeys(true)} aria-label="Keyboard shortcuts">?</Button>
        </div>
        {mode.kind !== "idle" ? (
          // Beside the text on wide screens; on narrow ones a drawer over the bottom of the page, so the
          // form opens where the reader is instead of after the whole article, and the selected words stay in view.
          <div className="max-lg:fixed max-lg:inset-x-0 max-lg:bottom-0 max-lg:z-30 max-lg:max-h-[65vh] max-lg:overflow-y-auto max-lg:rounded-t-xl max-lg:border-t max-lg:border-line max-lg:bg-paper max-lg:p-3 max-lg:shadow-2xl">
            <TagForm key={mode.kind === "edit" ? `e${mode.statement.id}` : `t${mode.span.start}-${mode.span.end}`}
              quote={mode.kind === "edit" ? mode.statement.quote : mode.span.quote}
              initial={formInitial(mode.kind === "edit" ? mode.statement : undefined)} vocabulary={vocabulary}
              submitLabel={mode.kind === "edit" ? "Save changes" : "Save statement"} onSubmit={save} onCancel={close} />
          </div>
        ) : statements.length === 0 ? (
          <p className="rounded-lg border border-dashed border-line p-4 text-sm text-muted">
            No statements yet. Select a sentence someone said — or press <kbd>Tab</kbd> to reach the text, <kbd>S</kbd> to select a sentence and <kbd>T</kbd> to tag it — then say who said it, when, and where it stands.
          </p>
        ) : null}
        <ol className="reader-cards flex flex-col gap-3" aria-label="Statements">
          {anchored.map((s) => (
            <li key={s.id}>
              <StatementCard slug={slug} articleId={articleId} statement={s} active={s.id === activeId} onJump={showStatement}
                onShow={() => { setActiveId(s.id); highlights.scrollTo(s.id); focusParagraphAt(textRef.current, s.start); }}
                onEdit={() => setMode({ kind: "edit", statement: s })} onDelete={() => remove(s)} />
            </li>
          ))}
        </ol>
        {orphans.length ? (
          <section aria-labelledby="orphans" className="mt-4">
            <h3 id="orphans" className="text-sm font-semibold text-danger">Orphaned statements ({orphans.length})</h3>
            <p className="text-xs text-muted">Their words were not found in this snapshot. They are kept, never dropped.</p>
            <ol className="reader-cards mt-2 flex flex-col gap-3">
              {orphans.map((s) => (
                <li key={s.id}><StatementCard slug={slug} articleId={articleId} statement={s} active={s.id === activeId} onJump={showStatement} onShow={() => {}} onEdit={() => setMode({ kind: "edit", statement: s })} onDelete={() => remove(s)} /></li>
              ))}
            </ol>
          </section>
        ) : null}
      </aside>
      <ShortcutsDialog open={showKeys} onClose={() => setShowKeys(false)} />
    </div>
  );
}

/**
 * Scrolls a card into view. Cards far from the screen are laid out only once near it (content-visibility: auto),
 * so a scroll aims at estimated heights; as the cards it passes render, the target can end up off screen. The
 * scroll is instant and checked again for a few frames, correcting until the card stays in view.
 */
function revealCard(card: HTMLElement) {
  card.scrollIntoView({ block: "nearest" });
  let frames = 0;
  const check = () => {
    const box = card.getBoundingClientRect();
    if (box.bottom <= 0 || box.top >= window.innerHeight) card.scrollIntoView({ block: "nearest" });
    if (++frames < 6) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/** Puts keyboard focus on the paragraph holding an offset, so "Show in text" lands a keyboard user in the text. */
function focusParagraphAt(root: HTMLElement | null, offset: number) {
  const paragraphs = Array.from(root?.querySelectorAll<HTMLElement>("[data-start]") ?? []);
  const target = paragraphs.filter((p) => Number(p.dataset.start) <= offset).pop();
  target?.focus({ preventScroll: true });
}

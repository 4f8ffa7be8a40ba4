"use client";

import { useCallback, useRef, useState, type RefObject } from "react";
import type { TextSpan } from "./types";

type Sentence = { start: number; end: number };

/** Sentences of one paragraph with global offsets, trimmed of surrounding spaces. */
function sentencesOf(paragraph: HTMLElement): Sentence[] {
  const base = Number(paragraph.dataset.start ?? 0);
  const text = paragraph.textContent ?? "";
  const segmenter = new Intl.Segmenter(paragraph.closest("[lang]")?.getAttribute("lang") ?? "en", { granularity: "sentence" });
  const out: Sentence[] = [];
  for (const { segment, index } of segmenter.segment(text)) {
    const lead = segment.length - segment.trimStart().length;
    const trimmed = segment.trim();
    if (trimmed) out.push({ start: base + index + lead, end: base + index + lead + trimmed.length });
  }
  return out;
}

/**
 * The keyboard path through an article: arrow keys (or j/k) move between
 * paragraphs, "s" selects the sentence, "." and "," move to the next or
 * previous sentence, Shift+"." extends the selection by a sentence, and the
 * caller opens the tag form with "t" or Enter.
 */
export function useKeyboardSelection(containerRef: RefObject<HTMLElement | null>, textOf: (start: number, end: number) => string) {
  const [span, setSpan] = useState<TextSpan | null>(null);
  const sentenceIndex = useRef({ first: 0, last: 0 });

  const paragraphs = useCallback(() => Array.from(containerRef.current?.querySelectorAll<HTMLElement>("[data-start]") ?? []), [containerRef]);
  /** The paragraph with keyboard focus; focus is the single source of truth (cards can move it too). */
  const current = useCallback(() => Math.max(0, paragraphs().indexOf(document.activeElement?.closest<HTMLElement>("[data-start]") as HTMLElement)), [paragraphs]);

  const focusParagraph = useCallback((index: number) => {
    const all = paragraphs();
    const next = Math.max(0, Math.min(all.length - 1, index));
    // Roving tabindex: Tab comes back to the paragraph the reader was on.
    all.forEach((p, i) => { p.tabIndex = i === next ? 0 : -1; });
    all[next]?.focus();
    setSpan(null);
  }, [paragraphs]);

  const selectSentences = useCallback((first: number, last: number) => {
    const p = paragraphs()[current()];
    if (!p) return;
    const sentences = sentencesOf(p);
    if (sentences.length === 0) return;
    const a = Math.max(0, Math.min(sentences.length - 1, first));
    const b = Math.max(a, Math.min(sentences.length - 1, last));
    sentenceIndex.current = { first: a, last: b };
    const next = { start: sentences[a].start, end: sentences[b].end, quote: textOf(sentences[a].start, sentences[b].end) };
    setSpan(next);
    return next;
  }, [current, paragraphs, textOf]);

  const onKeyDown = useCallback((event: React.KeyboardEvent): TextSpan | "tag" | null => {
    if (event.ctrlKey || event.metaKey || event.altKey) return null;
    const { first, last } = sentenceIndex.current;
    switch (event.key) {
      case "ArrowDown": case "j": event.preventDefault(); focusParagraph(current() + 1); return null;
      case "ArrowUp": case "k": event.preventDefault(); focusParagraph(current() - 1); return null;
      case "s": event.preventDefault(); return selectSentences(0, 0) ?? null;
      case ".": event.preventDefault(); return (span ? selectSentences(first + 1, last + 1) : selectSentences(0, 0)) ?? null;
      case ">": event.preventDefault(); return (span ? selectSentences(first, last + 1) : selectSentences(0, 0)) ?? null;
      case ",": event.preventDefault(); return selectSentences(first - 1, first - 1) ?? null;
      case "t": case "Enter": if (span) { event.preventDefault(); return "tag"; } return null;
      default: return null;
    }
  }, [current, focusParagraph, selectSentences, span]);

  return { span, setSpan, onKeyDown };
}

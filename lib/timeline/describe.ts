import type { StatementKind } from "../domain/enums";
import { MONTHS_SHORT } from "./buckets";
import type { TimelineViewState } from "./view-state";

export interface ViewNames {
  speakers: ReadonlyMap<number, string>;
  topics: ReadonlyMap<number, string>;
}

const KIND_PLURALS: Record<StatementKind, string> = {
  claim: "claims", precondition: "preconditions", demand: "demands", promise: "promises",
  denial: "denials", prediction: "predictions", other: "other statements",
};

/**
 * The filter in words, for headers, share previews and screen readers:
 * "Vladimir Putin · Preconditions for negotiations · Jun–Sep 2024".
 * `span` (first and last said-on shown) stands in for a date range when the
 * filter has none, so a reader still sees when the statements were made.
 */
export function describeTimelineView(view: TimelineViewState, names: ViewNames, span?: { first: string; last: string } | null): string {
  const parts: string[] = [];
  const speakerNames = view.speakers.map((id) => names.speakers.get(id)).filter((n): n is string => Boolean(n));
  const topicNames = view.topics.map((id) => names.topics.get(id)).filter((n): n is string => Boolean(n));
  if (speakerNames.length) parts.push(joinWords(speakerNames, "or"));
  if (topicNames.length) parts.push(joinWords(topicNames, "or"));
  if (view.kinds.length) parts.push(capitalise(joinWords(view.kinds.map((k) => KIND_PLURALS[k]), "and")));
  const range = view.from || view.to ? describeRange(view.from, view.to)
    : span ? describeRange(span.first.slice(0, 7), span.last.slice(0, 7)) : null;
  if (range) parts.push(range);
  if (view.confirmed) parts.push("Confirmed flags only");
  else if (view.flagged) parts.push("Flagged statements only");
  return parts.length ? parts.join(" · ") : "All statements";
}

/** "Jun–Sep 2024", "14 Jun–2 Sep 2024", "2–5 Sep 2024", "Jun 2023–Sep 2024", "from Jun 2024", "until 2025". */
export function describeRange(from: string | null, to: string | null): string | null {
  if (from && to) {
    if (from === to) return formatBound(from);
    const sameYear = from.slice(0, 4) === to.slice(0, 4);
    if (!sameYear || from.length !== to.length || from.length === 4) return `${formatBound(from)}–${formatBound(to)}`;
    if (from.length === 7) return `${MONTHS_SHORT[month(from)]}–${formatBound(to)}`;
    if (from.slice(0, 7) === to.slice(0, 7)) return `${Number(from.slice(8))}–${formatBound(to)}`;
    return `${Number(from.slice(8))} ${MONTHS_SHORT[month(from)]}–${formatBound(to)}`;
  }
  if (from) return `from ${formatBound(from)}`;
  if (to) return `until ${formatBound(to)}`;
  return null;
}

/** "2024", "Sep 2024", "2 Sep 2024". */
export function formatBound(bound: string): string {
  if (bound.length === 4) return bound;
  if (bound.length === 7) return `${MONTHS_SHORT[month(bound)]} ${bound.slice(0, 4)}`;
  return `${Number(bound.slice(8, 10))} ${MONTHS_SHORT[month(bound)]} ${bound.slice(0, 4)}`;
}

function month(bound: string): number {
  return Number(bound.slice(5, 7)) - 1;
}

function joinWords(words: string[], conjunction: "and" | "or"): string {
  if (words.length <= 2) return words.join(` ${conjunction} `);
  return `${words.slice(0, -1).join(", ")} ${conjunction} ${words[words.length - 1]}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The verdict word shown on a flag's bracket and read out with it. */
export function severityLabel(severity: "no_flip" | "half_flip" | "full_flop" | "dispute"): string {
  return severity === "dispute" ? "Dispute" : severity === "no_flip" ? "No flip" : severity === "half_flip" ? "Half flip" : "Full flop";
}

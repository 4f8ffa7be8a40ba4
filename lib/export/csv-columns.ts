import { VERDICT_LABELS } from "../domain/enums";
import { saidOnInputValue, type SaidOn } from "../domain/said-on";
import type { CsvColumn } from "./csv";
import type { ExportFlag, ExportLink, ExportStatement, ExportTimelineEntry, ExportTimelineFlag, ExportTopicStance } from "./types";

// The column sets of the four CSV files. Dates said are written with the
// precision known ("2024-09" for a month) because a bare "2024-09-01" read out
// of context would claim a day nobody knows.

const saidOn = (s: SaidOn) => saidOnInputValue(s);

/** "Negotiations: conditional (if Ukraine withdraws); NATO: opposes" */
export function formatStances(topics: readonly ExportTopicStance[]): string {
  return topics
    .map((t) => {
      const condition = t.stance === "conditional" && t.condition?.trim() ? ` (${t.condition.trim()})` : "";
      return `${t.name}: ${t.stance}${condition}`;
    })
    .join("; ");
}

/** "half flip with #12; dispute with #9" */
export function formatTimelineFlags(flags: readonly ExportTimelineFlag[]): string {
  return flags
    .map((f) => {
      const what = f.severity === "dispute" ? "dispute" : VERDICT_LABELS[f.severity].toLowerCase();
      return `${what} with #${f.otherPosition}`;
    })
    .join("; ");
}

export const STATEMENT_COLUMNS: readonly CsvColumn<ExportStatement>[] = [
  { header: "id", value: (s) => s.id },
  { header: "workspace", value: (s) => s.workspaceSlug },
  { header: "speaker", value: (s) => s.speaker.name },
  { header: "said_on", value: (s) => saidOn(s.saidOn) },
  { header: "said_on_precision", value: (s) => s.saidOn.precision },
  { header: "kind", value: (s) => s.kind },
  { header: "topics_and_stances", value: (s) => formatStances(s.topics) },
  { header: "summary", value: (s) => s.summary },
  { header: "quote", value: (s) => s.quote },
  // Private notes never leave the workspace; the column stays so files from
  // different workspaces line up.
  { header: "note", value: (s) => (s.notePrivate ? "" : s.note) },
  { header: "article_title", value: (s) => s.article.title },
  { header: "publisher", value: (s) => s.article.publisher },
  { header: "url", value: (s) => s.article.url },
  { header: "published_at", value: (s) => s.article.publishedAt },
  { header: "anchor_status", value: (s) => s.anchorStatus },
  { header: "start", value: (s) => s.start },
  { header: "end", value: (s) => s.end },
  { header: "created_by", value: (s) => s.createdBy },
  { header: "created_at", value: (s) => s.createdAt },
  { header: "updated_at", value: (s) => s.updatedAt },
  { header: "permalink", value: (s) => s.permalink },
];

export const LINK_COLUMNS: readonly CsvColumn<ExportLink>[] = [
  { header: "id", value: (l) => l.id },
  { header: "relation", value: (l) => l.relation },
  { header: "verdict", value: (l) => (l.verdict ? VERDICT_LABELS[l.verdict] : "") },
  { header: "rationale", value: (l) => l.rationale },
  { header: "from_id", value: (l) => l.from.id },
  { header: "from_speaker", value: (l) => l.from.speakerName },
  { header: "from_said_on", value: (l) => saidOn(l.from.saidOn) },
  { header: "from_quote", value: (l) => l.from.quote },
  { header: "to_id", value: (l) => l.to.id },
  { header: "to_speaker", value: (l) => l.to.speakerName },
  { header: "to_said_on", value: (l) => saidOn(l.to.saidOn) },
  { header: "to_quote", value: (l) => l.to.quote },
  { header: "created_by", value: (l) => l.createdBy },
  { header: "created_at", value: (l) => l.createdAt },
];

export const FLAG_COLUMNS: readonly CsvColumn<ExportFlag>[] = [
  { header: "key", value: (f) => f.key },
  { header: "rule", value: (f) => f.rule },
  { header: "severity", value: (f) => (f.severity === "dispute" ? "Dispute" : VERDICT_LABELS[f.severity]) },
  { header: "status", value: (f) => f.status },
  { header: "topic", value: (f) => f.topicName ?? "" },
  { header: "rationale", value: (f) => f.rationale },
  { header: "earlier_id", value: (f) => f.earlier.id },
  { header: "earlier_speaker", value: (f) => f.earlier.speakerName },
  { header: "earlier_said_on", value: (f) => saidOn(f.earlier.saidOn) },
  { header: "earlier_quote", value: (f) => f.earlier.quote },
  { header: "later_id", value: (f) => f.later.id },
  { header: "later_speaker", value: (f) => f.later.speakerName },
  { header: "later_said_on", value: (f) => saidOn(f.later.saidOn) },
  { header: "later_quote", value: (f) => f.later.quote },
];

export const TIMELINE_COLUMNS: readonly CsvColumn<ExportTimelineEntry>[] = [
  { header: "position", value: (e) => e.position },
  { header: "said_on", value: (e) => saidOn(e.statement.saidOn) },
  { header: "precision", value: (e) => e.statement.saidOn.precision },
  { header: "speaker", value: (e) => e.statement.speaker.name },
  { header: "quote", value: (e) => e.statement.quote },
  { header: "stances", value: (e) => formatStances(e.statement.topics) },
  { header: "source", value: (e) => sourceLine(e.statement) },
  { header: "url", value: (e) => e.statement.article.url },
  { header: "flags", value: (e) => formatTimelineFlags(e.flags) },
];

/** "Reuters: Putin sets terms" or just the title when the publisher is unknown. */
function sourceLine(s: ExportStatement): string {
  return s.article.publisher ? `${s.article.publisher}: ${s.article.title}` : s.article.title;
}

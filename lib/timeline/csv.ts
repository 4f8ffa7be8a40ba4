import { arrayPages, csvPageStream, type CsvColumn } from "../export/csv";
import type { DatePrecision, Stance, StatementKind } from "../domain/enums";
import { slugify } from "../domain/slug";
import { severityLabel } from "./describe";
import type { FlagSeverity } from "../flags/engine";

// timeline.csv: one file for a shared timeline's public download and the HTTP
// API's /timelines/{id}/export.csv, so the two can never differ.

export interface TimelineCsvStatement {
  id: number;
  saidOn: string;
  saidOnPrecision: DatePrecision;
  speakerName: string;
  kind: StatementKind;
  quote: string;
  summary: string;
  stances: readonly { topicName: string; stance: Stance; condition: string }[];
  publisher: string | null;
  articleTitle: string;
  articleUrl: string | null;
}

export interface TimelineCsvFlag {
  earlierId: number;
  laterId: number;
  severity: FlagSeverity;
  rationale: string;
}

type Row = TimelineCsvStatement & { flagsInWords: string };

/** The view's rows; csv-stringify quotes, the CSV writer neutralises formula cells (= + - @ tab CR). */
const columns: CsvColumn<Row>[] = [
  { header: "said_on", value: (r) => r.saidOn },
  { header: "said_on_precision", value: (r) => r.saidOnPrecision },
  { header: "speaker", value: (r) => r.speakerName },
  { header: "kind", value: (r) => r.kind },
  { header: "quote", value: (r) => r.quote },
  { header: "summary", value: (r) => r.summary },
  { header: "stances", value: (r) => r.stances.map((s) => `${s.topicName}: ${s.stance}${s.condition ? ` (${s.condition})` : ""}`).join("; ") },
  { header: "flags", value: (r) => r.flagsInWords },
  { header: "publisher", value: (r) => r.publisher },
  { header: "article_title", value: (r) => r.articleTitle },
  { header: "article_url", value: (r) => r.articleUrl },
];

function flagsInWords(s: TimelineCsvStatement, flags: readonly TimelineCsvFlag[], byId: Map<number, TimelineCsvStatement>): string {
  return flags.filter((f) => f.earlierId === s.id || f.laterId === s.id).map((f) => {
    const other = byId.get(f.earlierId === s.id ? f.laterId : f.earlierId);
    return `${severityLabel(f.severity)} with ${other ? `${other.speakerName}, ${other.saidOn}` : "another statement"}: ${f.rationale}`;
  }).join(" | ");
}

/**
 * The CSV download of a timeline view as a Response: statements in the view's
 * order, each with its flags in words; UTF-8 with a BOM so Excel reads it.
 */
export function timelineCsvResponse(title: string, data: { statements: readonly TimelineCsvStatement[]; flags: readonly TimelineCsvFlag[] }): Response {
  const byId = new Map(data.statements.map((s) => [s.id, s]));
  const rows = data.statements.map((s) => ({ ...s, flagsInWords: flagsInWords(s, data.flags, byId) }));
  const name = slugify(title) || "timeline";
  return new Response(csvPageStream(columns, arrayPages(rows), { bom: true }), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}.csv"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
  });
}

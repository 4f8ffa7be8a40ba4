import { getDb } from "@/db";
import { getSharedTimelineByToken, type TimelineFlag, type TimelineStatement } from "@/db/queries/timelines";
import { createCsvStream, toWebStream, type CsvColumn } from "@/lib/export/csv";
import { severityLabel } from "@/lib/timeline/describe";
import { slugify } from "@/lib/domain/slug";

type Row = TimelineStatement & { flagsInWords: string };

/** The shared view's rows; csv-stringify quotes, createCsvStream neutralises formula cells (= + - @ tab CR). */
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

function flagsInWords(s: TimelineStatement, flags: TimelineFlag[], byId: Map<number, TimelineStatement>): string {
  return flags.filter((f) => f.earlierId === s.id || f.laterId === s.id).map((f) => {
    const other = byId.get(f.earlierId === s.id ? f.laterId : f.earlierId);
    return `${severityLabel(f.severity)} with ${other ? `${other.speakerName}, ${other.saidOn}` : "another statement"}: ${f.rationale}`;
  }).join(" | ");
}

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const shared = getSharedTimelineByToken(getDb(), { token });
  if (!shared) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const { statements, flags } = shared.data;
  const byId = new Map(statements.map((s) => [s.id, s]));
  const rows = statements.map((s) => ({ ...s, flagsInWords: flagsInWords(s, flags, byId) }));
  const name = slugify(shared.title) || "timeline";
  return new Response(toWebStream(createCsvStream(columns, rows, { bom: true })), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}

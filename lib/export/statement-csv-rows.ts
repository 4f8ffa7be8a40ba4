import { parse } from "csv-parse/sync";
import { STANCES, type DatePrecision } from "../domain/enums";
import { createStatementInput, type CreateStatementInput } from "../validation/statement";

// Reading statements back from a spreadsheet: either the columns of
// statements.csv (so an export round-trips) or a simple form a team can type
// by hand: speaker, date, quote, source url, topic, stance. Every problem is
// reported with the line it starts on and the column it is about, so a
// person can fix the sheet rather than guess.

export type StatementCsvFormat = "statements" | "simple";

export interface CsvRowError {
  /** Line in the file where the record starts (1 = the header). */
  line: number;
  /** The column the problem is about, as written in the header. */
  field: string;
  message: string;
}

export interface CsvStatementCandidate {
  line: number;
  url: string;
  /** Ready for createStatement once the article is known (articleId is a placeholder). */
  input: CreateStatementInput;
}

export interface ReadStatementCsvResult {
  format: StatementCsvFormat;
  candidates: CsvStatementCandidate[];
  errors: CsvRowError[];
}

export class StatementCsvFileError extends Error {
  constructor(message: string, public readonly line?: number) {
    super(message);
  }
}

export const MAX_CSV_ROWS = 50_000;

const FORMULA_ESCAPED = /^'[=+\-@\t\r]/;
/** Undo the export's formula neutralising ('=SUM → =SUM), which is what the cell said before. */
export function unneutralize(cell: string): string {
  return FORMULA_ESCAPED.test(cell) ? cell.slice(1) : cell;
}

const headerKey = (h: string) => h.replace(/^\uFEFF/, "").trim().toLowerCase().replace(/[\s-]+/g, "_");

const STATEMENTS_REQUIRED = ["speaker", "said_on", "said_on_precision", "quote", "url", "topics_and_stances"];
const SIMPLE_REQUIRED = ["speaker", "date", "quote"];
const SIMPLE_URL = ["source_url", "url", "source"];

/** "Topic A: conditional (if x; y); Topic B: opposes" → stances. Splits only before "<name>: <stance>". */
export function parseStances(cell: string): { topic: string; stance: string; condition: string }[] | string {
  const text = cell.trim();
  if (!text) return [];
  const stance = STANCES.join("|");
  const segment = new RegExp(`^(.+?): (${stance})(?: \\((.*)\\))?$`, "s");
  const parts = text.split(new RegExp(`; (?=[^;]+?: (?:${stance})(?: \\(|;|$))`));
  const out: { topic: string; stance: string; condition: string }[] = [];
  for (const part of parts) {
    const m = segment.exec(part.trim());
    if (!m) return `Could not read "${part.trim()}": write each as "Topic: stance" with a stance of ${STANCES.join(", ")}, separated by "; ".`;
    out.push({ topic: m[1].trim(), stance: m[2], condition: m[3]?.trim() ?? "" });
  }
  return out;
}

function precisionOf(date: string): DatePrecision | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? "day" : /^\d{4}-\d{2}$/.test(date) ? "month" : /^\d{4}$/.test(date) ? "year" : null;
}

type Cells = Record<string, string>;

/** One record → the object createStatementInput checks, or an error about a column. */
function toRaw(format: StatementCsvFormat, c: Cells): { raw: Record<string, unknown>; url: string } | Omit<CsvRowError, "line"> {
  const int = (v: string | undefined) => (v && /^\d+$/.test(v) ? Number(v) : undefined);
  if (format === "statements") {
    const topics = parseStances(c.topics_and_stances ?? "");
    if (typeof topics === "string") return { field: "topics_and_stances", message: topics };
    return {
      url: c.url ?? "",
      raw: {
        articleId: 1, quote: c.quote, speaker: c.speaker, saidOn: c.said_on, saidOnPrecision: c.said_on_precision || "day",
        kind: c.kind || undefined, summary: c.summary ?? "", note: c.note ?? "", topics,
        start: int(c.start), end: int(c.end),
      },
    };
  }
  const date = (c.date ?? "").trim();
  const precision = precisionOf(date);
  if (!precision) return { field: "date", message: "Give the date as YYYY-MM-DD, YYYY-MM or YYYY." };
  const topic = (c.topic ?? "").trim();
  const stance = (c.stance ?? "").trim().toLowerCase();
  if (topic && !stance) return { field: "stance", message: `Give a stance for topic "${topic}": ${STANCES.join(", ")}.` };
  if (stance && !topic) return { field: "topic", message: "A stance needs the topic it is about." };
  return {
    url: SIMPLE_URL.map((k) => c[k]).find((v) => v !== undefined) ?? "",
    raw: {
      articleId: 1, quote: c.quote, speaker: c.speaker, saidOn: date, saidOnPrecision: precision,
      kind: c.kind || undefined, summary: c.summary ?? "", note: c.note ?? "",
      topics: topic ? [{ topic, stance, condition: c.condition ?? "" }] : [],
    },
  };
}

const FIELD_TO_COLUMN: Record<StatementCsvFormat, Record<string, string>> = {
  statements: { saidOn: "said_on", saidOnPrecision: "said_on_precision", topics: "topics_and_stances", start: "start", end: "end" },
  simple: { saidOn: "date", saidOnPrecision: "date", topics: "stance" },
};

/** Parse and check a statements CSV without touching a database. */
export function readStatementCsv(text: string): ReadStatementCsvResult {
  let records: { record: string[]; info: { lines: number; empty_lines: number } }[];
  try {
    records = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true, to: MAX_CSV_ROWS + 2 }) as unknown as typeof records;
  } catch (error) {
    const e = error as Error & { lines?: number };
    throw new StatementCsvFileError(`The file is not valid CSV${e.lines ? ` (line ${e.lines})` : ""}: ${e.message.replace(/^[A-Za-z ]+: /, "")}`, e.lines);
  }
  if (records.length === 0) throw new StatementCsvFileError("The file is empty: expected a header row and one row per statement.");
  if (records.length > MAX_CSV_ROWS + 1) throw new StatementCsvFileError(`The file has more than ${MAX_CSV_ROWS.toLocaleString("en")} rows; split it into smaller files.`);
  const header = records[0].record.map(headerKey);
  const has = (cols: string[]) => cols.every((c) => header.includes(c));
  const format: StatementCsvFormat | null = has(STATEMENTS_REQUIRED) ? "statements" : has(SIMPLE_REQUIRED) && SIMPLE_URL.some((c) => header.includes(c)) ? "simple" : null;
  if (!format) {
    throw new StatementCsvFileError(`Unrecognised columns (${header.join(", ")}). Use the columns of statements.csv, or: speaker, date, quote, source url, topic, stance.`, 1);
  }
  const candidates: CsvStatementCandidate[] = [];
  const errors: CsvRowError[] = [];
  let previousEnd = records[0].info.lines;
  let previousEmpty = records[0].info.empty_lines;
  for (const { record, info } of records.slice(1)) {
    const line = previousEnd + 1 + (info.empty_lines - previousEmpty);
    previousEnd = info.lines;
    previousEmpty = info.empty_lines;
    if (record.length !== header.length) {
      errors.push({ line, field: "(row)", message: `Expected ${header.length} columns, found ${record.length}.` });
      continue;
    }
    const cells: Cells = Object.fromEntries(header.map((h, i) => [h, unneutralize(record[i])]));
    const mapped = toRaw(format, cells);
    if (!("raw" in mapped)) {
      errors.push({ line, ...mapped });
      continue;
    }
    if (!mapped.url.trim()) {
      errors.push({ line, field: format === "simple" ? SIMPLE_URL.find((c) => header.includes(c))! : "url", message: "Give the source URL of the article the quote is from." });
      continue;
    }
    const parsed = createStatementInput.safeParse(mapped.raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const key = String(issue.path[0] ?? "");
      errors.push({ line, field: FIELD_TO_COLUMN[format][key] ?? (key || "(row)"), message: issue.message });
      continue;
    }
    candidates.push({ line, url: mapped.url.trim(), input: parsed.data });
  }
  return { format, candidates, errors };
}

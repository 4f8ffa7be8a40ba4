import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { DB } from "../index";
import { statements, type Article } from "../schema";
import { AppError, conflict, invalid } from "../errors";
import { findLatestSnapshotByUrl } from "./articles";
import { findSpeakerByName } from "./speakers";
import { findTopicByName } from "./topics";
import { createStatement } from "./statements";
import { locateSpan } from "./statement-span";
import { readStatementCsv, StatementCsvFileError, type CsvRowError, type StatementCsvFormat } from "@/lib/export/statement-csv-rows";
import type { CreateStatementInput } from "@/lib/validation/statement";

// Statements from a spreadsheet, in two steps: plan (a dry run that writes
// nothing and lists every problem by line), then import — only when the
// person confirms the plan they saw, which is pinned by the file's hash.

export const MAX_STATEMENT_CSV_BYTES = 5 * 1024 * 1024;

export interface PlannedStatement {
  line: number;
  articleId: number;
  articleTitle: string;
  speaker: string;
  saidOn: string;
  quote: string;
  topics: string[];
  input: CreateStatementInput;
}

export interface StatementCsvPlan {
  format: StatementCsvFormat;
  /** SHA-256 of the file; the import refuses a file that differs from the planned one. */
  sha256: string;
  rows: number;
  valid: PlannedStatement[];
  errors: CsvRowError[];
  /** Names that do not exist yet and will be created on import. */
  newSpeakers: string[];
  newTopics: string[];
}

export function csvSha256(csv: string): string {
  return createHash("sha256").update(csv, "utf8").digest("hex");
}

/** The dry run: what would be imported and what is wrong, by line. Writes nothing. */
export function planStatementCsvImport(db: DB, { workspaceId, csv }: { workspaceId: number; csv: string }): StatementCsvPlan {
  if (Buffer.byteLength(csv, "utf8") > MAX_STATEMENT_CSV_BYTES) throw new AppError("too_large", "The CSV file is larger than 5 MB; split it into smaller files.", "file");
  let read;
  try {
    read = readStatementCsv(csv);
  } catch (error) {
    if (error instanceof StatementCsvFileError) throw invalid(error.message, "file");
    throw error;
  }
  const errors = [...read.errors];
  const valid: PlannedStatement[] = [];
  const articles = new Map<string, Article | null>();
  const seen = new Map<string, number>();
  const newSpeakers = new Map<string, string>();
  const newTopics = new Map<string, string>();
  for (const { line, url, input } of read.candidates) {
    if (!articles.has(url)) articles.set(url, findLatestSnapshotByUrl(db, { workspaceId, url }));
    const article = articles.get(url);
    if (!article) {
      errors.push({ line, field: read.format === "simple" ? "source_url" : "url", message: `No article with this URL in the workspace: import the article first (${url}).` });
      continue;
    }
    let span;
    try {
      // Offsets from statements.csv are a hint; a different snapshot of the same URL may have moved the words.
      const pinned = input.start !== undefined && input.end !== undefined && article.text.slice(input.start, input.end) === input.quote.normalize("NFC");
      span = locateSpan(article.text, pinned ? input : { quote: input.quote });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      errors.push({ line, field: "quote", message: `${error.message} (article: ${article.title})` });
      continue;
    }
    const speakerName = String(input.speaker);
    const speaker = findSpeakerByName(db, { workspaceId, name: speakerName });
    const key = `${article.id}:${span.start}:${span.end}:${speaker?.id ?? speakerName.toLowerCase()}`;
    const existing = speaker
      ? db.select({ id: statements.id }).from(statements).where(and(eq(statements.articleId, article.id), eq(statements.speakerId, speaker.id), eq(statements.start, span.start), eq(statements.end, span.end))).get()
      : undefined;
    if (existing) {
      errors.push({ line, field: "quote", message: `Already in this workspace as statement ${existing.id}.` });
      continue;
    }
    if (seen.has(key)) {
      errors.push({ line, field: "quote", message: `The same quote and speaker are on line ${seen.get(key)}.` });
      continue;
    }
    seen.set(key, line);
    if (!speaker) newSpeakers.set(speakerName.toLowerCase(), speakerName);
    for (const t of input.topics) {
      const name = String(t.topic);
      if (!findTopicByName(db, { workspaceId, name })) newTopics.set(name.toLowerCase(), name);
    }
    valid.push({
      line, articleId: article.id, articleTitle: article.title, speaker: speaker?.name ?? speakerName, saidOn: input.saidOn, quote: span.quote,
      topics: input.topics.map((t) => `${t.topic}: ${t.stance}`),
      input: { ...input, articleId: article.id, quote: span.quote, start: span.start, end: span.end, prefix: undefined, suffix: undefined },
    });
  }
  errors.sort((a, b) => a.line - b.line);
  return {
    format: read.format, sha256: csvSha256(csv), rows: read.candidates.length + read.errors.length, valid, errors,
    newSpeakers: [...newSpeakers.values()], newTopics: [...newTopics.values()],
  };
}

/**
 * Imports the valid rows of a planned file in one transaction (rows with
 * errors are skipped, as the plan showed). `sha256` is the plan's: a file
 * edited since the dry run is refused so nobody imports what they did not see.
 */
export function importStatementCsv(db: DB, { workspaceId, actorId, csv, sha256 }: { workspaceId: number; actorId: number; csv: string; sha256: string }) {
  if (csvSha256(csv) !== sha256) throw conflict("The file changed since the dry run; check it again before importing.", "file");
  const plan = planStatementCsvImport(db, { workspaceId, csv });
  if (plan.valid.length === 0) throw invalid("No row of the file can be imported; fix the errors listed and try again.", "file");
  const ids = db.transaction(() => plan.valid.map((row) => createStatement(db, { workspaceId, actorId, input: row.input }).id));
  return { created: ids.length, ids, skipped: plan.errors.length, plan };
}

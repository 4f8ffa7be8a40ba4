import { Readable, pipeline } from "node:stream";
import { stringify } from "csv-stringify";

export interface CsvColumn<Row> {
  header: string;
  value(row: Row): unknown;
}

/**
 * Characters that make a spreadsheet read a cell as a formula (or, for tab and
 * carriage return, that some spreadsheets strip before doing so). OWASP's CSV
 * injection guidance: prefix such cells with a single quote so they are shown
 * as text. https://owasp.org/www-community/attacks/CSV_Injection
 */
const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r"]);

/**
 * One cell as text. Only strings are neutralised: a number such as -5 is a
 * value, not a formula, and must stay a number for whoever sums the column.
 * Quoting of commas, quotes and line breaks is left to csv-stringify.
 */
export function neutralizeCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "bigint" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString();
  const text = String(value);
  return text.length > 0 && FORMULA_TRIGGERS.has(text[0]) ? `'${text}` : text;
}

export interface CsvStreamOptions {
  /** Prepend a UTF-8 byte order mark, which Excel needs to detect UTF-8. */
  bom?: boolean;
}

/**
 * RFC 4180 CSV (header row, CRLF, quoting only where needed) as a Node stream.
 * Rows are pulled from the iterable only as fast as the consumer reads, so an
 * export of any size holds a few rows in memory, not the whole table.
 */
export function createCsvStream<Row>(
  columns: readonly CsvColumn<Row>[],
  rows: AsyncIterable<Row> | Iterable<Row>,
  options: CsvStreamOptions = {},
): Readable {
  const record = (row: Row) => columns.map((c) => neutralizeCell(c.value(row)));
  // A synchronous source is read synchronously: an async generator would cost a microtask per row.
  function* syncRecords(source: Iterable<Row>): Generator<string[]> {
    for (const row of source) yield record(row);
  }
  async function* asyncRecords(source: AsyncIterable<Row>): AsyncGenerator<string[]> {
    for await (const row of source) yield record(row);
  }
  const records = () => (Symbol.iterator in rows ? syncRecords(rows as Iterable<Row>) : asyncRecords(rows as AsyncIterable<Row>));
  const stringifier = stringify({
    header: true,
    columns: columns.map((c) => neutralizeCell(c.header)),
    record_delimiter: "\r\n",
    bom: options.bom ?? false,
  });
  // pipeline propagates backpressure and destroys the output with the
  // source's error, so a failing query surfaces as a stream error, not a
  // silently truncated file. The callback is required but has nothing to add.
  pipeline(Readable.from(records()), stringifier, () => {});
  return stringifier;
}

/**
 * A web ReadableStream for a Next route handler's Response. Pull-based: a chunk
 * is read from Node only when the HTTP side asks, which keeps backpressure.
 */
/** Bytes handed to the response at a time: csv-stringify emits one small chunk per row, and one HTTP chunk per row is slow. */
const WEB_CHUNK_BYTES = 64 * 1024;

export function toWebStream(readable: Readable): ReadableStream<Uint8Array> {
  const iterator = readable[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const parts: Uint8Array[] = [];
      let size = 0;
      while (size < WEB_CHUNK_BYTES) {
        const { value, done } = await iterator.next();
        if (done) {
          if (size) controller.enqueue(Buffer.concat(parts, size));
          controller.close();
          return;
        }
        const bytes = typeof value === "string" ? encoder.encode(value) : new Uint8Array(value);
        parts.push(bytes);
        size += bytes.length;
      }
      controller.enqueue(Buffer.concat(parts, size));
    },
    async cancel(reason) {
      readable.destroy(reason instanceof Error ? reason : undefined);
      await iterator.return?.();
    },
  });
}

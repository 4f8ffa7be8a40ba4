import { Readable, pipeline } from "node:stream";
import { stringify } from "csv-stringify";
import { stringify as stringifyRecords } from "csv-stringify/sync";

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

/** One row as the cells of a record, each neutralised. */
function csvRecord<Row>(columns: readonly CsvColumn<Row>[], row: Row): string[] {
  return columns.map((c) => neutralizeCell(c.value(row)));
}

/** RFC 4180 as csv-stringify writes it (CRLF, quoting only where needed); the header and BOM only where the file starts. */
function stringifyOptions<Row>(columns: readonly CsvColumn<Row>[], start: boolean, bom: boolean) {
  return { header: start, columns: columns.map((c) => neutralizeCell(c.header)), record_delimiter: "\r\n", bom: start && bom };
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
  const record = (row: Row) => csvRecord(columns, row);
  // A synchronous source is read synchronously: an async generator would cost a microtask per row.
  function* syncRecords(source: Iterable<Row>): Generator<string[]> {
    for (const row of source) yield record(row);
  }
  async function* asyncRecords(source: AsyncIterable<Row>): AsyncGenerator<string[]> {
    for await (const row of source) yield record(row);
  }
  const records = () => (Symbol.iterator in rows ? syncRecords(rows as Iterable<Row>) : asyncRecords(rows as AsyncIterable<Row>));
  const stringifier = stringify(stringifyOptions(columns, true, options.bom ?? false));
  // pipeline propagates backpressure and destroys the output with the
  // source's error, so a failing query surfaces as a stream error, not a
  // silently truncated file. The callback is required but has nothing to add.
  pipeline(Readable.from(records()), stringifier, () => {});
  return stringifier;
}

/** Where a paged CSV gets its rows: a page at a time, synchronously. */
export interface CsvPageSource<Row> {
  /** The next rows in file order; an empty page ends the file. */
  nextPage(): readonly Row[];
  /** Frees what the source holds (a read snapshot). Called once: after the last page, on an error, or when the reader goes away. */
  close(): void;
}

/**
 * Rows per page of a paged CSV. Turning a statement into CSV allocates ~11 KB
 * (mostly csv-stringify's per-cell work), and a page must be garbage before
 * V8's young generation is collected twice, or its objects are promoted and
 * pile up in the old generation until a full collection: at 1,000 rows a page
 * (~11 MB) the heap grew by ~80 MB over a 150,000-row export and the extra
 * collecting doubled the CPU a row costs. At 100 rows (~1 MB, against a
 * scavenge every ~16 MB once the server is warm) it stays flat, and smaller
 * pages were no faster.
 */
export const CSV_PAGE_ROWS = 100;

/** Rows already in memory, served as pages. */
export function arrayPages<Row>(rows: readonly Row[], pageSize = CSV_PAGE_ROWS): CsvPageSource<Row> {
  let at = 0;
  return { nextPage: () => rows.slice(at, (at += pageSize)), close() {} };
}

/**
 * Bytes a paged CSV hands the response at a time. Next flushes a gzip'd
 * response after every chunk (a sync flush, its own pass through zlib), so a
 * chunk per 100-row page meant ~1,500 flushes for a 150,000-row export;
 * pages gathered into 256 KB chunks made the gzip download ~10% faster.
 */
export const CSV_CHUNK_BYTES = 256 * 1024;

/**
 * The same CSV as createCsvStream, written a page at a time: each page is
 * read and stringified in one synchronous call, instead of one stream write
 * (and several promises) per row, and pages are gathered into chunks of
 * `chunkBytes`. Nothing is read before the consumer first asks; from then on
 * the next chunk is built right after the one handed over, on the next turn of
 * the event loop, while the response writes that one to its socket (or its
 * gzip, on libuv's threads). Memory stays at two chunks whatever the client's speed.
 */
export function csvPageStream<Row>(columns: readonly CsvColumn<Row>[], source: CsvPageSource<Row>,
  { bom = false, chunkBytes = CSV_CHUNK_BYTES }: CsvStreamOptions & { chunkBytes?: number } = {}): ReadableStream<Uint8Array> {
  let start = true;
  let open = true;
  const close = () => {
    if (open) source.close();
    open = false;
  };
  /** The next chunk (null when nothing is left to send) and whether the file ends with it. */
  function build(): { bytes: Buffer | null; last: boolean } {
    const parts: Buffer[] = [];
    let size = 0;
    let last = !open;
    while (!last && size < chunkBytes) {
      const rows = source.nextPage();
      last = rows.length === 0;
      // The first chunk has the header (and BOM) even for an empty file.
      if (rows.length > 0 || start) {
        parts.push(Buffer.from(stringifyRecords(rows.map((row) => csvRecord(columns, row)), stringifyOptions(columns, start, bom)), "utf8"));
        size += parts[parts.length - 1].length;
        start = false;
      }
    }
    if (last) close();
    return { bytes: size === 0 ? null : parts.length === 1 ? parts[0] : Buffer.concat(parts, size), last };
  }
  let ahead: Promise<ReturnType<typeof build>> | null = null;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { bytes, last } = ahead ? await ahead : build();
        if (bytes) controller.enqueue(bytes);
        if (last) return controller.close();
        ahead = new Promise((resolve, reject) => setImmediate(() => {
          try { resolve(build()); } catch (error) { reject(error); }
        }));
        // A reader that cancels never awaits it; its failure is reported by the pull that does.
        ahead.catch(() => {});
      } catch (error) {
        close();
        throw error;
      }
    },
    cancel: close,
  }, { highWaterMark: 0 });
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

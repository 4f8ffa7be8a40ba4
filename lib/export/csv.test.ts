import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import type { Readable } from "node:stream";
import { arrayPages, createCsvStream, CSV_CHUNK_BYTES, csvPageStream, neutralizeCell, toWebStream, type CsvColumn, type CsvPageSource } from "./csv";
import { FLAG_COLUMNS, LINK_COLUMNS, STATEMENT_COLUMNS, TIMELINE_COLUMNS, formatStances } from "./csv-columns";
import { laterStatement, sampleLink, sampleStatement } from "./test-fixtures";
import { liteStatement, type ExportFlag } from "./types";

async function collect(readable: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of readable) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

const textColumns: CsvColumn<{ a: unknown; b: unknown }>[] = [
  { header: "a", value: (r) => r.a },
  { header: "b", value: (r) => r.b },
];

const TRICKY = [
  'comma, inside',
  'she said "no"',
  "line one\nline two\r\nline three",
  "family 👨‍👩‍👧‍👦 emoji",
  "ישראל אמרה \u200Fשלום",
  "  padded  ",
  "",
];

describe("neutralizeCell", () => {
  it("prefixes formula triggers in strings only", () => {
    expect(neutralizeCell("=SUM(A1:A9)")).toBe("'=SUM(A1:A9)");
    expect(neutralizeCell("+1")).toBe("'+1");
    expect(neutralizeCell("-2+3")).toBe("'-2+3");
    expect(neutralizeCell("@cmd")).toBe("'@cmd");
    expect(neutralizeCell("\tTAB")).toBe("'\tTAB");
    expect(neutralizeCell("\rCR")).toBe("'\rCR");
    expect(neutralizeCell("a=b")).toBe("a=b");
    expect(neutralizeCell(-5)).toBe("-5");
    expect(neutralizeCell(3.5)).toBe("3.5");
    expect(neutralizeCell(null)).toBe("");
    expect(neutralizeCell(undefined)).toBe("");
    expect(neutralizeCell(true)).toBe("true");
  });
});

describe("createCsvStream", () => {
  it("round-trips awkward text byte for byte with CRLF records", async () => {
    const rows = TRICKY.map((a, i) => ({ a, b: i }));
    const out = await collect(createCsvStream(textColumns, rows));
    const text = out.toString("utf8");
    expect(text.startsWith("a,b\r\n")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(out[0]).not.toBe(0xef);
    const parsed: string[][] = parse(out, { bom: false });
    expect(parsed[0]).toEqual(["a", "b"]);
    expect(parsed.slice(1).map((r) => r[0])).toEqual(TRICKY);
    expect(Buffer.from(parsed[4][0], "utf8").equals(Buffer.from(TRICKY[3], "utf8"))).toBe(true);
    expect(parsed.slice(1).map((r) => r[1])).toEqual(TRICKY.map((_, i) => String(i)));
  });

  it("neutralises formula cells but keeps negative numbers", async () => {
    const out = await collect(createCsvStream(textColumns, [{ a: "=HYPERLINK(\"http://x\")", b: -5 }, { a: "@SUM(1)", b: "-5" }]));
    const parsed: string[][] = parse(out);
    expect(parsed[1]).toEqual(["'=HYPERLINK(\"http://x\")", "-5"]);
    expect(parsed[2]).toEqual(["'@SUM(1)", "'-5"]);
  });

  it("writes a UTF-8 BOM only when asked", async () => {
    const out = await collect(createCsvStream(textColumns, [{ a: "é", b: 1 }], { bom: true }));
    expect([...out.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parse(out, { bom: true })).toEqual([["a", "b"], ["é", "1"]]);
  });

  it("streams 100,000 rows without draining the source first", async () => {
    let produced = 0;
    function* rows() {
      for (let i = 0; i < 100_000; i++) {
        produced++;
        yield { a: `row ${i}`, b: i };
      }
    }
    const stream = createCsvStream(textColumns, rows());
    // Unread, the stream must stop pulling once its buffers are full.
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    expect(produced).toBeGreaterThan(0);
    expect(produced).toBeLessThan(5_000);

    let producedAtFirstChunk = -1;
    let lines = 0;
    for await (const chunk of stream) {
      if (producedAtFirstChunk < 0) producedAtFirstChunk = produced;
      lines += String(chunk).split("\r\n").length - 1;
    }
    expect(producedAtFirstChunk).toBeLessThan(100_000);
    expect(produced).toBe(100_000);
    expect(lines).toBe(100_001);
  });

  it("fails the stream when the source fails", async () => {
    async function* rows() {
      yield { a: "ok", b: 1 };
      throw new Error("database went away");
    }
    await expect(collect(createCsvStream(textColumns, rows()))).rejects.toThrow("database went away");
  });

  it("converts to a web stream of bytes", async () => {
    const web = toWebStream(createCsvStream(textColumns, [{ a: "👍", b: 2 }], { bom: true }));
    const bytes = new Uint8Array(await new Response(web).arrayBuffer());
    expect(bytes[0]).toBe(0xef);
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes)).toBe("\uFEFFa,b\r\n👍,2\r\n");
  });
});

describe("csvPageStream", () => {
  const read = async (web: ReadableStream<Uint8Array>) => Buffer.from(await new Response(web).arrayBuffer());

  /** arrayPages, counting what the stream asks of it. */
  function counted<Row>(rows: Row[], pageSize: number) {
    const pages = arrayPages(rows, pageSize);
    const calls = { pages: 0, closes: 0 };
    const source: CsvPageSource<Row> = {
      nextPage: () => (calls.pages++, pages.nextPage()),
      close: () => (calls.closes++, pages.close()),
    };
    return { source, calls };
  }

  it("writes the same bytes as createCsvStream, whatever the page size", async () => {
    const rows = [...TRICKY, "=1+1", "@me", "-2", "+3", "\tx", "\ry"].map((a, i) => ({ a, b: i % 3 ? -i : `${i}` }));
    for (const bom of [false, true]) {
      const expected = await collect(createCsvStream(textColumns, rows, { bom }));
      for (const pageSize of [1, 2, 5, rows.length, 1000]) {
        expect((await read(csvPageStream(textColumns, arrayPages(rows, pageSize), { bom }))).equals(expected)).toBe(true);
      }
    }
  });

  it("neutralises formula cells on every page", async () => {
    const parsed: string[][] = parse(await read(csvPageStream(textColumns, arrayPages([{ a: "ok", b: 1 }, { a: "=cmd()", b: -5 }, { a: "@x", b: "-5" }], 1))));
    expect(parsed).toEqual([["a", "b"], ["ok", "1"], ["'=cmd()", "-5"], ["'@x", "'-5"]]);
  });

  it("writes the header (and BOM) for an empty file", async () => {
    const { source, calls } = counted([], 10);
    expect((await read(csvPageStream(textColumns, source, { bom: true }))).toString("utf8")).toBe("\uFEFFa,b\r\n");
    expect(calls.closes).toBe(1);
  });

  const settle = async () => { for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r)); };

  it("reads nothing before the reader asks, then one chunk ahead of it, and closes the source once at the end", async () => {
    const { source, calls } = counted(Array.from({ length: 10 }, (_, i) => ({ a: `row ${i}`, b: i })), 3);
    const reader = csvPageStream(textColumns, source, { chunkBytes: 1 }).getReader();
    await settle();
    expect(calls.pages).toBe(0);
    const first = await reader.read();
    expect(Buffer.from(first.value!).toString("utf8")).toBe("a,b\r\nrow 0,0\r\nrow 1,1\r\nrow 2,2\r\n");
    await settle();
    expect(calls.pages).toBe(2);
    let chunks = 1;
    while (!(await reader.read()).done) chunks++;
    expect(chunks).toBe(4);
    expect(calls).toEqual({ pages: 5, closes: 1 });
  });

  it("gathers pages into chunks of at least chunkBytes", async () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({ a: `row ${i}`, b: i }));
    const reader = csvPageStream(textColumns, arrayPages(rows, 1), { chunkBytes: 50 }).getReader();
    const sizes: number[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) sizes.push(r.value.length);
    expect(sizes.length).toBeGreaterThan(1);
    expect(sizes.slice(0, -1).every((n) => n >= 50 && n < 50 + 12)).toBe(true);
    expect(sizes.reduce((a, n) => a + n, 0)).toBe((await read(csvPageStream(textColumns, arrayPages(rows, 1)))).length);
  });

  it("closes the source when the reader cancels, with at most one chunk read ahead", async () => {
    const { source, calls } = counted(Array.from({ length: 10 }, (_, i) => ({ a: "x", b: i })), 2);
    const reader = csvPageStream(textColumns, source, { chunkBytes: 1 }).getReader();
    await reader.read();
    await reader.cancel();
    await settle();
    expect(calls.pages).toBeLessThanOrEqual(2);
    expect(calls.closes).toBe(1);
  });

  it("fails the stream and closes the source when a page cannot be read, in the first chunk or one read ahead", async () => {
    for (const chunkBytes of [CSV_CHUNK_BYTES, 1]) {
      let closes = 0;
      let pages = 0;
      const source: CsvPageSource<{ a: string; b: number }> = {
        nextPage() {
          if (pages++ > 0) throw new Error("database went away");
          return [{ a: "ok", b: 1 }];
        },
        close: () => void closes++,
      };
      await expect(read(csvPageStream(textColumns, source, { chunkBytes }))).rejects.toThrow("database went away");
      expect(closes).toBe(1);
    }
  });
});

describe("column sets", () => {
  async function table<Row>(columns: readonly CsvColumn<Row>[], rows: Row[]): Promise<Record<string, string>[]> {
    return parse(await collect(createCsvStream(columns, rows)), { columns: true });
  }

  it("statements.csv hides private notes and writes stances in words", async () => {
    const [priv, pub] = await table(STATEMENT_COLUMNS, [sampleStatement(), laterStatement()]);
    expect(priv.note).toBe("");
    expect(pub.note).toBe("Compare with the February interview.");
    expect(priv.topics_and_stances).toBe("Negotiations: conditional (Ukraine withdraws from four regions); NATO: opposes");
    expect(priv.said_on).toBe("2024-06-14");
    expect(pub.said_on).toBe("2024-09");
    expect(pub.said_on_precision).toBe("month");
    expect(pub.url).toBe("");
    expect(Object.keys(priv)).toContain("permalink");
  });

  it("links.csv, flags.csv and timeline.csv name both ends", async () => {
    const [link] = await table(LINK_COLUMNS, [sampleLink()]);
    expect(link).toMatchObject({ relation: "contradicts", verdict: "Half flip", from_id: "12", to_id: "7", from_said_on: "2024-09" });
    const flag: ExportFlag = {
      key: "stance_shift:7:12:1", rule: "stance_shift", severity: "full_flop", status: "confirmed", rationale: "-reversed",
      earlier: liteStatement(sampleStatement()), later: liteStatement(laterStatement()), topicName: "Negotiations",
    };
    const [f] = await table(FLAG_COLUMNS, [flag]);
    expect(f).toMatchObject({ key: "stance_shift:7:12:1", severity: "Full flop", topic: "Negotiations", rationale: "'-reversed", later_id: "12" });
    const [t] = await table(TIMELINE_COLUMNS, [{
      position: 3, statement: sampleStatement(),
      flags: [{ severity: "half_flip", rule: "linked", otherPosition: 12 }, { severity: "dispute", rule: "dispute", otherPosition: 9 }],
    }]);
    expect(t).toMatchObject({ position: "3", precision: "day", source: "Example Wire: Putin sets out terms for talks", flags: "half flip with #12; dispute with #9" });
  });

  it("omits an empty condition", () => {
    expect(formatStances([{ id: 1, name: "A", stance: "conditional", condition: " " }])).toBe("A: conditional");
  });
});

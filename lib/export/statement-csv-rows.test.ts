import { describe, expect, it } from "vitest";
import { parseStances, readStatementCsv, StatementCsvFileError, unneutralize } from "./statement-csv-rows";

const SIMPLE_HEADER = "speaker,date,quote,source url,topic,stance\r\n";

describe("readStatementCsv (simple form)", () => {
  it("reads rows, infers date precision and reports bad rows by starting line and column", () => {
    const csv = SIMPLE_HEADER
      + "Vladimir Putin,2024-09,\"we never refused, he said\",https://e.org/a,Talks,supports\r\n" // line 2
      + "Vladimir Putin,2024-13-01,words,https://e.org/a,Talks,supports\r\n" // line 3: bad date
      + "\r\n" // line 4: empty, skipped
      + ",2024,\"a quote over\ntwo lines\",https://e.org/a,,\r\n" // line 5: no speaker
      + "Zelensky,2024,words,https://e.org/a,Talks,\r\n" // line 7: topic without stance
      + "Zelensky,2024,words,,,\r\n" // line 8: no url
      + "Zelensky,2024,words,https://e.org/a,Talks,maybe\r\n"; // line 9: bad stance
    const { format, candidates, errors } = readStatementCsv(csv);
    expect(format).toBe("simple");
    expect(candidates).toHaveLength(1);
    expect(candidates[0]).toMatchObject({ line: 2, url: "https://e.org/a", input: { saidOn: "2024-09-01", saidOnPrecision: "month", quote: "we never refused, he said", topics: [{ topic: "Talks", stance: "supports" }] } });
    expect(errors.map((e) => [e.line, e.field])).toEqual([[3, "date"], [5, "speaker"], [7, "stance"], [8, "source_url"], [9, "stance"]]);
    expect(errors[0].message).toMatch(/YYYY-MM-DD/);
  });

  it("refuses files it cannot read with a file-level message", () => {
    expect(() => readStatementCsv("")).toThrow(StatementCsvFileError);
    expect(() => readStatementCsv("name,age\r\nAda,36\r\n")).toThrow(/Unrecognised columns \(name, age\)/);
    expect(() => readStatementCsv(`${SIMPLE_HEADER}Putin,2024,"unclosed,https://e.org,,\r\n`)).toThrow(/not valid CSV/);
  });

  it("reports a row with the wrong number of cells", () => {
    const { errors } = readStatementCsv(`${SIMPLE_HEADER}Putin,2024,words\r\n`);
    expect(errors).toEqual([{ line: 2, field: "(row)", message: "Expected 6 columns, found 3." }]);
  });
});

describe("statements.csv columns", () => {
  it("parses topics with stances and conditions, and undoes formula neutralising", () => {
    expect(parseStances("Talks: conditional (Kyiv leaves; NATO dropped); NATO: opposes")).toEqual([
      { topic: "Talks", stance: "conditional", condition: "Kyiv leaves; NATO dropped" },
      { topic: "NATO", stance: "opposes", condition: "" },
    ]);
    expect(parseStances("")).toEqual([]);
    expect(parseStances("Talks: maybe")).toMatch(/Could not read "Talks: maybe"/);
    expect(unneutralize("'=SUM(A1)")).toBe("=SUM(A1)");
    expect(unneutralize("'-5")).toBe("-5");
    expect(unneutralize("'quoted'")).toBe("'quoted'");
  });
});

import { describe, expect, it } from "vitest";
import { timelineCsvResponse, type TimelineCsvStatement } from "./csv";

const statement = (id: number, saidOn: string, quote: string): TimelineCsvStatement => ({
  id, saidOn, saidOnPrecision: "day", speakerName: "Vladimir Putin", kind: "claim", quote, summary: "",
  stances: [{ topicName: "Talks", stance: "conditional", condition: "withdrawal" }], publisher: "Example News", articleTitle: "Terms", articleUrl: null,
});

describe("timelineCsvResponse", () => {
  it("writes the view's rows in order with their flags in words, a BOM and download headers", async () => {
    const res = timelineCsvResponse("Putin on talks, 2024", {
      statements: [statement(1, "2024-06-14", "talks once troops leave"), statement(2, "2024-08-12", "=no talks")],
      flags: [{ earlierId: 1, laterId: 2, severity: "full_flop", rationale: "Rules out June's talks." }],
    });
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="putin-on-talks-2024.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trim().split("\r\n");
    expect(lines[0]).toBe("said_on,said_on_precision,speaker,kind,quote,summary,stances,flags,publisher,article_title,article_url");
    expect(lines[1]).toBe("2024-06-14,day,Vladimir Putin,claim,talks once troops leave,,Talks: conditional (withdrawal),\"Full flop with Vladimir Putin, 2024-08-12: Rules out June's talks.\",Example News,Terms,");
    // A quote that starts like a formula is neutralised.
    expect(lines[2]).toContain(",'=no talks,");
  });

  it("names an untitled timeline's file plainly", () => {
    expect(timelineCsvResponse("", { statements: [], flags: [] }).headers.get("content-disposition")).toBe('attachment; filename="timeline.csv"');
  });
});

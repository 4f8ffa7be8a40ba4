import { afterEach, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { cleanupTempDbs, readBody, seedExportWorkspace, TRICKY_QUOTES } from "./export-test-data";
import { exportTimelineCsv, exportWorkspaceFile, iterateExportStatements, listClaimReviews, listExportFlags, listTimelineExportEntries, streamTimelineCsv } from "./exports";
import { reviewFlag } from "./flags";
import { STATEMENT_COLUMNS } from "@/lib/export/csv-columns";
import { collectionProblems, createW3cValidator } from "@/lib/export/fixtures/w3c-validator";
import { demoStatements } from "../seed-data";
import { parseTimelineView } from "@/lib/timeline/view-state";

afterEach(cleanupTempDbs);

const ORIGIN = "https://claimline.example";
const NOW = new Date("2024-10-01T12:00:00Z");

async function download(file: Parameters<typeof exportWorkspaceFile>[1]["file"], bom = false) {
  const { db, ws, trickyIds } = seedExportWorkspace();
  const out = exportWorkspaceFile(db, { slug: ws.slug, file, origin: ORIGIN, bom, now: NOW });
  return { ...out, bytes: await readBody(out.body), db, ws, trickyIds };
}

describe("statements.csv", () => {
  it("parses back with csv-parse, tricky quotes byte for byte, formulas neutralised, private notes blank", async () => {
    const { bytes, headers, filename, trickyIds } = await download("statements.csv");
    expect(filename).toBe("export-demo-statements-2024-10-01.csv");
    expect(headers["Content-Type"]).toMatch(/^text\/csv; charset=utf-8/);
    expect(headers["Content-Disposition"]).toContain(`attachment; filename="${filename}"`);
    expect(bytes[0]).not.toBe(0xef);
    const text = bytes.toString("utf8");
    expect(text.split("\r\n")[0]).toBe(STATEMENT_COLUMNS.map((c) => c.header).join(","));
    const rows: Record<string, string>[] = parse(bytes, { columns: true });
    expect(rows).toHaveLength(demoStatements.length + TRICKY_QUOTES.length);
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    TRICKY_QUOTES.forEach((quote, i) => {
      const row = byId.get(trickyIds[i])!;
      const expected = /^[=+\-@\t\r]/.test(quote) ? `'${quote}` : quote;
      expect(Buffer.from(row.quote, "utf8").equals(Buffer.from(expected, "utf8"))).toBe(true);
      expect(row.permalink).toBe(`${ORIGIN}/w/export-demo/statements/${trickyIds[i]}`);
      expect(row.note).toBe(i === 1 ? "private; never exported" : "");
    });
    const first = byId.get(trickyIds[0])!;
    expect(first).toMatchObject({ speaker: "Vladimir Putin", said_on: "2024-09-10", said_on_precision: "day", summary: "'+ conditional, with commas", publisher: "'=Desk", url: "https://example.org/tricky?a=1&b=2", article_title: "Awkward, \"quoted\" title", anchor_status: "exact" });
    expect(first.topics_and_stances).toBe("Preconditions for negotiations: conditional (troops leave)");
  });

  it("adds a byte order mark when asked", async () => {
    const { bytes } = await download("statements.csv", true);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parse(bytes, { bom: true, columns: true })[0]).toHaveProperty("id");
  });

  it("reads in pages: a page size of 2 yields every statement once, in id order", () => {
    const { db, ws } = seedExportWorkspace();
    const ids = [...iterateExportStatements(db, { workspaceId: ws.id, origin: ORIGIN, pageSize: 2 })].map((s) => s.id);
    expect(ids).toHaveLength(demoStatements.length + TRICKY_QUOTES.length);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("links.csv and flags.csv", () => {
  it("links carry both statements' ids, speakers, dates and full quotes", async () => {
    const { bytes } = await download("links.csv");
    const rows: Record<string, string>[] = parse(bytes, { columns: true });
    expect(rows).toHaveLength(4);
    const kyzyl = rows.find((r) => r.relation === "contradicts" && r.to_said_on === "2024-08-12")!;
    expect(kyzyl).toMatchObject({ from_speaker: "Vladimir Putin", from_said_on: "2024-09-02", verdict: "Full flop", to_speaker: "Vladimir Putin" });
    expect(kyzyl.from_quote).toBe(demoStatements.find((s) => s.key === "september-kyzyl")!.quote);
    expect(kyzyl.to_quote).toBe(demoStatements.find((s) => s.key === "august-no-talks")!.quote);
    expect(Number(kyzyl.from_id)).toBeGreaterThan(0);
  });

  it("flags list linked flags and disputes with both statements, severity and review status", async () => {
    const { bytes, db, ws } = await download("flags.csv");
    const rows: Record<string, string>[] = parse(bytes, { columns: true });
    expect(rows.length).toBe(listExportFlags(db, { workspaceId: ws.id, origin: ORIGIN }).length);
    expect(rows.filter((r) => r.rule === "dispute").map((r) => r.later_speaker).sort()).toEqual(["Mykhailo Podolyak", "Volodymyr Zelensky"]);
    const flop = rows.find((r) => r.rule === "linked" && r.severity === "Full flop")!;
    expect(flop).toMatchObject({ status: "confirmed", earlier_said_on: "2024-08-12", later_said_on: "2024-09-02" });
  });
});

describe("timeline rows", () => {
  it("keep the view's order and name flags by the other row's position", async () => {
    const { db, ws } = seedExportWorkspace();
    const putin = [...iterateExportStatements(db, { workspaceId: ws.id, origin: ORIGIN })]
      .filter((s) => s.speaker.name === "Vladimir Putin" && s.saidOn.date < "2024-09-10").sort((a, b) => a.saidOn.date.localeCompare(b.saidOn.date));
    const entries = listTimelineExportEntries(db, { workspaceId: ws.id, origin: ORIGIN, statementIds: putin.map((s) => s.id) });
    expect(entries.map((e) => e.statement.saidOn.date)).toEqual(["2024-06-14", "2024-08-12", "2024-09-02", "2024-09-05"]);
    expect(entries[2].flags).toEqual(expect.arrayContaining([{ severity: "full_flop", rule: "linked", otherPosition: 2 }, { severity: "half_flip", rule: "linked", otherPosition: 1 }]));
    const rows: Record<string, string>[] = parse(await readBody(streamTimelineCsv(db, { workspaceId: ws.id, origin: ORIGIN, statementIds: putin.map((s) => s.id) })), { columns: true });
    expect(rows.map((r) => r.position)).toEqual(["1", "2", "3", "4"]);
    expect(rows[2].flags).toContain("full flop with #2");
  });
});

describe("annotations.jsonld", () => {
  it("is a W3C AnnotationCollection that passes the test-suite schemas, served as JSON-LD", async () => {
    const { bytes, headers } = await download("annotations.jsonld");
    expect(headers["Content-Type"]).toBe("application/ld+json; charset=utf-8");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    const collection = JSON.parse(bytes.toString("utf8"));
    expect(collection.type).toBe("AnnotationCollection");
    expect(collection.total).toBe(demoStatements.length + TRICKY_QUOTES.length + 4);
    const w3c = createW3cValidator();
    expect(collectionProblems(w3c, collection)).toEqual([]);
    // The same checks do catch a broken export: a selector without its text, a link without a target.
    const broken = structuredClone(collection);
    const tagged = broken.first.items.find((a: { target: unknown }) => typeof a.target === "object");
    tagged.target.selector[0] = { type: "TextQuoteSelector", prefix: "only a prefix" };
    delete broken.first.items.find((a: { motivation: string }) => a.motivation === "linking").target;
    expect(collectionProblems(w3c, broken).join("\n")).toMatch(/TextQuoteSelector[\s\S]*target|target[\s\S]*TextQuoteSelector/);
    const linking = collection.first.items.filter((a: { motivation: string }) => a.motivation === "linking");
    expect(linking).toHaveLength(4);
  });
});

describe("claimreview.jsonld", () => {
  it("publishes the flips a person linked without a separate review, and drops one when it is dismissed", () => {
    const { db, ws } = seedExportWorkspace(undefined, "claimreview-linked", { confirmLinked: false });
    const options = { workspaceId: ws.id, origin: ORIGIN, slug: "claimreview-linked", organization: { name: "Desk", url: ORIGIN } };
    const ratings = () => listClaimReviews(db, options).map((r) => `${r.itemReviewed.datePublished} ${r.reviewRating.alternateName}`).sort();
    expect(ratings()).toEqual(["2024-09-02 Full Flop", "2024-09-02 Half Flip"]);
    const flop = listExportFlags(db, { workspaceId: ws.id, origin: ORIGIN }).find((f) => f.rule === "linked" && f.severity === "full_flop")!;
    reviewFlag(db, { workspaceId: ws.id, actorId: 1, flagKey: flop.key, decision: "dismissed", verdict: null, note: "" });
    expect(ratings()).toEqual(["2024-09-02 Half Flip"]);
  });

  it("has one ClaimReview per confirmed non-dispute flag with every field Google requires", async () => {
    const { bytes, db, ws } = await download("claimreview.jsonld");
    const reviews = JSON.parse(bytes.toString("utf8"));
    const confirmed = listExportFlags(db, { workspaceId: ws.id, origin: ORIGIN }).filter((f) => (f.status === "confirmed" || f.status === "linked") && f.severity !== "dispute");
    expect(confirmed.length).toBeGreaterThan(0);
    expect(reviews).toHaveLength(confirmed.length);
    for (const r of reviews) {
      expect(r["@context"]).toBe("https://schema.org");
      expect(r["@type"]).toBe("ClaimReview");
      expect(r.url).toMatch(/^https:\/\/claimline\.example\/w\/export-demo\/flags#flag-linked-\d+-\d+$/);
      expect(r.claimReviewed.length).toBeGreaterThan(0);
      expect([...r.claimReviewed].length).toBeLessThan(75);
      expect(r.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.author).toMatchObject({ "@type": "Organization", name: "Export demo", url: ORIGIN });
      expect(r.itemReviewed).toMatchObject({ "@type": "Claim", author: { "@type": "Person", name: "Vladimir Putin" } });
      expect(r.itemReviewed.datePublished).toMatch(/^2024-09-02$/);
      expect(r.itemReviewed.appearance[0].url).toBe("https://example.org/claimline-demo/2024-09-06-never-refused");
      expect(r.reviewRating).toMatchObject({ "@type": "Rating", bestRating: 3, worstRating: 1 });
      expect(["Half Flip", "Full Flop"]).toContain(r.reviewRating.alternateName);
    }
  });
});

describe("workspace.json download", () => {
  it("is JSON with nosniff, and user text cannot open an HTML tag", async () => {
    const { db, ws } = seedExportWorkspace();
    db.$client.prepare("update workspaces set description = ? where id = ?").run("<script>alert(1)</script>", ws.id);
    const out = exportWorkspaceFile(db, { slug: ws.slug, file: "workspace.json", origin: ORIGIN, now: NOW });
    const text = (await readBody(out.body)).toString("utf8");
    expect(out.headers["Content-Type"]).toBe("application/json; charset=utf-8");
    expect(out.headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(text).not.toContain("<");
    expect(JSON.parse(text).workspace.description).toBe("<script>alert(1)</script>");
  });

  it("refuses an unknown workspace with not_found", () => {
    const { db } = seedExportWorkspace();
    expect(() => exportWorkspaceFile(db, { slug: "nope", file: "statements.csv", origin: ORIGIN })).toThrow(expect.objectContaining({ code: "not_found" }));
  });
});

describe("timeline.csv for a workspace view", () => {
  it("follows the timeline filter from the URL and is named for the workspace", async () => {
    const { db, ws } = seedExportWorkspace();
    const podolyak = db.$client.prepare("select id from speakers where workspace_id = ? and name = 'Mykhailo Podolyak'").get(ws.id) as { id: number };
    const out = exportTimelineCsv(db, { slug: ws.slug, origin: ORIGIN, now: NOW, view: parseTimelineView(new URLSearchParams({ speakers: String(podolyak.id) })) });
    expect(out.filename).toBe("export-demo-timeline-2024-10-01.csv");
    const rows: Record<string, string>[] = parse(await readBody(out.body), { columns: true });
    expect(rows.map((r) => r.speaker)).toEqual(["Mykhailo Podolyak"]);
  });
});

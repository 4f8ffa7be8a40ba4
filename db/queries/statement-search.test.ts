import { afterEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { AppError } from "../errors";
import { articles, speakers, statements, statementTopics, topics } from "../schema";
import { searchStatementsByWorkspace, encodeStatementCursor, type StatementSearchInput } from "./statement-search";
import { cleanupTestDbs, demoDb } from "./test-db";
import { createWorkspace } from "./workspaces";
import { seedDemoWorkspace } from "../seed";
import { statementQuery, toStatementSearch } from "@/lib/validation/statement-filters";
import type { DB } from "../index";

afterEach(cleanupTestDbs);

const idOf = (db: DB, table: typeof speakers | typeof topics, workspaceId: number, name: string) =>
  db.select().from(table).where(eq(table.workspaceId, workspaceId)).all().find((r) => r.name === name)!.id;
const quotes = (page: { items: { quote: string }[] }) => page.items.map((i) => i.quote.slice(0, 30));

function search(db: DB, input: Omit<StatementSearchInput, "workspaceId"> & { workspaceId: number }) {
  return searchStatementsByWorkspace(db, input);
}

describe("searchStatementsByWorkspace: filters", () => {
  it("lists the whole workspace, newest said-on first, with stances and a total", () => {
    const { db, ws } = demoDb();
    const page = search(db, { workspaceId: ws.id });
    expect(page.total).toBe(6);
    expect(page.items.map((i) => i.saidOn)).toEqual(["2024-09-05", "2024-09-02", "2024-08-12", "2024-06-14", "2024-06-14", "2024-06-14"]);
    expect(page.items[0]).toMatchObject({ speakerName: "Vladimir Putin", articleTitle: expect.any(String) });
    expect(page.items.find((i) => i.saidOn === "2024-09-02")!.stances[0]).toMatchObject({ stance: "conditional", topicName: "Preconditions for negotiations" });
    expect(page.nextCursor).toBeNull();
    expect(page.prevCursor).toBeNull();
  });

  it("never shows another workspace's statements", () => {
    const { db, ws } = demoDb();
    const other = seedDemoWorkspace(db, { slug: "other", name: "Other" });
    expect(search(db, { workspaceId: ws.id }).total).toBe(6);
    expect(search(db, { workspaceId: other.id, filters: { speakerIds: [idOf(db, speakers, ws.id, "Vladimir Putin")] } }).total).toBe(0);
  });

  it("filters by speaker, topic, kind, stance, article and dates", () => {
    const { db, ws } = demoDb();
    const putin = idOf(db, speakers, ws.id, "Vladimir Putin");
    const nato = idOf(db, topics, ws.id, "Ukraine and NATO");
    const pre = idOf(db, topics, ws.id, "Preconditions for negotiations");
    expect(search(db, { workspaceId: ws.id, filters: { speakerIds: [putin] } }).total).toBe(4);
    expect(search(db, { workspaceId: ws.id, filters: { topicIds: [nato] } }).items.map((i) => i.saidOn)).toEqual(["2024-06-14"]);
    expect(search(db, { workspaceId: ws.id, filters: { kinds: ["denial"] } }).total).toBe(3);
    expect(search(db, { workspaceId: ws.id, filters: { stances: ["conditional"] } }).total).toBe(3);
    // Stance on the chosen topic: the June terms oppose NATO membership but are conditional on preconditions.
    expect(search(db, { workspaceId: ws.id, filters: { topicIds: [nato], stances: ["conditional"] } }).total).toBe(0);
    expect(search(db, { workspaceId: ws.id, filters: { topicIds: [pre], stances: ["opposes"] } }).total).toBe(3);
    const september = db.select().from(articles).where(eq(articles.workspaceId, ws.id)).all().find((a) => a.title.includes("never refused"))!;
    expect(search(db, { workspaceId: ws.id, filters: { articleId: september.id } }).total).toBe(2);
    expect(search(db, { workspaceId: ws.id, filters: { from: "2024-08-01", to: "2024-09-02" } }).items.map((i) => i.saidOn)).toEqual(["2024-09-02", "2024-08-12"]);
    expect(search(db, { workspaceId: ws.id, filters: { speakerIds: [putin], kinds: ["precondition"], from: "2024-09-01" } }).total).toBe(2);
  });

  it("counts a vague date when its period overlaps the range", () => {
    const { db, ws } = demoDb();
    const row = db.select().from(statements).where(eq(statements.saidOn, "2024-08-12")).get()!;
    db.update(statements).set({ saidOn: "2024-08-01", saidOnPrecision: "month" }).where(eq(statements.id, row.id)).run();
    expect(search(db, { workspaceId: ws.id, filters: { from: "2024-08-20", to: "2024-08-25" } }).items.map((i) => i.id)).toEqual([row.id]);
    expect(search(db, { workspaceId: ws.id, filters: { from: "2024-09-01", to: "2024-09-30" } }).items.map((i) => i.id)).not.toContain(row.id);
  });

  it("reads filters from URL-style params: comma-separated or repeated ids, empty values ignored", () => {
    const parsed = statementQuery.parse({ speaker: ["1,2", "3"], topic: "", kind: "denial,claim", from: "2024-06", to: "2024", q: "  " });
    expect(parsed).toMatchObject({ speaker: [1, 2, 3], kind: ["denial", "claim"], from: "2024-06-01", to: "2024-12-31", limit: 50 });
    expect(parsed.topic).toBeUndefined();
    expect(toStatementSearch(parsed).sort).toEqual({ by: "saidOn", dir: "desc" });
    expect(toStatementSearch(statementQuery.parse({ q: "bandits" })).sort.by).toBe("relevance");
    for (const bad of [{ speaker: "abc" }, { kind: "lie" }, { from: "2024-13-01" }, { from: "2024-09-02", to: "2024-09-01" }, { limit: "0" }, { sort: "quote" }]) {
      expect(statementQuery.safeParse(bad).success).toBe(false);
    }
  });
});

describe("searchStatementsByWorkspace: full text", () => {
  it("finds quotes, summaries and names, with prefixes and phrases", () => {
    const { db, ws } = demoDb();
    expect(quotes(search(db, { workspaceId: ws.id, filters: { q: "bandits" } }))).toEqual(["Russia had never refused peace"]);
    expect(search(db, { workspaceId: ws.id, filters: { q: "bandit*" } }).total).toBe(1);
    expect(search(db, { workspaceId: ws.id, filters: { q: "Podolyak" } }).total).toBe(1);
    expect(search(db, { workspaceId: ws.id, filters: { q: "\"never refused\"" } }).total).toBeGreaterThanOrEqual(1);
    expect(search(db, { workspaceId: ws.id, filters: { q: "\"refused never\"" } }).total).toBe(0);
    expect(search(db, { workspaceId: ws.id, filters: { q: "bandits", speakerIds: [idOf(db, speakers, ws.id, "Volodymyr Zelensky")] } }).total).toBe(0);
  });

  it("never lets hostile input break the query: it is searched as words or refused with a message", () => {
    const { db, ws } = demoDb();
    for (const q of ["AND OR NOT", "NEAR(", "NEAR(a b", "bandits\"", "quote:bandits", "-bandits", "^bandits", "(bandits", "a\" OR \"b", "'; drop table statements; --", "мир😀", "x*y*"]) {
      expect(() => search(db, { workspaceId: ws.id, filters: { q } }), q).not.toThrow();
    }
    expect(search(db, { workspaceId: ws.id, filters: { q: "NEAR(bandits" } }).total).toBe(0);
    expect(search(db, { workspaceId: ws.id, filters: { q: "(bandits" } }).total).toBe(1);
    for (const q of ["\"", "*", "😀", "()"]) {
      const error = (() => { try { search(db, { workspaceId: ws.id, filters: { q } }); } catch (e) { return e; } })();
      expect(error, q).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: "invalid", field: "q" });
    }
    expect(db.select().from(statements).all()).toHaveLength(6);
  });

  it("sorts by relevance, best match first", () => {
    const { db, ws } = demoDb();
    const page = search(db, { workspaceId: ws.id, filters: { q: "negotiations" }, sort: { by: "relevance", dir: "desc" } });
    expect(page.total).toBeGreaterThan(1);
    const asc = search(db, { workspaceId: ws.id, filters: { q: "negotiations" }, sort: { by: "relevance", dir: "asc" } });
    expect(asc.items.map((i) => i.id)).toEqual([...page.items.map((i) => i.id)].reverse());
  });
});

describe("searchStatementsByWorkspace: sorting and paging", () => {
  it("sorts by speaker then date, and by creation", () => {
    const { db, ws } = demoDb();
    expect(search(db, { workspaceId: ws.id, sort: { by: "speaker", dir: "asc" } }).items.map((i) => i.speakerName))
      .toEqual(["Mykhailo Podolyak", "Vladimir Putin", "Vladimir Putin", "Vladimir Putin", "Vladimir Putin", "Volodymyr Zelensky"]);
    const created = search(db, { workspaceId: ws.id, sort: { by: "createdAt", dir: "asc" } }).items.map((i) => i.id);
    expect(created).toEqual([...created].sort((a, b) => a - b));
  });

  it("pages through ties (three statements on 14 June) without repeats, forwards and back", () => {
    const { db, ws } = demoDb();
    const all = search(db, { workspaceId: ws.id, sort: { by: "saidOn", dir: "asc" } }).items.map((i) => i.id);
    const p1 = search(db, { workspaceId: ws.id, sort: { by: "saidOn", dir: "asc" }, limit: 2 });
    const p2 = search(db, { workspaceId: ws.id, sort: { by: "saidOn", dir: "asc" }, limit: 2, cursor: p1.nextCursor! });
    const p3 = search(db, { workspaceId: ws.id, sort: { by: "saidOn", dir: "asc" }, limit: 2, cursor: p2.nextCursor! });
    expect([...p1.items, ...p2.items, ...p3.items].map((i) => i.id)).toEqual(all);
    expect(p1.prevCursor).toBeNull();
    expect(p3.nextCursor).toBeNull();
    const back = search(db, { workspaceId: ws.id, sort: { by: "saidOn", dir: "asc" }, limit: 2, cursor: p3.prevCursor! });
    expect(back.items.map((i) => i.id)).toEqual(p2.items.map((i) => i.id));
    const first = search(db, { workspaceId: ws.id, sort: { by: "saidOn", dir: "asc" }, limit: 2, cursor: back.prevCursor! });
    expect(first.items.map((i) => i.id)).toEqual(p1.items.map((i) => i.id));
    expect(first.prevCursor).toBeNull();
    expect(first.nextCursor).not.toBeNull();
  });

  it("refuses a damaged cursor or one from another sort order with a message", () => {
    const { db, ws } = demoDb();
    const other = encodeStatementCursor({ by: "speaker", dir: "asc", side: "after", values: ["A", "2024-01-01", 1] });
    for (const cursor of ["not-a-cursor", "", "W10", other, Buffer.from("[1,\"saidOn\",\"desc\",\"after\",[{}]]").toString("base64url")]) {
      if (!cursor) continue;
      expect(() => search(db, { workspaceId: ws.id, cursor }), cursor).toThrow(expect.objectContaining({ code: "invalid", field: "cursor" }));
    }
  });
});

describe("searchStatementsByWorkspace at scale", () => {
  it("pages 5,000 statements with many ties without duplicates or gaps, in every sort", () => {
    const { db, actorId } = demoDb();
    const big = createWorkspace(db, { name: "Big", slug: "big", actorId });
    const article = db.insert(articles).values({ workspaceId: big.id, title: "A", text: "x".repeat(100), textSha256: "0", source: "text", retrievedAt: "2024-01-01", createdBy: actorId }).returning().get();
    const speakerIds = ["Ann", "bob", "Cy"].map((name) => db.insert(speakers).values({ workspaceId: big.id, name, createdBy: actorId }).returning().get().id);
    const topic = db.insert(topics).values({ workspaceId: big.id, name: "T", createdBy: actorId }).returning().get();
    db.transaction((tx) => {
      for (let i = 0; i < 5000; i++) {
        const s = tx.insert(statements).values({
          workspaceId: big.id, articleId: article.id, speakerId: speakerIds[i % 3], quote: `quote ${i % 7 === 0 ? "ceasefire" : "talks"} ${i}`,
          start: 0, end: 1, saidOn: `2024-0${1 + (i % 9)}-1${i % 5}`, kind: i % 2 ? "claim" : "denial", createdBy: actorId,
          createdAt: `2024-10-0${1 + (i % 3)}T00:00:00.000Z`,
        }).returning({ id: statements.id }).get();
        if (i % 4 === 0) tx.insert(statementTopics).values({ statementId: s.id, topicId: topic.id, stance: "opposes" }).run();
      }
    });
    const cases: Omit<StatementSearchInput, "workspaceId">[] = [
      { sort: { by: "saidOn", dir: "desc" } }, { sort: { by: "saidOn", dir: "asc" } }, { sort: { by: "speaker", dir: "asc" } },
      { sort: { by: "createdAt", dir: "desc" } }, { filters: { q: "ceasefire" }, sort: { by: "relevance", dir: "desc" } },
      { filters: { topicIds: [topic.id], kinds: ["denial"] }, sort: { by: "saidOn", dir: "asc" } },
    ];
    for (const c of cases) {
      const expected = search(db, { ...c, workspaceId: big.id, limit: 500 }).total;
      const seen: number[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = search(db, { ...c, workspaceId: big.id, limit: 97, cursor });
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor ?? undefined;
        pages++;
      } while (cursor && pages < 200);
      expect(new Set(seen).size, JSON.stringify(c)).toBe(seen.length);
      expect(seen.length, JSON.stringify(c)).toBe(expected);
    }
    expect(search(db, { workspaceId: big.id }).total).toBe(5000);
    expect(search(db, { workspaceId: big.id, filters: { q: "ceasefire" } }).total).toBe(715);
  });
});

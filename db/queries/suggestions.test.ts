import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { DB } from "../index";
import { seedDemoWorkspace } from "../seed";
import { auditEvents, links, speakers, statements, suggestionDismissals, topics } from "../schema";
import { ensureLocalUser } from "./users";
import { dismissSuggestion, ftsMatchesQuery, listSuggestionsForStatement, searchStatementsForLink } from "./suggestions";
import { throwawayDb } from "./test-db";
import { createLink, deleteLink } from "./links";
import { createLinkInput } from "@/lib/validation/link";

let db: DB;
let cleanup: () => void;
let ws: { id: number };
let actorId: number;
beforeEach(() => {
  ({ db, cleanup } = throwawayDb());
  ws = seedDemoWorkspace(db);
  actorId = ensureLocalUser(db).id;
});
afterEach(() => cleanup());

const idOf = (quoteStart: string, workspaceId = ws.id) =>
  db.select().from(statements).all().find((s) => s.quote.startsWith(quoteStart) && s.workspaceId === workspaceId)!.id;

describe("link suggestions from the database", () => {
  it("ranks Putin's own earlier statements on the topic first, with reasons, and skips linked ones", () => {
    const vladivostok = idOf("The talks, he said");
    const out = listSuggestionsForStatement(db, { workspaceId: ws.id, statementId: vladivostok });
    expect(out.length).toBeGreaterThanOrEqual(3);
    expect(out.length).toBeLessThanOrEqual(5);
    expect(out[0]).toMatchObject({ tier: "same_speaker_topic", statement: { speakerName: "Vladimir Putin" } });
    expect(out[0].reasons[0]).toBe("same speaker and topic: Preconditions for negotiations");
    expect(out.every((s) => s.statement.saidOn <= "2024-09-05" && s.id !== vladivostok)).toBe(true);

    // 2 Sep is already linked to June and August: neither is suggested for it.
    const kyzyl = idOf("Russia had never");
    const forKyzyl = listSuggestionsForStatement(db, { workspaceId: ws.id, statementId: kyzyl }).map((s) => s.id);
    expect(forKyzyl).not.toContain(idOf("Russia would cease"));
    expect(forKyzyl).not.toContain(idOf("What negotiations"));
    expect(forKyzyl).not.toContain(kyzyl);
  });

  it("finds similar wording through FTS5 even across speakers and topics", () => {
    const august = idOf("What negotiations");
    const septKyzyl = idOf("Russia had never");
    deleteLink(db, { workspaceId: ws.id, actorId, id: db.$client.prepare("select id from links where from_statement_id = ? and to_statement_id = ?").pluck().get(septKyzyl, august) as number });
    const out = listSuggestionsForStatement(db, { workspaceId: ws.id, statementId: septKyzyl });
    expect(out.find((s) => s.id === august)?.reasons.join(" ")).toMatch(/same speaker and topic/);
    expect(out.some((s) => s.reasons.some((r) => r.startsWith("similar wording")))).toBe(true);
  });

  it("remembers a dismissal, audits it once, and refuses foreign or self candidates", () => {
    const vladivostok = idOf("The talks, he said");
    const first = listSuggestionsForStatement(db, { workspaceId: ws.id, statementId: vladivostok })[0];
    dismissSuggestion(db, { workspaceId: ws.id, actorId, statementId: vladivostok, candidateId: first.id });
    dismissSuggestion(db, { workspaceId: ws.id, actorId, statementId: vladivostok, candidateId: first.id });
    expect(listSuggestionsForStatement(db, { workspaceId: ws.id, statementId: vladivostok }).map((s) => s.id)).not.toContain(first.id);
    expect(db.select().from(auditEvents).where(eq(auditEvents.entityId, `suggestion:${vladivostok}:${first.id}`)).all()).toHaveLength(1);

    const other = seedDemoWorkspace(db, { slug: "other-demo", name: "Other demo" });
    const foreign = idOf("The talks, he said", other.id);
    const before = db.select().from(suggestionDismissals).all().length;
    expect(() => dismissSuggestion(db, { workspaceId: ws.id, actorId, statementId: vladivostok, candidateId: foreign })).toThrow(expect.objectContaining({ field: "candidateId" }));
    expect(() => dismissSuggestion(db, { workspaceId: ws.id, actorId, statementId: vladivostok, candidateId: vladivostok })).toThrow(expect.objectContaining({ field: "candidateId" }));
    expect(() => dismissSuggestion(db, { workspaceId: other.id, actorId, statementId: vladivostok, candidateId: foreign })).toThrow(expect.objectContaining({ code: "not_found" }));
    expect(db.select().from(suggestionDismissals).all()).toHaveLength(before);
  });
});

describe("the FTS query behind suggestions and link search", () => {
  it("reads the FTS index once, then each match's statement by id (not one MATCH per statement)", () => {
    const plan = db.all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${ftsMatchesQuery(ws.id, '"kursk" OR "talks"', 50)}`).map((r) => r.detail);
    expect(plan[0]).toMatch(/^SCAN statement_search VIRTUAL TABLE/);
    expect(plan).toContainEqual(expect.stringMatching(/^SEARCH s USING INTEGER PRIMARY KEY \(rowid=\?\)/));
  });
});

describe("searching for a statement to link", () => {
  it("matches words as prefixes in quote, summary, speaker and topic names, within the workspace", () => {
    seedDemoWorkspace(db, { slug: "other-demo", name: "Other demo" });
    const kyzyl = idOf("Russia had never");
    const hits = searchStatementsForLink(db, { workspaceId: ws.id, q: "bandit kursk", excludeId: idOf("The talks, he said") });
    expect(hits.map((h) => h.id)).toEqual([kyzyl]);
    expect(hits[0]).toMatchObject({ speakerName: "Vladimir Putin", saidOn: "2024-09-02", linked: false });

    expect(searchStatementsForLink(db, { workspaceId: ws.id, q: "Podolyak", excludeId: kyzyl }).map((h) => h.speakerName)).toEqual(["Mykhailo Podolyak"]);
    const byTopic = searchStatementsForLink(db, { workspaceId: ws.id, q: "NATO", excludeId: kyzyl });
    expect(byTopic.map((h) => h.id)).toContain(idOf("Russia would cease"));
    expect(byTopic.find((h) => h.id === idOf("Russia would cease"))?.linked).toBe(true);
  });

  it("filters by speaker and topic, excludes the statement itself, and lists latest first without words", () => {
    const zelensky = db.select().from(speakers).where(eq(speakers.name, "Volodymyr Zelensky")).get()!.id;
    const nato = db.select().from(topics).where(eq(topics.name, "Ukraine and NATO")).get()!.id;
    const kyzyl = idOf("Russia had never");
    const all = searchStatementsForLink(db, { workspaceId: ws.id, q: "", excludeId: kyzyl });
    expect(all).toHaveLength(5);
    expect(all[0].saidOn).toBe("2024-09-05");
    expect(all.map((h) => h.id)).not.toContain(kyzyl);
    expect(searchStatementsForLink(db, { workspaceId: ws.id, q: "", speakerId: zelensky, excludeId: kyzyl }).map((h) => h.speakerName)).toEqual(["Volodymyr Zelensky"]);
    expect(searchStatementsForLink(db, { workspaceId: ws.id, q: "", topicId: nato, excludeId: kyzyl }).map((h) => h.id)).toEqual([idOf("Russia would cease")]);
    expect(searchStatementsForLink(db, { workspaceId: ws.id, q: "kursk", speakerId: zelensky, excludeId: kyzyl })).toEqual([]);
  });

  it("never lets typed FTS5 syntax through: quotes, stars, columns, operators", () => {
    const kyzyl = idOf("Russia had never");
    for (const q of ['"', '"bandits', "bandits*", "quote:bandits", "{note}: x", "NEAR(bandits kursk)", "bandits AND", "-bandits", "^bandits", "(((", "bandits OR NOT", "'; drop table statements; --"]) {
      expect(() => searchStatementsForLink(db, { workspaceId: ws.id, q, excludeId: kyzyl })).not.toThrow();
    }
    expect(searchStatementsForLink(db, { workspaceId: ws.id, q: '"bandits"', excludeId: idOf("The talks, he said") }).map((h) => h.id)).toEqual([kyzyl]);
    expect(db.select().from(statements).all().length).toBeGreaterThan(0);
  });

  it("does not search private notes", () => {
    const june = idOf("Russia would cease");
    db.update(statements).set({ note: "zanzibarquux secret" }).where(eq(statements.id, june)).run();
    expect(searchStatementsForLink(db, { workspaceId: ws.id, q: "zanzibarquux", excludeId: idOf("Russia had never") })).toEqual([]);
  });
});

// What the link actions rely on: the schema and the query refuse bad links, and nothing is written.
describe("bad links", () => {
  it("refuses self-links and unknown relations in the schema, duplicates and other workspaces in the query", () => {
    const [june, kyzyl] = [idOf("Russia would cease"), idOf("Russia had never")];
    expect(createLinkInput.safeParse({ fromId: june, toId: june, relation: "contradicts" }).error?.issues[0]).toMatchObject({ path: ["toId"], message: "A statement cannot be linked to itself." });
    expect(createLinkInput.safeParse({ fromId: june, toId: kyzyl, relation: "undermines" }).error?.issues[0].path).toEqual(["relation"]);
    const other = seedDemoWorkspace(db, { slug: "other-demo", name: "Other demo" });
    const before = { audit: db.select().from(auditEvents).all().length, links: db.select().from(links).all().length };
    expect(() => createLink(db, { workspaceId: ws.id, actorId, input: { fromId: june, toId: kyzyl, relation: "restates", rationale: "" } })).toThrow(expect.objectContaining({ code: "conflict", field: "toId" }));
    expect(() => createLink(db, { workspaceId: ws.id, actorId, input: { fromId: kyzyl, toId: idOf("Russia would cease", other.id), relation: "contradicts", rationale: "" } })).toThrow(expect.objectContaining({ code: "not_found", field: "toId" }));
    expect(db.select().from(auditEvents).all()).toHaveLength(before.audit);
    expect(db.select().from(links).all()).toHaveLength(before.links);
  });
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { openDatabase, type DB } from "../index";
import { seedDemoWorkspace } from "../seed";
import { auditEvents, flagReviews, speakers, statements, timelines, topics } from "../schema";
import { ensureLocalUser } from "./users";
import { createTimeline, getSharedTimelineByToken, getTimelineById, getTimelineView, listTimelinesByWorkspace, revokeShare, shareTimeline } from "./timelines";
import { DEFAULT_VIEW, withView } from "@/lib/timeline/view-state";
import { describeTimelineView } from "@/lib/timeline/describe";

let dir: string;
let db: DB;
let ws: { id: number };
let actorId: number;
let putin: number, zelensky: number, preconditions: number;
const quoteOf = (key: string) => db.select().from(statements).all().find((s) => s.quote.includes(key))!;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimline-timelines-"));
  db = openDatabase(path.join(dir, "test.db"));
  ws = seedDemoWorkspace(db);
  actorId = ensureLocalUser(db).id;
  const speakerId = (name: string) => db.select().from(speakers).where(eq(speakers.name, name)).get()!.id;
  putin = speakerId("Vladimir Putin");
  zelensky = speakerId("Volodymyr Zelensky");
  preconditions = db.select().from(topics).where(eq(topics.name, "Preconditions for negotiations")).get()!.id;
});
afterEach(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const putinView = () => withView(DEFAULT_VIEW, { speakers: [putin], topics: [preconditions] });

describe("getTimelineView", () => {
  it("shows Putin's four statements in said-on order with the flags between them", () => {
    const view = getTimelineView(db, { workspaceId: ws.id, filter: putinView() });
    expect(view.statements.map((s) => s.saidOn)).toEqual(["2024-06-14", "2024-08-12", "2024-09-02", "2024-09-05"]);
    expect(view.statements[0]).toMatchObject({ speakerName: "Vladimir Putin", publisher: "Claimline demo desk", saidOnPrecision: "day" });
    expect(view.statements[0].stances.map((s) => s.topicName)).toContain("Preconditions for negotiations");
    const aug = quoteOf("What negotiations").id;
    const kyzyl = quoteOf("never refused").id;
    expect(view.flags).toContainEqual(expect.objectContaining({ earlierId: aug, laterId: kyzyl, severity: "full_flop", rule: "linked" }));
    expect(view.flags).toContainEqual(expect.objectContaining({ laterId: kyzyl, severity: "half_flip", rule: "linked" }));
    expect(view.flags.every((f) => f.severity !== "dispute")).toBe(true);
    expect(view.flags.find((f) => f.rule === "stance_shift")?.rationale).toMatch(/^On “Preconditions for negotiations”, Vladimir Putin moved from/);
    expect(view.span).toEqual({ first: "2024-06-14", last: "2024-09-05" });
  });

  it("includes disputes when the other speakers are shown, and filters by kind and date overlap", () => {
    const all = getTimelineView(db, { workspaceId: ws.id, filter: DEFAULT_VIEW });
    expect(all.statements).toHaveLength(6);
    expect(all.flags.filter((f) => f.severity === "dispute")).toHaveLength(2);
    const denials = getTimelineView(db, { workspaceId: ws.id, filter: withView(DEFAULT_VIEW, { kinds: ["denial"] }) });
    expect(new Set(denials.statements.map((s) => s.kind))).toEqual(new Set(["denial"]));
    const sept = getTimelineView(db, { workspaceId: ws.id, filter: withView(DEFAULT_VIEW, { from: "2024-09", to: "2024-09" }) });
    expect(sept.statements.map((s) => s.saidOn)).toEqual(["2024-09-02", "2024-09-05"]);
    // A month-precision statement overlaps a range that starts inside its month.
    db.update(statements).set({ saidOn: "2024-08-01", saidOnPrecision: "month" }).where(eq(statements.id, quoteOf("What negotiations").id)).run();
    const lateAug = getTimelineView(db, { workspaceId: ws.id, filter: withView(DEFAULT_VIEW, { from: "2024-08-20", to: "2024-08-31" }) });
    expect(lateAug.statements.map((s) => s.saidOnPrecision)).toEqual(["month"]);
  });

  it("keeps only flagged statements, or only confirmed flags, when asked; dismissed flags never show", () => {
    const flagged = getTimelineView(db, { workspaceId: ws.id, filter: withView(DEFAULT_VIEW, { speakers: [zelensky, putin], flagged: true }) });
    expect(flagged.statements.every((s) => flagged.flags.some((f) => f.earlierId === s.id || f.laterId === s.id))).toBe(true);
    const base = getTimelineView(db, { workspaceId: ws.id, filter: putinView() });
    const [first, second] = base.flags;
    db.insert(flagReviews).values([
      { workspaceId: ws.id, flagKey: first.key, decision: "confirmed", verdict: null, createdBy: actorId },
      { workspaceId: ws.id, flagKey: second.key, decision: "dismissed", verdict: null, createdBy: actorId },
    ]).run();
    const reviewed = getTimelineView(db, { workspaceId: ws.id, filter: putinView() });
    expect(reviewed.flags.map((f) => f.key)).not.toContain(second.key);
    const confirmed = getTimelineView(db, { workspaceId: ws.id, filter: withView(putinView(), { confirmed: true }) });
    expect(confirmed.flags.map((f) => f.key)).toEqual([first.key]);
    expect(confirmed.statements.map((s) => s.id).sort()).toEqual([first.earlierId, first.laterId].sort());
  });
});

describe("saved and shared timelines", () => {
  it("reads the filter the demo seed stored, and saves new ones in the URL's shape", () => {
    const [seeded] = listTimelinesByWorkspace(db, { workspaceId: ws.id });
    expect(seeded.filter).toEqual({ speakers: [putin], topics: [preconditions] });
    const created = createTimeline(db, { workspaceId: ws.id, actorId, title: "Flags only", filter: withView(DEFAULT_VIEW, { flagged: true, selected: 3 }) });
    expect(getTimelineById(db, { workspaceId: ws.id, id: created.id }).filter).toEqual({ flagged: true });
    expect(() => getTimelineById(db, { workspaceId: ws.id + 1, id: created.id })).toThrow(/not found/);
  });

  it("shares with a 192-bit token, reuses it, audits share and revoke without the secret, and 404s after revoking", () => {
    const [seeded] = listTimelinesByWorkspace(db, { workspaceId: ws.id });
    const { token } = shareTimeline(db, { workspaceId: ws.id, actorId, id: seeded.id });
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(shareTimeline(db, { workspaceId: ws.id, actorId, id: seeded.id }).token).toBe(token);
    const shared = getSharedTimelineByToken(db, { token });
    expect(shared?.title).toBe(seeded.title);
    expect(describeTimelineView(shared!.view, shared!.names, shared!.data.span)).toBe("Vladimir Putin · Preconditions for negotiations · Jun–Sep 2024");
    revokeShare(db, { workspaceId: ws.id, actorId, id: seeded.id });
    expect(getSharedTimelineByToken(db, { token })).toBeNull();
    expect(getSharedTimelineByToken(db, { token: "nope" })).toBeNull();
    expect(getSharedTimelineByToken(db, { token: "x".repeat(32) })).toBeNull();
    const audit = db.select().from(auditEvents).where(eq(auditEvents.entityType, "timeline")).all();
    expect(audit.map((a) => a.action)).toEqual(["share", "revoke"]);
    expect(JSON.stringify(audit)).not.toContain(token);
    expect(db.select().from(timelines).where(eq(timelines.id, seeded.id)).get()?.shareToken).toBeNull();
  });

  it("a shared view never includes statements outside its filter, private notes or audit data", () => {
    const june = quoteOf("cease fire");
    const aug = quoteOf("What negotiations");
    db.update(statements).set({ note: "PRIVATE-NOTE-do-not-publish", notePrivate: true }).where(eq(statements.id, june.id)).run();
    db.update(statements).set({ note: "Public context for readers", notePrivate: false }).where(eq(statements.id, aug.id)).run();
    db.update(statements).set({ note: "PRIVATE-NOTE-zelensky", notePrivate: true }).where(eq(statements.speakerId, zelensky)).run();
    const [seeded] = listTimelinesByWorkspace(db, { workspaceId: ws.id });
    const { token } = shareTimeline(db, { workspaceId: ws.id, actorId, id: seeded.id });
    const shared = getSharedTimelineByToken(db, { token })!;
    const outside = db.select().from(statements).all().filter((s) => s.speakerId !== putin);
    expect(outside.length).toBeGreaterThan(0);
    const ids = new Set(shared.data.statements.map((s) => s.id));
    for (const s of outside) expect(ids.has(s.id)).toBe(false);
    for (const f of shared.data.flags) expect(ids.has(f.earlierId) && ids.has(f.laterId)).toBe(true);
    const everything = JSON.stringify(shared, (_k, v) => (v instanceof Map ? [...v] : v));
    expect(everything).not.toContain("PRIVATE-NOTE");
    for (const s of outside) expect(everything).not.toContain(s.quote);
    expect(everything).not.toMatch(/"(workspaceId|createdBy|note|notePrivate|actorId|before|after)"/);
    expect(shared.data.statements.find((s) => s.id === aug.id)?.publicNote).toBe("Public context for readers");
    expect(shared.data.statements.find((s) => s.id === june.id)?.publicNote).toBeNull();
  });
});

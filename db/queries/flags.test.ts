import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DB } from "../index";
import { seedDemoWorkspace } from "../seed";
import { auditEvents, flagReviews, speakers, statements, topics } from "../schema";
import { createWorkspace } from "./workspaces";
import { ensureLocalUser } from "./users";
import { listFlagsByStatement, listFlagsByWorkspace, reviewFlag, summarizeOpenFlags, undoFlagReview } from "./flags";
import { throwawayDb } from "./test-db";
import { reviewFlagInput } from "@/lib/validation/flag";

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

const idOf = (quoteStart: string) => db.select().from(statements).all().find((s) => s.quote.startsWith(quoteStart))!.id;

describe("flags of the demo workspace", () => {
  it("finds Putin's half flip June→2 Sep, the August→2 Sep flag and the dispute with Podolyak, in words", () => {
    const [june, august, kyzyl, podolyak] = [idOf("Russia would cease"), idOf("What negotiations"), idOf("Russia had never"), idOf("called the conditions")];
    const flags = listFlagsByWorkspace(db, { workspaceId: ws.id });

    const halfFlip = flags.find((f) => f.earlierId === june && f.laterId === kyzyl)!;
    expect(halfFlip).toMatchObject({ rule: "linked", severity: "half_flip", relation: "softens" });
    expect(halfFlip.earlier).toMatchObject({ speakerName: "Vladimir Putin", saidOn: "2024-06-14", articleTitle: expect.stringContaining("Swiss peace summit") });
    expect(halfFlip.title).toBe("Vladimir Putin, 2 Sep 2024, softens their own statement of 14 Jun 2024");

    expect(flags.find((f) => f.earlierId === august && f.laterId === kyzyl)).toMatchObject({ rule: "linked", severity: "full_flop" });
    expect(flags.find((f) => f.earlierId === june && f.laterId === podolyak)).toMatchObject({ rule: "dispute", severity: "dispute", title: "Mykhailo Podolyak, 14 Jun 2024, contradicts Vladimir Putin, 14 Jun 2024" });

    const shift = flags.find((f) => f.earlierId === june && f.laterId === august)!;
    expect(shift).toMatchObject({ rule: "stance_shift", status: "detected", topicName: "Preconditions for negotiations", anchor: `flag-stance_shift-${june}-${august}-${shift.topicId}` });
    expect(shift.rationale).toMatch(/^On “Preconditions for negotiations”, Vladimir Putin moved from conditional \(Ukraine withdraws .*\) \(14 Jun 2024\) to opposes \(12 Aug 2024\)\.$/);
    expect(shift.rationale).not.toMatch(/topic \d/);
  });

  it("filters by speaker, topic, rule and inbox tab", () => {
    const all = listFlagsByWorkspace(db, { workspaceId: ws.id });
    const podolyakId = db.select().from(speakers).where(eq(speakers.name, "Mykhailo Podolyak")).get()!.id;
    const nato = db.select().from(topics).where(eq(topics.name, "Ukraine and NATO")).get()!.id;
    expect(listFlagsByWorkspace(db, { workspaceId: ws.id, speakerId: podolyakId }).map((f) => f.rule)).toEqual(["dispute"]);
    expect(listFlagsByWorkspace(db, { workspaceId: ws.id, rule: "dispute" })).toHaveLength(2);
    expect(listFlagsByWorkspace(db, { workspaceId: ws.id, tab: "open" }).every((f) => f.status === "detected")).toBe(true);
    // Only the June statement is about NATO, so no pair is; every flag is about the preconditions.
    const preconditions = db.select().from(topics).where(eq(topics.name, "Preconditions for negotiations")).get()!.id;
    expect(listFlagsByWorkspace(db, { workspaceId: ws.id, topicId: nato })).toEqual([]);
    expect(listFlagsByWorkspace(db, { workspaceId: ws.id, topicId: preconditions })).toHaveLength(all.length);
    expect(listFlagsByStatement(db, { workspaceId: ws.id, statementId: idOf("called the conditions") })).toHaveLength(1);
  });

  it("a review persists, changes status and severity, is audited, and can be undone", () => {
    const detected = listFlagsByWorkspace(db, { workspaceId: ws.id, tab: "open" })[0];
    reviewFlag(db, { workspaceId: ws.id, actorId, flagKey: detected.key, decision: "confirmed", verdict: "full_flop", note: "Clear reversal" });
    const confirmed = listFlagsByWorkspace(db, { workspaceId: ws.id }).find((f) => f.key === detected.key)!;
    expect(confirmed).toMatchObject({ status: "confirmed", severity: "full_flop", review: { decision: "confirmed", verdict: "full_flop", note: "Clear reversal" } });

    reviewFlag(db, { workspaceId: ws.id, actorId, flagKey: detected.key, decision: "dismissed" });
    expect(db.select().from(flagReviews).all()).toHaveLength(1);
    expect(listFlagsByWorkspace(db, { workspaceId: ws.id, tab: "dismissed" }).map((f) => f.key)).toEqual([detected.key]);
    expect(summarizeOpenFlags(db, { workspaceId: ws.id }).count).toBe(listFlagsByWorkspace(db, { workspaceId: ws.id }).length - 1);

    undoFlagReview(db, { workspaceId: ws.id, actorId, flagKey: detected.key });
    expect(listFlagsByWorkspace(db, { workspaceId: ws.id }).find((f) => f.key === detected.key)?.status).toBe("detected");
    const audit = db.select().from(auditEvents).where(eq(auditEvents.entityType, "flag")).all();
    expect(audit.map((a) => [a.entityId, a.action])).toEqual([[detected.key, "review"], [detected.key, "review"], [detected.key, "delete"]]);
    expect(audit[1].before).toMatchObject({ decision: "confirmed" });
  });

  it("a 'no flip' confirmation hides a detected shift, and the review can still be changed", () => {
    const detected = listFlagsByWorkspace(db, { workspaceId: ws.id, tab: "open" })[0];
    reviewFlag(db, { workspaceId: ws.id, actorId, flagKey: detected.key, decision: "confirmed", verdict: "no_flip" });
    expect(listFlagsByWorkspace(db, { workspaceId: ws.id }).some((f) => f.key === detected.key)).toBe(false);
    reviewFlag(db, { workspaceId: ws.id, actorId, flagKey: detected.key, decision: "dismissed" });
    expect(listFlagsByWorkspace(db, { workspaceId: ws.id }).find((f) => f.key === detected.key)?.status).toBe("dismissed");
  });

  it("refuses unknown, malformed and foreign flag keys and bad verdicts, writing nothing", () => {
    const other = createWorkspace(db, { name: "Other", actorId });
    const dispute = listFlagsByWorkspace(db, { workspaceId: ws.id, rule: "dispute" })[0];
    const auditBefore = db.select().from(auditEvents).all().length;
    const attempts: [string, () => unknown][] = [
      ["flagKey", () => reviewFlag(db, { workspaceId: ws.id, actorId, flagKey: "linked:999999:1000000", decision: "dismissed" })],
      ["flagKey", () => reviewFlag(db, { workspaceId: ws.id, actorId, flagKey: "nonsense", decision: "dismissed" })],
      ["flagKey", () => reviewFlag(db, { workspaceId: other.id, actorId, flagKey: dispute.key, decision: "dismissed" })],
      ["verdict", () => reviewFlag(db, { workspaceId: ws.id, actorId, flagKey: dispute.key, decision: "confirmed", verdict: "full_flop" })],
      ["verdict", () => reviewFlag(db, { workspaceId: ws.id, actorId, flagKey: dispute.key, decision: "dismissed", verdict: "half_flip" })],
      ["flagKey", () => undoFlagReview(db, { workspaceId: ws.id, actorId, flagKey: dispute.key })],
    ];
    for (const [field, attempt] of attempts) expect(attempt).toThrow(expect.objectContaining({ field }));
    expect(db.select().from(flagReviews).all()).toHaveLength(0);
    expect(db.select().from(auditEvents).all()).toHaveLength(auditBefore);
  });

  it("the input schema names the field for bad decisions, verdicts and keys", () => {
    const bad = [
      { flagKey: "linked:1:2", decision: "maybe" },
      { flagKey: "linked:1:2", decision: "confirmed", verdict: "huge_flop" },
      { flagKey: "linked:1", decision: "dismissed" },
      { flagKey: "dispute:1:2", decision: "confirmed", verdict: "half_flip" },
    ];
    expect(bad.map((b) => reviewFlagInput.safeParse(b).error?.issues[0].path.join("."))).toEqual(["decision", "verdict", "flagKey", "verdict"]);
    expect(reviewFlagInput.parse({ flagKey: "linked:1:2", decision: "confirmed", verdict: "" }).verdict).toBeNull();
  });
});

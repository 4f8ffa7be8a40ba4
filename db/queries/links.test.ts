import { afterEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditEvents, links, statements } from "../schema";
import { cleanupTestDbs, demoDb } from "./test-db";
import { updateLink } from "./links";
import { listFlagsByWorkspace } from "./flags";
import { createWorkspace } from "./workspaces";
import { updateLinkInput } from "@/lib/validation/link";
import type { DB } from "../index";

afterEach(cleanupTestDbs);

/** The demo's link from Kyzyl (2 Sep) back to the June terms: softens, half flip. */
function kyzylToJune(db: DB) {
  const id = (words: string) => db.select().from(statements).all().find((s) => s.quote.includes(words))!.id;
  return db.select().from(links).where(and(eq(links.fromStatementId, id("bandits")), eq(links.toStatementId, id("Zaporizhzhia regions")))).get()!;
}

describe("editing a link", () => {
  it("changes its verdict and rationale, which the flag follows, and audits before and after", () => {
    const { db, ws, actorId } = demoDb();
    const link = kyzylToJune(db);
    const flag = () => listFlagsByWorkspace(db, { workspaceId: ws.id }).find((f) => f.key === `linked:${link.toStatementId}:${link.fromStatementId}`)!;
    expect(flag().severity).toBe("half_flip");

    const after = updateLink(db, { workspaceId: ws.id, actorId, id: link.id, input: updateLinkInput.parse({ verdict: "full_flop", rationale: "From four regions to Kursk alone." }) });
    expect(after).toMatchObject({ id: link.id, relation: "softens", verdict: "full_flop", rationale: "From four regions to Kursk alone." });
    expect(flag()).toMatchObject({ severity: "full_flop", rationale: "From four regions to Kursk alone." });
    const audit = db.select().from(auditEvents).where(and(eq(auditEvents.entityType, "link"), eq(auditEvents.action, "update"))).all();
    expect(audit).toHaveLength(1);
    expect(audit[0].before).toMatchObject({ verdict: "half_flip" });
    expect(audit[0].after).toMatchObject({ verdict: "full_flop" });

    // A null verdict clears it: the relation's default severity applies again.
    updateLink(db, { workspaceId: ws.id, actorId, id: link.id, input: updateLinkInput.parse({ verdict: null, relation: "contradicts" }) });
    expect(flag()).toMatchObject({ severity: "full_flop" });
    expect(kyzylToJune(db)).toMatchObject({ relation: "contradicts", verdict: null });
  });

  it("refuses an empty change, an unknown relation and a link of another workspace, writing nothing", () => {
    const { db, actorId } = demoDb();
    const link = kyzylToJune(db);
    expect(updateLinkInput.safeParse({}).error?.issues[0]).toMatchObject({ path: ["relation"], message: expect.stringMatching(/what to change/) });
    expect(updateLinkInput.safeParse({ relation: "agrees" }).error?.issues[0].path).toEqual(["relation"]);
    expect(updateLinkInput.safeParse({ verdict: "half_flip", extra: 1 }).success).toBe(false);
    const other = createWorkspace(db, { name: "Elsewhere", actorId });
    const auditBefore = db.select().from(auditEvents).all().length;
    expect(() => updateLink(db, { workspaceId: other.id, actorId, id: link.id, input: { verdict: "full_flop" } }))
      .toThrow(expect.objectContaining({ code: "not_found", field: "id" }));
    expect(kyzylToJune(db)).toEqual(link);
    expect(db.select().from(auditEvents).all()).toHaveLength(auditBefore);
  });
});

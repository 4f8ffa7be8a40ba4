import { describe, expect, it } from "vitest";
import { type GetCtx, taggedWorkspace } from "./context";

export function linkAndFlagSuite(get: GetCtx) {
  describe("links", () => {
    it("links later → earlier (swapping a reversed pair), lists and deletes", async () => {
      const { api } = get();
      const { slug, june, august } = await taggedWorkspace(get());
      const link = await api("POST", `/api/v1/workspaces/${slug}/links`, { body: { fromId: june, toId: august, relation: "reverses", rationale: "Rules out June's talks" } });
      expect(link.status).toBe(201);
      expect(link.body).toMatchObject({ fromStatementId: august, toStatementId: june, relation: "reverses", verdict: null });
      expect((await api("GET", `/api/v1/workspaces/${slug}/links`)).body.items.map((l: { id: number }) => l.id)).toEqual([link.body.id]);
      // A revised verdict is a PATCH; the pair stays, and the flag follows.
      const revised = await api("PATCH", `/api/v1/links/${link.body.id}`, { body: { verdict: "half_flip", rationale: "Talks, but later" } });
      expect(revised.status).toBe(200);
      expect(revised.body).toMatchObject({ id: link.body.id, fromStatementId: august, toStatementId: june, relation: "reverses", verdict: "half_flip", rationale: "Talks, but later" });
      const flags = (await api("GET", `/api/v1/workspaces/${slug}/flags?kind=linked`)).body.items;
      expect(flags).toEqual([expect.objectContaining({ id: `linked:${june}:${august}`, severity: "half_flip" })]);
      expect((await api("PATCH", `/api/v1/links/${link.body.id}`, { body: {} })).body.error).toMatchObject({ field: "relation" });
      expect((await api("PATCH", `/api/v1/links/${link.body.id}`, { body: { verdict: "flop" } })).body.error).toMatchObject({ field: "verdict" });
      expect((await api("PATCH", "/api/v1/links/999999", { body: { verdict: null } })).status).toBe(404);
      const removed = await api("DELETE", `/api/v1/links/${link.body.id}`);
      expect(removed.status).toBe(204);
      expect(removed.text).toBe("");
      expect((await api("GET", `/api/v1/workspaces/${slug}/links`)).body.items).toEqual([]);
    });

    it("refuses self-links, duplicates, statements of another workspace and unknown links", async () => {
      const { api } = get();
      const { slug, june, august } = await taggedWorkspace(get());
      const self = await api("POST", `/api/v1/workspaces/${slug}/links`, { body: { fromId: june, toId: june, relation: "restates" } });
      expect(self.body.error).toMatchObject({ code: "invalid", field: "toId" });
      await api("POST", `/api/v1/workspaces/${slug}/links`, { body: { fromId: august, toId: june, relation: "reverses" } });
      expect((await api("POST", `/api/v1/workspaces/${slug}/links`, { body: { fromId: june, toId: august, relation: "softens" } })).status).toBe(409);
      const other = await taggedWorkspace(get());
      expect((await api("POST", `/api/v1/workspaces/${other.slug}/links`, { body: { fromId: august, toId: other.june, relation: "reverses" } })).status).toBe(404);
      expect((await api("POST", `/api/v1/workspaces/${slug}/links`, { body: { fromId: august, toId: june, relation: "flips" } })).status).toBe(422);
      expect((await api("DELETE", "/api/v1/links/999999")).status).toBe(404);
      expect((await api("GET", "/api/v1/workspaces/nope/links")).status).toBe(404);
    });
  });

  describe("flags", () => {
    it("lists linked flips with stable ids, filters them, and records reviews", async () => {
      const { api } = get();
      const { slug, june, august, september } = await taggedWorkspace(get());
      await api("POST", `/api/v1/workspaces/${slug}/links`, { body: { fromId: august, toId: june, relation: "reverses" } });
      const all = await api("GET", `/api/v1/workspaces/${slug}/flags`);
      const ids = all.body.items.map((f: { id: string }) => f.id);
      expect(ids).toContain(`linked:${june}:${august}`);
      const shift = all.body.items.find((f: { rule: string; earlierId: number }) => f.rule === "stance_shift" && f.earlierId === august);
      expect(shift).toMatchObject({ id: `stance_shift:${august}:${september}:${shift.topicId}`, laterId: september, status: "detected" });
      expect((await api("GET", `/api/v1/workspaces/${slug}/flags?kind=linked`)).body.items).toHaveLength(1);
      expect((await api("GET", `/api/v1/workspaces/${slug}/flags?kind=dispute`)).body.items).toEqual([]);
      const linked = all.body.items.find((f: { id: string }) => f.id === `linked:${june}:${august}`);
      expect(linked).toMatchObject({ earlier: { id: june, speakerName: "Vladimir Putin" }, later: { id: august }, review: null, title: expect.stringContaining("reverses") });
      expect((await api("GET", `/api/v1/workspaces/${slug}/flags?tab=open`)).body.items.map((f: { id: string }) => f.id)).toEqual([shift.id]);
      const reviewed = await api("POST", `/api/v1/flags/linked:${june}:${august}/review`, { body: { decision: "confirm", verdict: "half_flip" } });
      expect(reviewed.body).toMatchObject({
        decision: "confirmed", verdict: "half_flip",
        flag: { id: `linked:${june}:${august}`, status: "confirmed", severity: "half_flip", review: { decision: "confirmed", verdict: "half_flip" } },
      });
      await api("POST", `/api/v1/flags/linked:${june}:${august}/review`, { body: { decision: "dismiss" } });
      const open = await api("GET", `/api/v1/workspaces/${slug}/flags?status=open&kind=linked`);
      expect(open.body.items).toEqual([]);
      expect((await api("GET", `/api/v1/workspaces/${slug}/flags?status=dismissed`)).body.items.map((f: { id: string }) => f.id)).toEqual([`linked:${june}:${august}`]);
      const undone = await api("DELETE", `/api/v1/flags/linked:${june}:${august}/review`);
      expect(undone.status).toBe(204);
      const back = await api("GET", `/api/v1/workspaces/${slug}/flags?kind=linked`);
      expect(back.body.items).toMatchObject([{ id: `linked:${june}:${august}`, status: "linked", review: null }]);
    });

    it("refuses unknown flags, bad decisions and unknown filters", async () => {
      const { api } = get();
      const { slug, june, august } = await taggedWorkspace(get());
      expect((await api("POST", `/api/v1/flags/linked:${june}:${august}/review`, { body: { decision: "confirm" } })).status).toBe(404);
      expect((await api("POST", "/api/v1/flags/not-a-key/review", { body: { decision: "confirm" } })).status).toBe(404);
      expect((await api("POST", `/api/v1/flags/linked:${june}:${august}/review`, { body: { decision: "maybe" } })).status).toBe(422);
      expect((await api("GET", `/api/v1/workspaces/${slug}/flags?status=urgent`)).status).toBe(422);
      expect((await api("GET", `/api/v1/workspaces/${slug}/flags?tab=later`)).status).toBe(422);
      expect((await api("GET", "/api/v1/workspaces/nope/flags")).status).toBe(404);
      await api("POST", `/api/v1/workspaces/${slug}/links`, { body: { fromId: august, toId: june, relation: "contradicts" } });
      // The flags module's own rule: a dismissed flag takes no verdict.
      const shiftKey = (await api("GET", `/api/v1/workspaces/${slug}/flags?kind=stance_shift`)).body.items[0].id;
      expect((await api("POST", `/api/v1/flags/${shiftKey}/review`, { body: { decision: "dismiss", verdict: "full_flop" } })).body.error).toMatchObject({ code: "invalid", field: "verdict" });
      const undoUnreviewed = await api("DELETE", `/api/v1/flags/linked:${june}:${august}/review`);
      expect(undoUnreviewed.status).toBe(404);
      expect(undoUnreviewed.body.error.field).toBe("id");
      expect((await api("DELETE", "/api/v1/flags/not-a-key/review")).status).toBe(404);
    });
  });

  describe("link suggestions", () => {
    it("ranks earlier statements with reasons, leaving out linked ones", async () => {
      const { api } = get();
      const { slug, june, august, september } = await taggedWorkspace(get());
      const before = await api("GET", `/api/v1/workspaces/${slug}/suggestions?statement=${september}`);
      expect(before.status, before.text).toBe(200);
      expect(before.body.items.map((s: { id: number }) => s.id)).toEqual([august, june]);
      expect(before.body.items[0]).toMatchObject({ tier: "same_speaker_topic", reasons: expect.arrayContaining([expect.any(String)]), statement: { id: august, speakerName: "Vladimir Putin" } });
      await api("POST", `/api/v1/workspaces/${slug}/links`, { body: { fromId: september, toId: august, relation: "contradicts" } });
      const after = await api("GET", `/api/v1/workspaces/${slug}/suggestions?statement=${september}&limit=1`);
      expect(after.body.items.map((s: { id: number }) => s.id)).toEqual([june]);
      expect((await api("GET", `/api/v1/workspaces/${slug}/suggestions?statement=${june}`)).body.items).toEqual([]);
    });

    it("refuses a missing or foreign statement and unknown workspaces", async () => {
      const { api } = get();
      const { slug } = await taggedWorkspace(get());
      const other = await taggedWorkspace(get());
      expect((await api("GET", `/api/v1/workspaces/${slug}/suggestions`)).body.error).toMatchObject({ code: "bad_request", field: "statement" });
      const foreign = await api("GET", `/api/v1/workspaces/${slug}/suggestions?statement=${other.june}`);
      expect(foreign.status).toBe(404);
      expect(foreign.body.error.field).toBe("statement");
      expect((await api("GET", `/api/v1/workspaces/${slug}/suggestions?statement=${other.june}&limit=50`)).status).toBe(422);
      expect((await api("GET", `/api/v1/workspaces/nope/suggestions?statement=${other.june}`)).status).toBe(404);
    });
  });
}

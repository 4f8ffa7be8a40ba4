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
      const reviewed = await api("POST", `/api/v1/flags/linked:${june}:${august}/review`, { body: { decision: "confirm", verdict: "half_flip" } });
      expect(reviewed.body).toMatchObject({ decision: "confirmed", verdict: "half_flip", flag: { id: `linked:${june}:${august}`, status: "confirmed", severity: "half_flip" } });
      await api("POST", `/api/v1/flags/linked:${june}:${august}/review`, { body: { decision: "dismiss" } });
      const open = await api("GET", `/api/v1/workspaces/${slug}/flags?status=open&kind=linked`);
      expect(open.body.items).toEqual([]);
      expect((await api("GET", `/api/v1/workspaces/${slug}/flags?status=dismissed`)).body.items.map((f: { id: string }) => f.id)).toEqual([`linked:${june}:${august}`]);
    });

    it("refuses unknown flags, bad decisions and unknown filters", async () => {
      const { api } = get();
      const { slug, june, august } = await taggedWorkspace(get());
      expect((await api("POST", `/api/v1/flags/linked:${june}:${august}/review`, { body: { decision: "confirm" } })).status).toBe(404);
      expect((await api("POST", "/api/v1/flags/not-a-key/review", { body: { decision: "confirm" } })).status).toBe(404);
      expect((await api("POST", `/api/v1/flags/linked:${june}:${august}/review`, { body: { decision: "maybe" } })).status).toBe(422);
      expect((await api("GET", `/api/v1/workspaces/${slug}/flags?status=urgent`)).status).toBe(422);
      expect((await api("GET", "/api/v1/workspaces/nope/flags")).status).toBe(404);
    });
  });
}

import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db";
import { listAuditEventsByEntity } from "@/db/queries/audit";
import { type GetCtx, uniqueName, workspaceWithArticle } from "./context";

export function workspaceSuite(get: GetCtx) {
  describe("workspaces", () => {
    it("creates, lists, reads and renames a workspace, auditing the writes", async () => {
      const { api, server } = get();
      const name = uniqueName("Negotiation preconditions");
      const created = await api("POST", "/api/v1/workspaces", { body: { name, description: "  trimmed  " } });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ name, description: "trimmed" });
      expect(created.body).not.toHaveProperty("createdBy");
      const listed = await api("GET", "/api/v1/workspaces?limit=200");
      expect(listed.body.items.map((w: { slug: string }) => w.slug)).toContain(created.body.slug);
      const read = await api("GET", `/api/v1/workspaces/${created.body.slug}`);
      expect(read.body.counts).toEqual({ articles: 0, statements: 0, speakers: 0, topics: 0, links: 0 });
      const renamed = await api("PATCH", `/api/v1/workspaces/${created.body.slug}`, { body: { name: "Renamed" } });
      expect(renamed.body.name).toBe("Renamed");
      const db = openDatabase(server.databasePath, { migrations: false });
      const audit = listAuditEventsByEntity(db, { workspaceId: created.body.id, entityType: "workspace", entityId: created.body.id });
      db.$client.close();
      expect(audit.map((e) => e.action)).toEqual(["update", "create"]);
    });

    it("pages with an opaque cursor", async () => {
      const { api } = get();
      await api("POST", "/api/v1/workspaces", { body: { name: uniqueName("Paging a") } });
      await api("POST", "/api/v1/workspaces", { body: { name: uniqueName("Paging b") } });
      const first = await api("GET", "/api/v1/workspaces?limit=1");
      expect(first.body.items).toHaveLength(1);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await api("GET", `/api/v1/workspaces?limit=1&cursor=${first.body.nextCursor}`);
      expect(second.body.items[0].slug).not.toBe(first.body.items[0].slug);
      const bad = await api("GET", "/api/v1/workspaces?cursor=nonsense");
      expect(bad.status).toBe(400);
      expect(bad.body.error.field).toBe("cursor");
    });

    it("refuses a nameless workspace, unknown fields, an unknown slug and a bad limit", async () => {
      const { api } = get();
      const nameless = await api("POST", "/api/v1/workspaces", { body: { name: "   " } });
      expect(nameless.status).toBe(422);
      expect(nameless.body.error).toMatchObject({ code: "invalid", field: "name" });
      const unknown = await api("POST", "/api/v1/workspaces", { body: { name: "x", owner: "me" } });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error).toEqual({ code: "bad_request", message: "Unknown field: owner.", field: "owner" });
      expect((await api("GET", "/api/v1/workspaces/no-such-workspace")).status).toBe(404);
      expect((await api("PATCH", "/api/v1/workspaces/no-such-workspace", { body: { name: "x" } })).status).toBe(404);
      const patchBad = await api("PATCH", `/api/v1/workspaces/${(await workspaceWithArticle(get())).slug}`, { body: { name: 5 } });
      expect(patchBad.status).toBe(400);
      expect((await api("GET", "/api/v1/workspaces?limit=0")).status).toBe(422);
      expect((await api("GET", "/api/v1/workspaces?sort=name")).status).toBe(400);
    });
  });
}

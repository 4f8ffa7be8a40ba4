import { describe, expect, it } from "vitest";
import { type GetCtx, taggedWorkspace } from "./context";

/** A CSV body as rows of cells (the files here have no quoted line breaks). */
const csvRows = (text: string) => text.trim().split("\r\n").map((line) => line.split(","));

export function timelineSuite(get: GetCtx) {
  describe("timelines", () => {
    it("saves a timeline from a filter, lists it, and reads its statements in order with their flags", async () => {
      const { api } = get();
      const { slug, june, august, september } = await taggedWorkspace(get());
      const speakerId = (await api("GET", `/api/v1/statements/${june}`)).body.speakerId;
      await api("POST", `/api/v1/workspaces/${slug}/links`, { body: { fromId: august, toId: june, relation: "reverses", verdict: "full_flop" } });
      const created = await api("POST", `/api/v1/workspaces/${slug}/timelines`, {
        body: { title: "Putin, June to August", description: "Before the Kursk answer.", filter: { speakers: [speakerId], from: "2024-06", to: "2024-08" } },
      });
      expect(created.status, created.text).toBe(201);
      expect(created.body).toMatchObject({
        title: "Putin, June to August", description: "Before the Kursk answer.", share: null,
        filter: { speakers: [speakerId], topics: [], kinds: [], from: "2024-06", to: "2024-08", flagged: false, confirmed: false, scale: null, order: "asc" },
      });
      const listed = await api("GET", `/api/v1/workspaces/${slug}/timelines`);
      expect(listed.body.items.map((t: { id: number }) => t.id)).toEqual([created.body.id]);
      const read = await api("GET", `/api/v1/timelines/${created.body.id}`);
      expect(read.body.statements.map((s: { id: number }) => s.id)).toEqual([june, august]);
      expect(read.body.statements.map((s: { id: number }) => s.id)).not.toContain(september);
      expect(read.body.flags).toMatchObject([{ id: `linked:${june}:${august}`, rule: "linked", severity: "full_flop" }]);
      expect(read.body.span).toEqual({ first: "2024-06-14", last: "2024-08-12" });
      const everything = await api("POST", `/api/v1/workspaces/${slug}/timelines`, { body: { title: "All of it" } });
      expect((await api("GET", `/api/v1/timelines/${everything.body.id}`)).body.statements).toHaveLength(3);
    });

    it("shares with a token and url, serves the same CSV as the shared page, and revokes", async () => {
      const { api, server } = get();
      const { slug, august, september } = await taggedWorkspace(get());
      await api("POST", `/api/v1/workspaces/${slug}/links`, { body: { fromId: september, toId: august, relation: "contradicts" } });
      const timeline = (await api("POST", `/api/v1/workspaces/${slug}/timelines`, { body: { title: "Talks, summer 2024", filter: { from: "2024" } } })).body;
      const shared = await api("POST", `/api/v1/timelines/${timeline.id}/share`);
      expect(shared.status).toBe(200);
      expect(shared.body.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(shared.body.url).toBe(`${server.url}/s/${shared.body.token}`);
      expect((await api("POST", `/api/v1/timelines/${timeline.id}/share`)).body.token).toBe(shared.body.token);
      expect((await api("GET", `/api/v1/timelines/${timeline.id}`)).body.share).toMatchObject({ token: shared.body.token, url: shared.body.url });
      expect((await fetch(shared.body.url)).status).toBe(200);

      const csv = await fetch(`${server.url}/api/v1/timelines/${timeline.id}/export.csv`);
      expect(csv.status).toBe(200);
      expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
      expect(csv.headers.get("content-disposition")).toBe('attachment; filename="talks-summer-2024.csv"');
      const bytes = new Uint8Array(await csv.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes); // drops the BOM
      const rows = csvRows(text);
      expect(rows[0].slice(0, 4)).toEqual(["said_on", "said_on_precision", "speaker", "kind"]);
      expect(rows.slice(1).map((r) => r[0])).toEqual(["2024-06-14", "2024-08-12", "2024-09-02"]);
      expect(text).toContain("Full flop with Vladimir Putin, 2024-08-12");
      const publicCsv = await fetch(`${shared.body.url}/timeline.csv`);
      expect(new TextDecoder().decode(new Uint8Array(await publicCsv.arrayBuffer()))).toBe(text);

      const revoked = await api("DELETE", `/api/v1/timelines/${timeline.id}/share`);
      expect(revoked.status).toBe(204);
      expect((await fetch(shared.body.url)).status).toBe(404);
      expect((await api("GET", `/api/v1/timelines/${timeline.id}`)).body.share).toBeNull();
      // The API's download does not depend on a public link.
      expect((await fetch(`${server.url}/api/v1/timelines/${timeline.id}/export.csv`)).status).toBe(200);
    });

    it("refuses foreign speaker ids, unknown filter fields, bad dates, reversed ranges and a missing title, saving nothing", async () => {
      const { api } = get();
      const { slug } = await taggedWorkspace(get());
      const other = await taggedWorkspace(get());
      const foreignSpeaker = (await api("GET", `/api/v1/statements/${other.june}`)).body.speakerId;
      const create = (body: unknown) => api("POST", `/api/v1/workspaces/${slug}/timelines`, { body });
      expect((await create({ title: "x", filter: { speakers: [foreignSpeaker] } })).body.error).toMatchObject({ code: "invalid", field: "filter.speakers" });
      expect((await create({ title: "x", filter: { topics: [999999] } })).body.error).toMatchObject({ code: "invalid", field: "filter.topics" });
      expect((await create({ title: "x", filter: { speaker: [1] } })).body.error).toMatchObject({ code: "bad_request", message: "Unknown field: speaker." });
      expect((await create({ title: "x", filter: { from: "2024-13" } })).body.error).toMatchObject({ code: "invalid", field: "filter.from" });
      expect((await create({ title: "x", filter: { from: "2024-09", to: "2024-06" } })).body.error).toMatchObject({ code: "invalid", field: "filter.to" });
      expect((await create({ title: "x", filter: { kinds: ["rumour"] } })).status).toBe(422);
      expect((await create({ title: " " })).body.error).toMatchObject({ code: "invalid", field: "title" });
      expect((await api("GET", `/api/v1/workspaces/${slug}/timelines`)).body.items).toEqual([]);
      expect((await api("GET", "/api/v1/workspaces/nope/timelines")).status).toBe(404);
    });

    it("answers 404 for unknown timelines on every timeline route", async () => {
      const { api } = get();
      expect((await api("GET", "/api/v1/timelines/999999")).status).toBe(404);
      expect((await api("POST", "/api/v1/timelines/999999/share")).status).toBe(404);
      expect((await api("DELETE", "/api/v1/timelines/999999/share")).status).toBe(404);
      const csv = await api("GET", "/api/v1/timelines/999999/export.csv");
      expect(csv.status).toBe(404);
      expect(csv.body.error.code).toBe("not_found");
      expect((await api("GET", "/api/v1/timelines/abc/export.csv")).status).toBe(404);
    });
  });
}

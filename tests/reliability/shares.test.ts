import { afterAll, beforeAll, expect, it } from "vitest";
import { openDatabase, type DB } from "@/db";
import { ensureLocalUser } from "@/db/queries/users";
import { createTimeline, revokeShare, shareTimeline } from "@/db/queries/timelines";
import { DEFAULT_VIEW } from "@/lib/timeline/view-state";
import { client } from "../support/http";
import { startServer, type TestServer } from "../support/server";

// Privacy of share links against the production server: tokens carry at
// least 128 random bits, a revoked token is dead at once on every route, and
// the shared page, its RSC payload, its embed and its CSV hold only the
// timeline's statements and never a private note.

let server: TestServer;
let db: DB;
let workspaceId = 0;
let timelineId = 0;
let token = "";
const MARK = { privateNote: "PRIVNOTE7f3a", publicNote: "PUBNOTE19c2", outsideQuote: "OUTSIDEQ88d1", outsideSummary: "OUTSIDES51e0", unquoted: "UNQUOTED42b7", privateSpeaker: "PRIVNOTE2e9d" };

beforeAll(async () => {
  server = await startServer();
  const api = client(server.url);
  const ws = await api("POST", "/api/v1/workspaces", { body: { name: "Share privacy", description: "Internal: do not publish" } });
  const text = [
    "Alice said the talks start in June. Alice said the talks are off.",
    `Bob said ${MARK.outsideQuote} about something else entirely.`,
    `A paragraph nobody tagged: ${MARK.unquoted}.`,
  ].join("\n\n");
  const article = await api("POST", `/api/v1/workspaces/${ws.body.slug}/articles`, { body: { text, title: "Two speakers" } });
  const tag = async (quote: string, speaker: string, saidOn: string, extra: Record<string, unknown>) => {
    const res = await api("POST", `/api/v1/workspaces/${ws.body.slug}/statements`, { body: { articleId: article.body.id, quote, speaker, saidOn, topics: [{ topic: speaker === "Alice" ? "Talks" : "Other", stance: "supports" }], ...extra } });
    expect(res.status, res.text).toBe(201);
    return res.body;
  };
  const alice1 = await tag("the talks start in June", "Alice", "2024-06-01", { note: MARK.privateNote, notePrivate: true });
  await tag("the talks are off", "Alice", "2024-08-01", { note: MARK.publicNote, notePrivate: false });
  await tag(MARK.outsideQuote, "Bob", "2024-07-01", { summary: MARK.outsideSummary, note: MARK.privateSpeaker, notePrivate: false });
  workspaceId = ws.body.id;
  db = openDatabase(server.databasePath, { migrations: false });
  const actorId = ensureLocalUser(db).id;
  const timeline = createTimeline(db, { workspaceId, actorId, title: "Alice on talks", filter: { ...DEFAULT_VIEW, speakers: [alice1.speakerId] } });
  timelineId = timeline.id;
  token = shareTimeline(db, { workspaceId, actorId, id: timelineId }).token;
}, 600_000);

afterAll(async () => {
  db?.$client.close();
  await server?.stop();
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers });

it("gives tokens of at least 128 random bits, all different", () => {
  const actorId = ensureLocalUser(db).id;
  const tokens = new Set<string>([token]);
  for (let i = 0; i < 40; i++) {
    const t = createTimeline(db, { workspaceId, actorId, title: `T${i}`, filter: DEFAULT_VIEW });
    tokens.add(shareTimeline(db, { workspaceId, actorId, id: t.id }).token);
  }
  expect(tokens.size).toBe(41);
  for (const t of tokens) {
    expect(t).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(t, "base64url").length * 8).toBeGreaterThanOrEqual(128);
  }
  // No two tokens share a long prefix (they are not counters or timestamps).
  const prefixes = new Set([...tokens].map((t) => t.slice(0, 6)));
  expect(prefixes.size).toBe(41);
});

it("shows only the timeline's statements and never a private note: page, RSC payload, embed, CSV", async () => {
  const bodies: Record<string, string> = {};
  for (const path of [`/s/${token}`, `/s/${token}/embed`, `/s/${token}/timeline.csv`]) {
    const res = await get(path);
    expect(res.status, path).toBe(200);
    bodies[path] = await res.text();
    const rsc = await get(path, { RSC: "1" });
    if (rsc.status === 200) bodies[`${path} (RSC)`] = await rsc.text();
  }
  expect(Object.keys(bodies).length).toBeGreaterThanOrEqual(4);
  for (const [path, body] of Object.entries(bodies)) {
    expect(body, path).toContain("the talks start in June");
    for (const mark of [MARK.privateNote, MARK.outsideQuote, MARK.outsideSummary, MARK.unquoted, MARK.privateSpeaker, "Internal: do not publish"]) {
      expect(body.includes(mark), `${path} leaks ${mark}`).toBe(false);
    }
  }
  // Public notes are shown, so the absence of the private one is the filter at work, not notes missing altogether.
  expect(bodies[`/s/${token}`]).toContain(MARK.publicNote);
  // The preview image renders for a live token.
  const html = bodies[`/s/${token}`];
  const image = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
  expect(image).toBeTruthy();
  const png = await get(new URL(image!.replaceAll("&amp;", "&")).pathname + new URL(image!.replaceAll("&amp;", "&")).search);
  expect(png.status).toBe(200);
  expect(png.headers.get("content-type")).toBe("image/png");
});

it("kills a revoked token at once on every route, and near-miss tokens find nothing", async () => {
  const html = await (await get(`/s/${token}`)).text();
  const image = new URL(/<meta property="og:image" content="([^"]+)"/.exec(html)![1].replaceAll("&amp;", "&"));
  const near = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
  for (const path of [`/s/${near}`, `/s/${near}/timeline.csv`, `/s/${token.toUpperCase()}`]) expect((await get(path)).status, path).toBe(404);
  revokeShare(db, { workspaceId, actorId: ensureLocalUser(db).id, id: timelineId });
  for (const path of [`/s/${token}`, `/s/${token}/embed`, `/s/${token}/timeline.csv`, image.pathname + image.search]) {
    const res = await get(path);
    expect(res.status, path).toBe(404);
    expect(await res.text(), path).not.toContain("the talks start in June");
  }
});

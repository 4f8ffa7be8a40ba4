import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { client } from "../support/http";
import { startServer, type TestServer } from "../support/server";
import { DbWatch } from "./support/db-watch";
import { corpusRequests, newScore, operationsOf, requestArbitrary, send, type Fixtures, type Operation } from "./support/fuzz-api";

// Bad input at every route of the HTTP API, enumerated from the server's own
// OpenAPI document: the hostile corpus in every body field, path parameter
// and query, raw bodies no encoder would write, then fast-check's random
// mixtures. No answer may be a 5xx, the server must stay up, every refusal
// must be the one error shape, and a refused request must change nothing.

const STRESS = process.env.STRESS === "1";
const RANDOM_RUNS = STRESS ? 400 : 25;

let server: TestServer;
let watch: DbWatch;
let ops: Operation[];
let fixtures: Fixtures;
const score = newScore();

beforeAll(async () => {
  server = await startServer();
  const api = client(server.url);
  ops = operationsOf((await api("GET", "/api/v1/openapi.json")).body);
  const ws = await api("POST", "/api/v1/workspaces", { body: { name: "Fuzz target" } });
  const example = ops.find((o) => o.method === "POST" && o.path.endsWith("/articles"))!.example!;
  const article = await api("POST", `/api/v1/workspaces/${ws.body.slug}/articles`, { body: { ...example, text: `${example.text} Putin said Ukraine must withdraw its troops from the four regions.` } });
  const tag = async (quote: string, saidOn: string) => (await api("POST", `/api/v1/workspaces/${ws.body.slug}/statements`, {
    body: { articleId: article.body.id, quote, prefix: "", speaker: "Vladimir Putin", saidOn, topics: [{ topic: "Talks", stance: "conditional", condition: "withdrawal" }] },
  })).body.id as number;
  const early = await tag("Kyiv must drop its NATO plans", "2024-06-14");
  const late = await tag("He added that Kyiv", "2024-08-12");
  const link = await api("POST", `/api/v1/workspaces/${ws.body.slug}/links`, { body: { fromId: late, toId: early, relation: "reverses" } });
  fixtures = { slug: ws.body.slug, articleId: article.body.id, statementIds: [early, late], linkId: link.body.id };
  expect(Object.values(fixtures).flat().every(Boolean)).toBe(true);
  watch = new DbWatch(server.databasePath);
}, 600_000);

afterAll(async () => {
  watch?.close();
  await server?.stop();
  console.log(`[bad-input/api] routes=${ops?.length} requests=${score.sent} 5xx=${score.fiveHundreds.length} refused-but-changed=${score.changedOnRefusal.length} statuses=${JSON.stringify(score.byStatus)}`);
});

it("enumerates every route from the OpenAPI document", () => {
  expect(ops.length).toBeGreaterThanOrEqual(20);
  expect(ops.filter((o) => o.example !== null).length).toBeGreaterThanOrEqual(8);
});

it("answers the hostile corpus at every route without a 5xx, in the one error shape, changing nothing when refusing", async () => {
  for (const op of ops) {
    for (const req of corpusRequests(op, fixtures, { full: STRESS })) await send(server.url, watch, req, score);
  }
  expect(score.fiveHundreds).toEqual([]);
  expect(score.changedOnRefusal).toEqual([]);
  expect(score.badErrorShape).toEqual([]);
  expect(server.alive()).toBe(true);
}, 600_000);

it("answers random malformed requests (fast-check) at every route the same way", async () => {
  for (const op of ops) {
    await fc.assert(fc.asyncProperty(requestArbitrary(op, fixtures), async (req) => {
      const before = { fiveHundreds: score.fiveHundreds.length, changedOnRefusal: score.changedOnRefusal.length, badErrorShape: score.badErrorShape.length };
      await send(server.url, watch, req, score);
      // Name what went wrong, so a failure in CI says which rule broke and on what answer.
      expect({
        fiveHundreds: score.fiveHundreds.slice(before.fiveHundreds),
        changedOnRefusal: score.changedOnRefusal.slice(before.changedOnRefusal),
        badErrorShape: score.badErrorShape.slice(before.badErrorShape),
      }).toEqual({ fiveHundreds: [], changedOnRefusal: [], badErrorShape: [] });
    }), { numRuns: RANDOM_RUNS });
  }
  expect(score.fiveHundreds).toEqual([]);
  expect(server.alive()).toBe(true);
  expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
}, 600_000);

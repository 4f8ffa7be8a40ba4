import fs from "node:fs";
import path from "node:path";
import { load, type LoadResult } from "../lib/autocannon";
import type { Benchmark } from "../lib/context";
import { quantile, REPS, summarize, type Sample } from "../lib/stats";
import { ROOT } from "../lib/static-server";
import { addCase, emptyOutcome } from "../lib/types";

const SLUG = "bench-writes";
const CONNECTIONS = [10, 50, 200];
const SECONDS = 2;
/**
 * How long a repetition lasts. With 200 connections in flight the server shares its time among all of them, so the
 * first answers come only after a second or more: a 2 s window counted mostly that ramp (health checks measured 183
 * req/s over 2 s and 463 over 6 s, and some POST repetitions 0). Every connection gets several answers in 30 ms each.
 */
const secondsFor = (connections: number) => Math.max(SECONDS, connections * 0.03);
const STATEMENTS_ROUTE = "app/api/v1/workspaces/[slug]/statements/route.ts";
const TEXT = "Putin said Ukraine must withdraw its troops from the four regions. He added that Kyiv must drop its NATO plans.";
const QUOTE = { start: 0, end: 65 };

const FLOOR = "baseline: GET /api/health (framework floor)";
const DIRECT = "direct better-sqlite3 insert, one process";
const API = "POST /api/v1/…/statements";

/** The storage limit: the rows one API call writes (statement, stance, audit event), one transaction each, on a second connection. */
function directInserts(db: import("@/db").DB, workspaceId: number, articleId: number, speakerId: number, topicId: number, ms: number): { perSecond: number; p50: number; p99: number } {
  const sqlite = db.$client;
  const statement = sqlite.prepare(`INSERT INTO statements (workspace_id, article_id, speaker_id, quote, start, "end", said_on, created_by) VALUES (?, ?, ?, ?, ?, ?, '2024-06-14', 1)`);
  const stance = sqlite.prepare("INSERT INTO statement_topics (statement_id, topic_id, stance, condition) VALUES (?, ?, 'conditional', 'four regions')");
  const audit = sqlite.prepare("INSERT INTO audit_events (workspace_id, entity_type, entity_id, action, after, actor_id) VALUES (?, 'statement', ?, 'create', ?, 1)");
  const write = sqlite.transaction(() => {
    const id = Number(statement.run(workspaceId, articleId, speakerId, TEXT.slice(QUOTE.start, QUOTE.end), QUOTE.start, QUOTE.end).lastInsertRowid);
    stance.run(id, topicId);
    audit.run(workspaceId, String(id), JSON.stringify({ id, quote: TEXT.slice(QUOTE.start, QUOTE.end) }));
  });
  const latencies: number[] = [];
  const end = performance.now() + ms;
  while (performance.now() < end) {
    const t0 = performance.now();
    write();
    latencies.push(performance.now() - t0);
  }
  return { perSecond: latencies.length / (ms / 1000), p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99) };
}

export const writes: Benchmark = {
  name: "writes",
  title: "Creating statements through the HTTP API",
  async run(ctx) {
    const out = emptyOutcome();
    const apiReady = fs.existsSync(path.join(ROOT, STATEMENTS_ROUTE));
    if (!apiReady) out.waiting.push(`writes: the API side waits for ${STATEMENTS_ROUTE} (POST /api/v1/workspaces/{slug}/statements); the two baselines run already.`);
    const bench = ctx.db();
    const { workspaceId, articleIds } = bench.article(SLUG, "Writes target", TEXT, []);
    const sqlite = bench.db.$client;
    const speakerId = (sqlite.prepare("SELECT id FROM speakers WHERE workspace_id = ?").get(workspaceId) as { id: number }).id;
    const topicId = Number(sqlite.prepare("INSERT INTO topics (workspace_id, name, created_by) VALUES (?, 'Talks with Ukraine', 1) ON CONFLICT DO NOTHING").run(workspaceId).lastInsertRowid)
      || (sqlite.prepare("SELECT id FROM topics WHERE workspace_id = ?").get(workspaceId) as { id: number }).id;
    const app = await ctx.app();
    const body = JSON.stringify({
      articleId: articleIds[0], quote: TEXT.slice(QUOTE.start, QUOTE.end), start: QUOTE.start, end: QUOTE.end, speaker: "Vladimir Putin",
      saidOn: "2024-06-14", saidOnPrecision: "day", topics: [{ topic: "Talks with Ukraine", stance: "conditional", condition: "four regions" }],
    });
    const targets: [string, Parameters<typeof load>[0]][] = [[FLOOR, { url: `${app.url}/api/health`, connections: 0, duration: SECONDS }]];
    if (apiReady) targets.push([API, { url: `${app.url}/api/v1/workspaces/${SLUG}/statements`, connections: 0, duration: SECONDS, method: "POST", headers: { "content-type": "application/json" }, body }]);

    for (const connections of CONNECTIONS) {
      const rps: Record<string, Sample> = {};
      const p50: Record<string, Sample> = {};
      const p99: Record<string, Sample> = {};
      for (const [name, opts] of targets) {
        ctx.log(`writes: ${name}, ${connections} connections`);
        await load({ ...opts, connections, duration: 1 });
        const runs: LoadResult[] = [];
        for (let i = 0; i < REPS; i++) runs.push(await load({ ...opts, connections, duration: secondsFor(connections) }));
        const failed = runs.reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0);
        if (failed) out.notes.push(`${name} at ${connections} connections: ${failed} failed requests (non-2xx, errors or timeouts).`);
        rps[name] = summarize(runs.map((r) => r.requests.average));
        p50[name] = summarize(runs.map((r) => r.latency.p50));
        p99[name] = summarize(runs.map((r) => r.latency.p99));
      }
      const direct = Array.from({ length: REPS + 1 }, () => directInserts(bench.db, workspaceId, articleIds[0], speakerId, topicId, 1000)).slice(1);
      rps[DIRECT] = summarize(direct.map((d) => d.perSecond));
      p50[DIRECT] = summarize(direct.map((d) => d.p50));
      p99[DIRECT] = summarize(direct.map((d) => d.p99));
      addCase(out, "writes", `${connections} connections: throughput`, "req/s", FLOOR, rps, { higherIsBetter: true });
      addCase(out, "writes", `${connections} connections: p50 latency`, "ms", FLOOR, p50);
      addCase(out, "writes", `${connections} connections: p99 latency`, "ms", FLOOR, p99);
      if (rps[API]) out.notes.push(`${connections} connections: the API reaches ${(rps[API].median / rps[DIRECT].median * 100).toFixed(1)}% of the direct-insert rate and ${(rps[API].median / rps[FLOOR].median * 100).toFixed(1)}% of the framework floor.`);
    }
    out.notes.push(`Load from autocannon in the bench process, ${CONNECTIONS.map((c) => `${secondsFor(c)} s`).join(" / ")} per repetition at ${CONNECTIONS.join(" / ")} connections. Direct inserts are sequential (one process, one transaction per statement: statement + stance + audit row), so their latency does not depend on connections.`);
    return out;
  },
};

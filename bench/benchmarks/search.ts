import fs from "node:fs";
import path from "node:path";
import type { DB } from "@/db";
import { bigWorkspace } from "../lib/big-workspace";
import type { Benchmark } from "../lib/context";
import { quantile, repeat, summarize as summarizeValues, type Sample } from "../lib/stats";
import { ROOT } from "../lib/static-server";
import { addCase, emptyOutcome } from "../lib/types";

/** Words of different frequency in the generated quotes (from ~1% to ~25% of rows), and a two-word query. */
const TERMS = ["reactor", "istanbul", "kursk", "bandits", "ceasefire", "grain", "sanctions", "treaty", "drones", "pipeline", "talks", "border guarantees"];
const QUERIES_PER_REP = 10; // every term 10 times: 120 timed queries per repetition

const LIST = `SELECT s.id, s.article_id, s.speaker_id, s.quote, s.said_on, s.said_on_precision, s.kind, s.summary, s.anchor_status, s.start, s."end",
  sp.name AS speaker_name, a.title AS article_title, a.publisher, a.url
  FROM statements s JOIN speakers sp ON sp.id = s.speaker_id JOIN articles a ON a.id = s.article_id`;

type Search = (term: string) => unknown;

/** The same list shape either way: the first 50 rows by said-on date (newest first) and the total count. */
function sqlSearch(db: DB, workspaceId: number, where: string, bind: (term: string) => unknown[]): Search {
  const page = db.$client.prepare(`${LIST} WHERE s.workspace_id = ? AND ${where} ORDER BY s.said_on DESC, s.id DESC LIMIT 50`);
  const count = db.$client.prepare(`SELECT count(*) AS n FROM statements s WHERE s.workspace_id = ? AND ${where}`);
  return (term) => [page.all(workspaceId, ...bind(term)), count.get(workspaceId, ...bind(term))];
}

/** Claimline's own list query once db/queries/statement-search.ts is on main; else a direct FTS5 MATCH. */
async function claimlineSearch(db: DB, workspaceId: number): Promise<{ search: Search; label: string }> {
  if (fs.existsSync(path.join(ROOT, "db/queries/statement-search.ts"))) {
    const modulePath = path.join(ROOT, "db/queries/statement-search.ts");
    const mod = (await import(modulePath)) as { searchStatementsByWorkspace(db: DB, input: { workspaceId: number; filters?: { q?: string }; limit?: number }): unknown };
    return { label: "Claimline searchStatementsByWorkspace (FTS5)", search: (q) => mod.searchStatementsByWorkspace(db, { workspaceId, filters: { q }, limit: 50 }) };
  }
  const phrase = (t: string) => [t.split(" ").map((w) => `"${w}"`).join(" ")];
  return { label: "FTS5 MATCH on statement_search (direct)", search: sqlSearch(db, workspaceId, "s.id IN (SELECT rowid FROM statement_search WHERE statement_search MATCH ?)", phrase) };
}

function latencies(search: Search): number[] {
  const out: number[] = [];
  for (let i = 0; i < QUERIES_PER_REP; i++) {
    for (const term of TERMS) {
      const t0 = performance.now();
      search(term);
      out.push(performance.now() - t0);
    }
  }
  return out;
}

export const search: Benchmark = {
  name: "search",
  title: "Full-text search over 100,000 statements",
  async run(ctx) {
    const out = emptyOutcome();
    const { workspaceId } = bigWorkspace(ctx);
    const db = ctx.db().db;
    const like = sqlSearch(db, workspaceId, "(s.quote LIKE ? OR s.summary LIKE ? OR s.note LIKE ?)", (t) => [`%${t}%`, `%${t}%`, `%${t}%`]);
    const ours = await claimlineSearch(db, workspaceId);
    if (!ours.label.startsWith("Claimline")) out.waiting.push("search: uses a direct FTS5 MATCH until db/queries/statement-search.ts is on main (picked up automatically).");
    const p50: Record<string, Sample> = {};
    const p99: Record<string, Sample> = {};
    for (const [label, fn] of [["baseline: LIKE '%term%' scan", like], [ours.label, ours.search]] as const) {
      const p50s: number[] = [];
      const p99s: number[] = [];
      await repeat(() => {
        const l = latencies(fn);
        p50s.push(quantile(l, 0.5));
        p99s.push(quantile(l, 0.99));
        return 0;
      }, { warmup: () => (latencies(fn), 0) });
      p50[label] = summarizeValues(p50s);
      p99[label] = summarizeValues(p99s);
    }
    addCase(out, "search", "p50 latency, 100k statements", "ms", "baseline: LIKE '%term%' scan", p50);
    addCase(out, "search", "p99 latency, 100k statements", "ms", "baseline: LIKE '%term%' scan", p99);
    out.notes.push(`Each repetition runs ${TERMS.length} terms × ${QUERIES_PER_REP}; both sides return the first 50 rows newest first plus the total count, in-process (no HTTP).`);
    return out;
  },
};

import { execFileSync, spawn } from "node:child_process";
import path from "node:path";
import { rssKb } from "../lib/app-server";
import { bigWorkspace, BIG_SLUG } from "../lib/big-workspace";
import type { Benchmark } from "../lib/context";
import { inTurns, repeat, summarize, type Sample } from "../lib/stats";
import { addCase, emptyOutcome } from "../lib/types";
import { timelineData } from "./timeline";

const SHELL = "baseline: sqlite3 shell, .mode csv";
/**
 * Two ways a client fetches the same file: uncompressed (curl, pandas' read_csv and urllib ask for nothing), the
 * same bytes the shell writes; and gzip (browsers, Python requests, Node's fetch), which Next compresses at zlib's
 * default level. Each gets its own bar, so neither figure hides the other.
 */
const ENCODINGS = {
  identity: "Claimline CSV over HTTP, uncompressed (as curl asks)",
  gzip: "Claimline CSV over HTTP, gzip (as a browser asks)",
} as const;
type Encoding = keyof typeof ENCODINGS;
const SMALL_SLUG = "bench-timeline"; // 10,000 statements + 1,000 links: the memory comparison point

/** The same columns as lib/export/csv-columns.ts (STATEMENT_COLUMNS, LINK_COLUMNS), written by the shell. */
const statementsSql = (slug: string) => `SELECT s.id, w.slug AS workspace, sp.name AS speaker, s.said_on, s.said_on_precision, s.kind,
  (SELECT group_concat(t.name || ': ' || st.stance || CASE WHEN st.stance = 'conditional' AND st.condition <> '' THEN ' (' || st.condition || ')' ELSE '' END, '; ')
    FROM statement_topics st JOIN topics t ON t.id = st.topic_id WHERE st.statement_id = s.id) AS topics_and_stances,
  s.summary, s.quote, CASE WHEN s.note_private THEN '' ELSE s.note END AS note, a.title AS article_title, a.publisher, a.url, a.published_at,
  s.anchor_status, s.start, s."end", u.name AS created_by, s.created_at, s.updated_at, '/w/' || w.slug || '/statements/' || s.id AS permalink
  FROM statements s JOIN workspaces w ON w.id = s.workspace_id JOIN speakers sp ON sp.id = s.speaker_id JOIN articles a ON a.id = s.article_id
  JOIN users u ON u.id = s.created_by WHERE w.slug = '${slug}' ORDER BY s.said_on, s.id;`;
const linksSql = (slug: string) => `SELECT l.id, l.relation, coalesce(l.verdict, '') AS verdict, l.rationale, f.id AS from_id, fs.name AS from_speaker, f.said_on AS from_said_on,
  f.quote AS from_quote, t.id AS to_id, ts.name AS to_speaker, t.said_on AS to_said_on, t.quote AS to_quote, u.name AS created_by, l.created_at
  FROM links l JOIN workspaces w ON w.id = l.workspace_id JOIN statements f ON f.id = l.from_statement_id JOIN speakers fs ON fs.id = f.speaker_id
  JOIN statements t ON t.id = l.to_statement_id JOIN speakers ts ON ts.id = t.speaker_id JOIN users u ON u.id = l.created_by WHERE w.slug = '${slug}' ORDER BY l.id;`;

/** URL shapes the export endpoints may take; the first that answers text/csv is used. */
const CANDIDATES = (slug: string, what: "statements" | "links") => [
  `/api/v1/workspaces/${slug}/exports/${what}.csv`, `/api/v1/workspaces/${slug}/export/${what}.csv`,
  `/api/v1/workspaces/${slug}/${what}.csv`, `/api/v1/workspaces/${slug}/${what}?format=csv`, `/api/v1/workspaces/${slug}/exports/${what}?format=csv`,
];

/** One shell run writing both files, as someone would export by hand. */
function shellExport(file: string, slug: string, dir: string): { seconds: number } {
  const t0 = performance.now();
  for (const [name, sql] of [["statements", statementsSql(slug)], ["links", linksSql(slug)]] as const) {
    execFileSync("/usr/bin/sqlite3", ["-readonly", "-csv", "-header", "-cmd", `.output ${path.join(dir, `${name}.csv`)}`, file, sql], { stdio: "ignore" });
  }
  return { seconds: (performance.now() - t0) / 1000 };
}

/** The shell's peak resident memory (KB) writing the statements file, from GNU time. */
function shellPeakKb(file: string, slug: string, dir: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn("/usr/bin/time", ["-f", "%M", "/usr/bin/sqlite3", "-readonly", "-csv", "-header", "-cmd", `.output ${path.join(dir, "s.csv")}`, file, statementsSql(slug)]);
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    child.on("exit", () => resolve(Number(err.trim().split("\n").pop())));
  });
}

type HttpRun = Awaited<ReturnType<typeof httpExport>>;

/** Streams both CSVs from the server, sampling its RSS every 10 ms; rows are counted as lines minus the header. */
async function httpExport(base: string, urls: string[], pid: number, encoding: Encoding): Promise<{ seconds: number; rows: number; peakKb: number; beforeKb: number }> {
  const beforeKb = rssKb(pid);
  let peakKb = beforeKb;
  const timer = setInterval(() => (peakKb = Math.max(peakKb, rssKb(pid))), 10);
  const t0 = performance.now();
  let rows = 0;
  try {
    for (const url of urls) {
      // fetch asks for gzip unless told otherwise, and decompresses what it gets.
      const res = await fetch(base + url, { headers: { "accept-encoding": encoding } });
      if (!res.ok || !res.body) throw new Error(`${url} answered ${res.status}`);
      const sent = res.headers.get("content-encoding") ?? "identity";
      if (sent !== encoding) throw new Error(`${url} was sent as ${sent}, asked for ${encoding}`);
      const reader = res.body.getReader();
      // indexOf is a native scan: a byte-by-byte loop here took a tenth of the run from the server's two cores.
      for (let r = await reader.read(); !r.done; r = await reader.read()) {
        for (let i = r.value.indexOf(10); i !== -1; i = r.value.indexOf(10, i + 1)) rows++;
      }
      rows -= 1;
    }
  } finally {
    clearInterval(timer);
  }
  return { seconds: (performance.now() - t0) / 1000, rows, peakKb: Math.max(peakKb, rssKb(pid)), beforeKb };
}

/** The first candidate pair of URLs that answers text/csv, or null. */
async function exportUrls(base: string): Promise<string[] | null> {
  for (let i = 0; i < CANDIDATES(BIG_SLUG, "statements").length; i++) {
    const [s, l] = [CANDIDATES(BIG_SLUG, "statements")[i], CANDIDATES(BIG_SLUG, "links")[i]];
    const res = await fetch(`${base}${s}`);
    await res.body?.cancel();
    if (res.ok && /csv/.test(res.headers.get("content-type") ?? "")) return [s, l];
  }
  return null;
}

export const exportsBench: Benchmark = {
  name: "exports",
  title: "CSV export of 100,000 statements and 50,000 links",
  async run(ctx) {
    const out = emptyOutcome();
    bigWorkspace(ctx);
    const bench = ctx.db();
    bench.db.$client.pragma("wal_checkpoint(TRUNCATE)");
    const rows = 150_000;
    const shellPeak = await shellPeakKb(bench.file, BIG_SLUG, bench.dir);
    const memory: Record<string, Sample> = { [SHELL]: summarize([shellPeak / 1024]) };
    const rate: Record<string, Sample> = {};
    const app = await ctx.app();
    const urls = await exportUrls(app.url);
    if (!urls) {
      out.waiting.push("exports: none of the expected URLs answered text/csv; add the real URL to CANDIDATES in bench/benchmarks/exports.ts.");
      rate[SHELL] = await repeat(() => rows / shellExport(bench.file, BIG_SLUG, bench.dir).seconds);
    } else {
      ctx.db().workspace(SMALL_SLUG, timelineData);
      const small = await httpExport(app.url, urls.map((u) => u.replace(BIG_SLUG, SMALL_SLUG)), app.pid, "gzip");
      const encodings = Object.keys(ENCODINGS) as Encoding[];
      // In turns: the shell's run takes ~1 s and the server's several, so timed in blocks the ratio moved with
      // whatever else the machine was doing at the time.
      const [shellRuns, ...httpRuns] = await inTurns<{ seconds: number }>([
        { run: () => shellExport(bench.file, BIG_SLUG, bench.dir) },
        ...encodings.map((encoding) => ({ run: () => httpExport(app.url, urls, app.pid, encoding) })),
      ]);
      const runs = Object.fromEntries(encodings.map((e, k) => [e, httpRuns[k] as HttpRun[]])) as Record<Encoding, HttpRun[]>;
      rate[SHELL] = summarize(shellRuns.map((r) => rows / r.seconds));
      const seconds = (list: { seconds: number }[]) => list.map((r) => r.seconds.toFixed(2)).join(", ");
      ctx.log(`exports: seconds per run: shell ${seconds(shellRuns)}; ${encodings.map((e) => `${e} ${seconds(runs[e])}`).join("; ")}`);
      let growthBig = 0;
      for (const encoding of encodings) {
        rate[ENCODINGS[encoding]] = summarize(runs[encoding].map((r) => r.rows / r.seconds));
        memory[ENCODINGS[encoding]] = summarize(runs[encoding].map((r) => r.peakKb / 1024));
        growthBig = Math.max(growthBig, ...runs[encoding].map((r) => r.peakKb - r.beforeKb));
        if (runs[encoding][0].rows !== rows) out.notes.push(`exports: the API wrote ${runs[encoding][0].rows} rows (${encoding}), expected ${rows}.`);
        const ratio = rate[SHELL].median / rate[ENCODINGS[encoding]].median;
        out.bars.push({ benchmark: "exports", bar: `within 3× of the sqlite3 shell (${encoding === "gzip" ? "gzip" : "uncompressed"})`, met: ratio <= 3, detail: `the shell is ${ratio.toFixed(2)}× faster` });
      }
      const growthSmall = (small.peakKb - small.beforeKb) / 1024;
      out.bars.push({ benchmark: "exports", bar: "memory does not grow with row count", met: growthBig / 1024 <= Math.max(2 * growthSmall, 32),
        detail: `server RSS grew ${(growthBig / 1024).toFixed(0)} MB for 150k rows vs ${growthSmall.toFixed(0)} MB for 11k rows` });
    }
    addCase(out, "exports", "150k rows (statements + links) to CSV", "rows/s", SHELL, rate, { higherIsBetter: true });
    addCase(out, "exports", "peak RSS during export", "MB", SHELL, memory);
    out.notes.push("Shell peak RSS is GNU time's maximum resident set of sqlite3 writing the statements file; the server's is its VmRSS (with children) polled every 10 ms during the export.");
    return out;
  },
};

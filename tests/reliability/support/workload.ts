import { client, type ApiResponse } from "../../support/http";

// Concurrent writers for the crash and concurrency tests: each client tags
// statements (every one with a topic, so a statement without stances would
// be a half-applied write) and links each to its own previous one.

export type Api = ReturnType<typeof client>;

export const SENTENCES = 4000;
const pad = (n: number) => String(n).padStart(5, "0");
export const quoteOf = (n: number) => `Claim ${pad(n)} was made`;

/** A workspace with one article holding SENTENCES uniquely quotable sentences. */
export async function workloadWorkspace(api: Api, name: string) {
  const ws = await api("POST", "/api/v1/workspaces", { body: { name } });
  if (ws.status !== 201) throw new Error(`workspace: ${ws.text}`);
  const text = Array.from({ length: SENTENCES }, (_, n) => `${quoteOf(n)} about the ceasefire terms.`).join(" ");
  const article = await api("POST", `/api/v1/workspaces/${ws.body.slug}/articles`, { body: { text, title: "Many claims" } });
  if (article.status !== 201) throw new Error(`article: ${article.text}`);
  return { slug: ws.body.slug as string, articleId: article.body.id as number };
}

export interface Acknowledged {
  statements: { id: number; quote: string; topic: string; stance: string }[];
  links: { id: number; fromId: number; toId: number; relation: string }[];
}

export interface WriterResult extends Acknowledged {
  /** Requests that got no answer (the connection broke): their outcome is unknown. */
  unanswered: number;
  /** Answers with a status that is not the expected success, by status. */
  failures: Record<number, number>;
  failureSamples: string[];
}

const STANCES = ["supports", "opposes", "conditional", "neutral"] as const;
const RELATIONS = ["contradicts", "reverses", "softens", "hardens", "restates", "supports", "clarifies"] as const;

function saidOn(n: number) {
  return new Date(Date.UTC(2010, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * One client writing until `shouldStop()` or its share of sentences runs out.
 * Sentence numbers are `writer + k * writers`, so clients never collide.
 * Stops at the first broken connection (the server is gone).
 */
export async function runWriter(apis: Api[], target: { slug: string; articleId: number }, writer: number, writers: number, shouldStop: () => boolean, onAck: (kind: "statement" | "link", id: number) => void = () => {}): Promise<WriterResult> {
  const out: WriterResult = { statements: [], links: [], unanswered: 0, failures: {}, failureSamples: [] };
  const fail = (status: number, text: string) => {
    out.failures[status] = (out.failures[status] ?? 0) + 1;
    if (out.failureSamples.length < 5) out.failureSamples.push(`${status} ${text.slice(0, 300)}`);
  };
  let previous: number | null = null;
  for (let k = 0, n = writer; n < SENTENCES && !shouldStop(); k++, n += writers) {
    const api = apis[k % apis.length]; // alternate servers when there are several
    const topic = `Topic ${writer % 3}`;
    const stance = STANCES[k % STANCES.length];
    try {
      const res = await api("POST", `/api/v1/workspaces/${target.slug}/statements`, {
        body: {
          articleId: target.articleId, quote: quoteOf(n), speaker: `Speaker ${k % 5}`, saidOn: saidOn(n), saidOnPrecision: "day",
          topics: [{ topic, stance, ...(stance === "conditional" ? { condition: "if talks start" } : {}) }, { topic: `Shared ${k % 2}`, stance: "neutral" }],
          summary: `Summary ${n}`, note: `Private note ${n}`,
        },
      });
      if (res.status !== 201) { fail(res.status, res.text); continue; }
      out.statements.push({ id: res.body.id, quote: quoteOf(n), topic, stance });
      onAck("statement", res.body.id);
      if (previous !== null && !shouldStop()) {
        const relation = RELATIONS[k % RELATIONS.length];
        const link = await api("POST", `/api/v1/workspaces/${target.slug}/links`, { body: { fromId: res.body.id, toId: previous, relation, rationale: `Because ${n}` } });
        if (link.status !== 201) fail(link.status, link.text);
        else {
          out.links.push({ id: link.body.id, fromId: res.body.id, toId: previous, relation });
          onAck("link", link.body.id);
        }
      }
      previous = res.body.id;
    } catch {
      out.unanswered++;
      break;
    }
  }
  return out;
}

export function merge(results: WriterResult[]): WriterResult {
  const out: WriterResult = { statements: [], links: [], unanswered: 0, failures: {}, failureSamples: [] };
  for (const r of results) {
    out.statements.push(...r.statements);
    out.links.push(...r.links);
    out.unanswered += r.unanswered;
    for (const [s, n] of Object.entries(r.failures)) out.failures[Number(s)] = (out.failures[Number(s)] ?? 0) + n;
    out.failureSamples.push(...r.failureSamples);
  }
  return out;
}

/** Which acknowledged writes are stored whole, read back through the API. */
export async function findAcknowledged(api: Api, slug: string, acked: Acknowledged) {
  const missing: string[] = [];
  let found = 0;
  for (const s of acked.statements) {
    const res = await api("GET", `/api/v1/statements/${s.id}`);
    const stance = res.body?.stances?.find((x: { topicName: string }) => x.topicName === s.topic);
    if (res.status === 200 && res.body.quote === s.quote && stance?.stance === s.stance && res.body.stances.length === 2) found++;
    else missing.push(`statement ${s.id}: ${res.status} ${res.text.slice(0, 200)}`);
  }
  const stored = new Map<number, { fromStatementId: number; toStatementId: number; relation: string }>();
  for (let cursor: string | null = null; ;) {
    const page: ApiResponse = await api("GET", `/api/v1/workspaces/${slug}/links?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    if (page.status !== 200) throw new Error(`links: ${page.text}`);
    for (const l of page.body.items) stored.set(l.id, l);
    cursor = page.body.nextCursor;
    if (!cursor) break;
  }
  for (const l of acked.links) {
    const s = stored.get(l.id);
    // createLink orders by said-on date; ours were said later, so the direction is kept.
    if (s && s.fromStatementId === l.fromId && s.toStatementId === l.toId && s.relation === l.relation) found++;
    else missing.push(`link ${l.id}`);
  }
  return { found, missing };
}

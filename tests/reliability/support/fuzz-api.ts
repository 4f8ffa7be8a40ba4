import fc from "fast-check";
import { HOSTILE_QUERIES, HOSTILE_STRINGS, HOSTILE_VALUES, RAW_BODIES, hostileString, hostileValue } from "./hostile";
import { DbWatch } from "./db-watch";

// Sends malformed requests to one server and keeps the score: every answer
// must be below 500, and every refused one (4xx) must leave every table as
// it was. Operations come from the server's own OpenAPI document.

export interface Operation {
  method: string;
  path: string; // "/api/v1/workspaces/{slug}"
  params: string[];
  query: string[];
  bodyProps: string[];
  example: Record<string, unknown> | null;
}

type Doc = { paths: Record<string, Record<string, { parameters?: { name: string; in: string }[]; requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> }; example?: unknown }> } }>> };

export function operationsOf(doc: Doc): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const json = op.requestBody?.content["application/json"];
      ops.push({
        method: method.toUpperCase(), path,
        params: (op.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name),
        query: (op.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name),
        bodyProps: Object.keys(json?.schema.properties ?? {}),
        example: (json?.example as Record<string, unknown>) ?? (json ? {} : null),
      });
    }
  }
  return ops;
}

export interface Fixtures {
  slug: string;
  articleId: number;
  statementIds: [number, number];
  linkId: number;
}

export interface Score {
  sent: number;
  fiveHundreds: string[];
  changedOnRefusal: string[];
  badErrorShape: string[];
  byStatus: Record<number, number>;
}

export function newScore(): Score {
  return { sent: 0, fiveHundreds: [], changedOnRefusal: [], badErrorShape: [], byStatus: {} };
}

/** Path params that exist, so the request gets as far as the body; DELETE gets none (it would succeed and use them up). */
export function validParams(op: Operation, f: Fixtures): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of op.params) {
    if (p === "slug") out[p] = f.slug;
    else if (op.method === "DELETE") out[p] = "999999";
    else if (op.path.startsWith("/api/v1/articles")) out[p] = String(f.articleId);
    else if (op.path.startsWith("/api/v1/links")) out[p] = String(f.linkId);
    else if (op.path.startsWith("/api/v1/flags")) out[p] = `linked:${f.statementIds[1]}:${f.statementIds[0]}`;
    else out[p] = String(f.statementIds[0]);
  }
  return out;
}

/** The documented example with our own ids, so mutations of one field leave the others valid. */
export function baseBody(op: Operation, f: Fixtures): Record<string, unknown> {
  const body: Record<string, unknown> = { ...(op.example ?? {}) };
  if ("articleId" in body) body.articleId = f.articleId;
  if ("fromId" in body) body.fromId = f.statementIds[1];
  if ("toId" in body) body.toId = f.statementIds[0];
  if ("name" in body) body.name = `Fuzz ${Math.random().toString(36).slice(2)}`;
  return body;
}

export function urlOf(op: Operation, params: Record<string, string>, query = ""): string {
  let path = op.path;
  for (const [k, v] of Object.entries(params)) path = path.replace(`{${k}}`, v);
  return query ? `${path}?${query}` : path;
}

export const encodeParam = (s: string) => encodeURIComponent(s.toWellFormed());

export interface Request {
  method: string;
  url: string;
  body?: string | Buffer;
  contentType?: string;
  /** False when the URL no longer names the route (an empty or dot segment): Next's own 404/405 page answers then. */
  routed?: boolean;
}

/** Node's default --max-http-header-size. */
const MAX_HEADER_BYTES = 16 * 1024;
const SOCKET_CLOSED = new Set(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "UND_ERR_CLOSED"]);

export async function send(base: string, watch: DbWatch, req: Request, score: Score): Promise<void> {
  const headers: Record<string, string> = {};
  if (req.body !== undefined) headers["content-type"] = req.contentType ?? "application/json";
  const before = watch.snapshot();
  let status: number;
  let text: string;
  try {
    const res = await fetch(base + req.url, { method: req.method, headers, body: req.method === "GET" || req.body === undefined ? undefined : typeof req.body === "string" ? req.body : new Uint8Array(req.body) });
    status = res.status;
    text = await res.text();
  } catch (error) {
    // undici reads at most 16 KB of response headers; a redirect echoing a 10 KB query exceeds that. The
    // server answered (browsers read up to 256 KB), so this is our client's limit, not a failure.
    const code = (error as { cause?: { code?: string } }).cause?.code;
    if (code === "UND_ERR_HEADERS_OVERFLOW") return;
    // A request line over Node's 16 KB header limit is refused by its HTTP parser (431) and the socket closed;
    // a client still writing the rest of the request then sees the reset instead of the 431. The server
    // refused it as it should; whether it stayed up is checked by the next request and the test's health check.
    if (Buffer.byteLength(req.url) > MAX_HEADER_BYTES && code && SOCKET_CLOSED.has(code)) {
      score.byStatus[431] = (score.byStatus[431] ?? 0) + 1;
      const changed = watch.changedSince(before);
      if (changed.length) score.changedOnRefusal.push(`431 (socket closed) ${req.method} ${req.url.slice(0, 120)} changed ${changed.join(", ")}`);
      return;
    }
    score.fiveHundreds.push(`${req.method} ${req.url.slice(0, 120)}: no answer (${(error as Error).message}${code ? `: ${code}` : ""})`);
    return;
  }
  score.sent++;
  score.byStatus[status] = (score.byStatus[status] ?? 0) + 1;
  const label = () => `${status} ${req.method} ${req.url.slice(0, 120)} ${typeof req.body === "string" ? req.body.slice(0, 160) : req.body ? "<bytes>" : ""}`;
  if (status >= 500) score.fiveHundreds.push(`${label()} → ${text.slice(0, 200)}`);
  if (status >= 400) {
    const changed = watch.changedSince(before);
    if (changed.length) score.changedOnRefusal.push(`${label()} changed ${changed.join(", ")}`);
    // 431 (URL or headers too large) comes from Node's HTTP parser, with no body.
    if (req.url.startsWith("/api/v1/") && req.routed !== false && status !== 431) {
      let shaped = false;
      try { const e = JSON.parse(text).error; shaped = typeof e.code === "string" && typeof e.message === "string" && e.message.length > 0; } catch { /* not JSON */ }
      if (!shaped) score.badErrorShape.push(`${label()} → ${text.slice(0, 120)}`);
    }
  }
}

/** The fixed corpus for one operation: raw bodies, every hostile value in every body field, hostile path params and queries. */
export function corpusRequests(op: Operation, f: Fixtures, { full }: { full: boolean }): Request[] {
  const out: Request[] = [];
  const params = validParams(op, f);
  const url = urlOf(op, params);
  if (op.example) {
    for (const raw of RAW_BODIES) out.push({ method: op.method, url, body: raw });
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=utf-16", "application/jsonx", ""]) {
      out.push({ method: op.method, url, body: JSON.stringify(baseBody(op, f)), contentType: type });
    }
    // Every hostile value in every field (full), or each value in one field, round robin (CI).
    [...HOSTILE_STRINGS, ...HOSTILE_VALUES].forEach((value, i) => {
      op.bodyProps.forEach((prop, j) => {
        if (full || i % op.bodyProps.length === j) out.push({ method: op.method, url, body: JSON.stringify({ ...baseBody(op, f), [prop]: value }) });
      });
    });
    out.push({ method: op.method, url, body: JSON.stringify({ ...baseBody(op, f), unexpected: "field" }) });
  }
  for (const p of op.params) {
    const strings = HOSTILE_STRINGS.filter((x, i) => x.length < 3000 && (full || i % 3 === 0));
    for (const s of [...strings, "0", "-1", "1.0", "1e3", "99999999999999999999", "%ZZ", "%00", "%2F", "..", "."]) {
      const raw = s === "%ZZ" || s === "%00" ? s : encodeParam(s);
      const routed = !["", ".", ".."].includes(raw);
      out.push({ method: op.method, url: urlOf(op, { ...params, [p]: raw }), routed, ...(op.example ? { body: JSON.stringify(baseBody(op, f)) } : {}) });
    }
  }
  if (op.method === "GET") for (const q of HOSTILE_QUERIES) out.push({ method: op.method, url: urlOf(op, params, q) });
  return out;
}

/** Random malformed requests for one operation: a mutated body, sometimes a hostile param or query. */
export function requestArbitrary(op: Operation, f: Fixtures): fc.Arbitrary<Request> {
  const params = validParams(op, f);
  const keys = op.bodyProps.length ? op.bodyProps : ["x"];
  const body = fc.record({
    set: fc.dictionary(fc.constantFrom(...keys, "__proto__", "extra"), hostileValue, { maxKeys: 4 }),
    drop: fc.subarray(keys),
    whole: fc.option(hostileValue, { freq: 6 }),
  }).map(({ set, drop, whole }) => {
    if (whole !== null) return JSON.stringify(whole);
    const b: Record<string, unknown> = { ...baseBody(op, f), ...set };
    for (const k of drop) delete b[k];
    return JSON.stringify(b);
  });
  const param = fc.option(fc.tuple(fc.constantFrom(...(op.params.length ? op.params : ["none"])), hostileString), { freq: 4 });
  const query = fc.option(fc.oneof(fc.constantFrom(...HOSTILE_QUERIES), fc.tuple(fc.constantFrom(...op.query, "x"), hostileString).map(([k, v]) => `${k}=${encodeParam(v)}`)), { freq: 3 });
  return fc.record({ body, param, query }).map(({ body: b, param: p, query: q }) => {
    const ps = { ...params };
    if (p && p[0] in ps) ps[p[0]] = encodeParam(p[1]);
    const routed = Object.values(ps).every((v) => !["", ".", ".."].includes(v));
    return { method: op.method, url: urlOf(op, ps, q ?? ""), routed, ...(op.example ? { body: b } : {}) };
  });
}

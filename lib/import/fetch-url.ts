import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import type net from "node:net";
import type { Readable } from "node:stream";
import zlib from "node:zlib";
import { decodeBody } from "./charset";
import { ImportError } from "./errors";
import { detectBinary, MAX_IMPORT_BYTES } from "./normalize";
import { checkUrl, isPublicAddress } from "./ssrf";

/** Resolves a hostname to every address it has. Injectable so tests can play DNS. */
export type Resolver = (hostname: string) => Promise<{ address: string; family: number }[]>;

export interface FetchOptions {
  /** Skip the private-address refusal. The app sets it from IMPORT_ALLOW_PRIVATE_HOSTS=1 (local demos, e2e tests). */
  allowPrivate?: boolean;
  /** Budget for the whole import, redirects included. */
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  lookup?: Resolver;
}

export interface FetchedArticle {
  finalUrl: string;
  /** Media type without parameters, e.g. "text/html". */
  contentType: string;
  body: string;
  retrievedAt: string;
}

const ACCEPTED_TYPES = new Set(["text/html", "application/xhtml+xml", "text/plain"]);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

const systemResolver: Resolver = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

/**
 * The lookup handed to node:net. It resolves once and connects to exactly the
 * answers it vetted, so a DNS server that answers "public" to a pre-check and
 * "127.0.0.1" to the real connection (DNS rebinding) has no second lookup to
 * exploit. If ANY answer is private the host is refused: with several answers
 * the kernel or happy-eyeballs would pick one we can't predict.
 */
function guardedLookup(resolve: Resolver, allowPrivate: boolean): net.LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname)
      .then((answers) => {
        const refused = allowPrivate ? undefined : answers.find((a) => !isPublicAddress(a.address));
        if (refused) throw new ImportError("refused_address", { detail: `${hostname} resolves to ${refused.address}` });
        const wanted = options.family === 4 || options.family === 6 ? options.family : 0;
        const usable = answers.filter((a) => !wanted || a.family === wanted);
        if (usable.length === 0) throw new ImportError("unreachable", { detail: `no address for ${hostname}` });
        if (options.all) callback(null, usable);
        else callback(null, usable[0].address, usable[0].family);
      })
      .catch((err: unknown) => callback(err instanceof Error ? err : new Error(String(err)), ""));
  };
}

/**
 * Second line of defence: whatever the lookup said, check the peer the socket
 * actually reached before a single byte of the request is written. This
 * covers IP-literal hosts (Node skips lookup for them) and anything that
 * could route a socket somewhere other than the vetted answer.
 */
function guardConnectedAddress(req: http.ClientRequest, onRefused: (err: ImportError) => void): void {
  req.on("socket", (socket: net.Socket) => {
    const check = () => {
      const remote = socket.remoteAddress;
      if (remote && isPublicAddress(remote)) return;
      onRefused(new ImportError("refused_address", { detail: `connected to ${remote ?? "unknown address"}` }));
    };
    // prepend: our check must run before the listener that flushes the request.
    if (socket.connecting) socket.prependOnceListener("connect", check);
    else check();
  });
}

function toImportError(err: unknown): ImportError {
  if (err instanceof ImportError) return err;
  const code = (err as { code?: unknown })?.code;
  const detail = typeof code === "string" ? code : String(err);
  if (typeof code === "string" && (code.startsWith("HPE_") || code.startsWith("Z_"))) {
    return new ImportError("malformed", { detail, cause: err });
  }
  return new ImportError("unreachable", { detail, cause: err });
}

function decompress(res: http.IncomingMessage): Readable {
  const encoding = String(res.headers["content-encoding"] ?? "identity").trim().toLowerCase();
  if (encoding === "gzip" || encoding === "x-gzip") return res.pipe(zlib.createGunzip());
  if (encoding === "deflate") return res.pipe(zlib.createInflate());
  if (encoding === "br") return res.pipe(zlib.createBrotliDecompress());
  if (encoding === "identity" || encoding === "") return res;
  throw new ImportError("malformed", { detail: `content-encoding ${encoding}` });
}

type Hop =
  | { kind: "redirect"; location: string }
  | { kind: "body"; contentType: string; contentTypeHeader: string; bytes: Buffer };

interface HopContext {
  lookup: net.LookupFunction;
  allowPrivate: boolean;
  maxBytes: number;
  /** Set by each hop so the overall deadline can cancel whatever is in flight. */
  cancel?: (err: ImportError) => void;
}

function requestOnce(url: URL, ctx: HopContext): Promise<Hop> {
  return new Promise<Hop>((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    let res: http.IncomingMessage | undefined;
    const fail = (err: unknown) => {
      reject(toImportError(err));
      req.destroy();
      res?.destroy();
    };
    ctx.cancel = fail;

    const req = client.request(url, {
      method: "GET",
      agent: false, // a fresh socket per hop, so the connect check always runs
      lookup: ctx.lookup,
      headers: {
        "user-agent": "Claimline/0.1 (article import for fact-checking)",
        accept: "text/html,application/xhtml+xml,text/plain;q=0.9",
        "accept-encoding": "gzip, deflate, br",
      },
    }, (response) => {
      res = response;
      const status = response.statusCode ?? 0;
      if (REDIRECT_STATUSES.has(status)) {
        const location = response.headers.location;
        response.destroy();
        if (!location) return fail(new ImportError("http_error", { detail: `${status} without Location` }));
        return resolve({ kind: "redirect", location });
      }
      if (status < 200 || status > 299) return fail(new ImportError("http_error", { detail: `HTTP ${status}` }));

      const contentTypeHeader = response.headers["content-type"] ?? "";
      const contentType = contentTypeHeader.split(";")[0].trim().toLowerCase();
      if (!ACCEPTED_TYPES.has(contentType)) {
        return fail(new ImportError("unsupported_type", { detail: contentType || "no content-type" }));
      }
      const declared = Number(response.headers["content-length"]);
      if (Number.isFinite(declared) && declared > ctx.maxBytes) {
        return fail(new ImportError("too_large", { detail: `content-length ${declared}` }));
      }

      let body: Readable;
      try {
        body = decompress(response);
      } catch (err) {
        return fail(err);
      }
      // Counted after decompression: that is what we hold in memory (and it stops gzip bombs).
      const chunks: Buffer[] = [];
      let total = 0;
      body.on("data", (chunk: Buffer) => {
        total += chunk.length;
        if (total > ctx.maxBytes) {
          // fail() first: destroying the stream emits "aborted", which must not win the race.
          fail(new ImportError("too_large", { detail: `more than ${ctx.maxBytes} bytes` }));
          return body.destroy();
        }
        chunks.push(chunk);
      });
      body.on("error", fail);
      response.on("aborted", () => fail(new ImportError("unreachable", { detail: "connection closed mid-body" })));
      body.on("end", () => resolve({ kind: "body", contentType, contentTypeHeader, bytes: Buffer.concat(chunks) }));
    });
    req.on("error", fail);
    if (!ctx.allowPrivate) guardConnectedAddress(req, fail);
    req.end();
  });
}

/** Downloads an article page with SSRF, size, time, redirect and type limits. Throws ImportError. */
export async function fetchArticle(input: string, opts: FetchOptions = {}): Promise<FetchedArticle> {
  const allowPrivate = opts.allowPrivate ?? false;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const maxRedirects = opts.maxRedirects ?? 5;
  const ctx: HopContext = {
    lookup: guardedLookup(opts.lookup ?? systemResolver, allowPrivate),
    allowPrivate,
    maxBytes: opts.maxBytes ?? MAX_IMPORT_BYTES,
  };
  let url = checkUrl(input, { allowPrivate });

  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ctx.cancel?.(new ImportError("timeout", { detail: `no complete response within ${timeoutMs} ms` }));
  }, timeoutMs);
  try {
    for (let redirects = 0; ; redirects++) {
      const hop = await requestOnce(url, ctx);
      if (timedOut) throw new ImportError("timeout");
      if (hop.kind === "body") {
        const { text } = decodeBody(hop.bytes, hop.contentTypeHeader);
        if (detectBinary(text)) throw new ImportError("binary", { detail: url.href });
        return { finalUrl: url.href, contentType: hop.contentType, body: text, retrievedAt: new Date().toISOString() };
      }
      if (redirects >= maxRedirects) throw new ImportError("too_many_redirects", { detail: `more than ${maxRedirects}` });
      let next: URL;
      try {
        next = new URL(hop.location, url);
      } catch (cause) {
        throw new ImportError("invalid_url", { detail: `bad redirect Location ${hop.location}`, cause });
      }
      // Every hop is vetted like the first: a public page must not bounce us inward.
      url = checkUrl(next, { allowPrivate });
    }
  } finally {
    clearTimeout(timer);
  }
}

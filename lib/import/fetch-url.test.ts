import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchArticle, type Resolver } from "./fetch-url";
import { rejectionCode, startServer, type TestServer } from "./test-servers";

const PAGE = "<!doctype html><html><head><title>Hello</title></head><body><p>Article body</p></body></html>";
const CYRILLIC = "<html><body><p>Привет, мир</p></body></html>";

let server: TestServer;
let url: (path: string) => string;

beforeAll(async () => {
  server = await startServer("127.0.0.1", (req, res) => {
    const path = req.url ?? "/";
    const hops = /^\/redirect\/(\d+)$/.exec(path);
    if (hops) {
      const n = Number(hops[1]);
      // Relative Location on purpose: it must be resolved against the current URL.
      res.writeHead(302, { location: n > 1 ? `/redirect/${n - 1}` : "/article" }).end();
    } else if (path === "/article") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
    } else if (path === "/hang") {
      // Never answer: only the client's deadline can end this.
    } else if (path === "/slow-body") {
      res.writeHead(200, { "content-type": "text/html" });
      res.write("<p>start");
    } else if (path === "/big-declared") {
      res.writeHead(200, { "content-type": "text/html", "content-length": String(10_000) }).end("x".repeat(10_000));
    } else if (path === "/big-streamed") {
      res.writeHead(200, { "content-type": "text/html" }); // chunked, no length to check up front
      let sent = 0;
      const push = () => {
        if (res.destroyed || sent >= 200_000) return res.end();
        sent += 1_000;
        res.write("y".repeat(1_000), () => setImmediate(push));
      };
      push();
    } else if (path === "/gzip-bomb") {
      res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" }).end(gzipSync(Buffer.alloc(500_000, 0x61)));
    } else if (path === "/gzip") {
      res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" }).end(gzipSync(PAGE));
    } else if (path === "/pdf") {
      res.writeHead(200, { "content-type": "application/pdf" }).end("%PDF-1.7");
    } else if (path === "/cp1251") {
      res.writeHead(200, { "content-type": "text/html; charset=windows-1251" }).end(Buffer.from(encode1251(CYRILLIC)));
    } else if (path === "/latin1-meta") {
      const html = '<html><head><meta charset="iso-8859-1"></head><body><p>Café crème à la française</p></body></html>';
      res.writeHead(200, { "content-type": "text/html" }).end(Buffer.from(html, "latin1"));
    } else if (path === "/binary") {
      res.writeHead(200, { "content-type": "text/plain" }).end(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08]));
    } else {
      res.writeHead(404, { "content-type": "text/html" }).end("not found");
    }
  });
  url = (path) => `${server.origin}${path}`;
});

afterAll(() => server.close());

/** Minimal windows-1251 encoder for the Cyrillic test page (А–я map to 0xC0–0xFF). */
function encode1251(s: string): number[] {
  return Array.from(s, (ch) => {
    const c = ch.charCodeAt(0);
    if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
    if (c < 0x80) return c;
    throw new Error(`no windows-1251 byte for ${ch}`);
  });
}

const open = { allowPrivate: true };

describe("fetchArticle: private addresses", () => {
  it("refuses a loopback URL by default, before sending any request", async () => {
    const before = server.requests.length;
    expect(await rejectionCode(fetchArticle(url("/article")))).toBe("refused_address");
    expect(server.requests.length).toBe(before);
  });

  it("refuses a hostname whose DNS answer is private, without connecting", async () => {
    const lookup: Resolver = async () => [{ address: "127.0.0.1", family: 4 }];
    const before = server.connections;
    expect(await rejectionCode(fetchArticle(`http://intranet.example:${server.port}/article`, { lookup }))).toBe("refused_address");
    expect(server.connections).toBe(before);
  });

  it("refuses a host when any one of its DNS answers is private", async () => {
    const lookup: Resolver = async () => [{ address: "93.184.216.34", family: 4 }, { address: "10.0.0.5", family: 4 }];
    expect(await rejectionCode(fetchArticle("http://mixed.example/", { lookup }))).toBe("refused_address");
  });

  it("fetches from a private host when allowPrivate is set", async () => {
    const got = await fetchArticle(url("/article"), open);
    expect(got).toMatchObject({ finalUrl: url("/article"), contentType: "text/html", body: PAGE });
    expect(new Date(got.retrievedAt).toISOString()).toBe(got.retrievedAt);
  });
});

describe("fetchArticle: redirects", () => {
  it("follows up to five redirects, resolving relative Locations, and reports the final URL", async () => {
    const got = await fetchArticle(url("/redirect/5"), open);
    expect(got.finalUrl).toBe(url("/article"));
    expect(got.body).toBe(PAGE);
  });

  it("gives up after the redirect limit", async () => {
    expect(await rejectionCode(fetchArticle(url("/redirect/6"), open))).toBe("too_many_redirects");
    expect(await rejectionCode(fetchArticle(url("/redirect/3"), { ...open, maxRedirects: 2 }))).toBe("too_many_redirects");
  });
});

describe("fetchArticle: limits", () => {
  it("times out a server that never answers, within the time budget", async () => {
    const started = Date.now();
    expect(await rejectionCode(fetchArticle(url("/hang"), { ...open, timeoutMs: 300 }))).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("times out a body that stops arriving half-way", async () => {
    expect(await rejectionCode(fetchArticle(url("/slow-body"), { ...open, timeoutMs: 300 }))).toBe("timeout");
  });

  it("times out a DNS lookup that never returns", async () => {
    const lookup: Resolver = () => new Promise(() => undefined);
    expect(await rejectionCode(fetchArticle("http://slow-dns.example/", { lookup, timeoutMs: 200 }))).toBe("timeout");
  });

  it("refuses a body whose declared length is over the cap", async () => {
    expect(await rejectionCode(fetchArticle(url("/big-declared"), { ...open, maxBytes: 5_000 }))).toBe("too_large");
  });

  it("aborts a streamed body as soon as it passes the cap", async () => {
    expect(await rejectionCode(fetchArticle(url("/big-streamed"), { ...open, maxBytes: 20_000 }))).toBe("too_large");
  });

  it("counts decompressed bytes, so a small gzip cannot inflate past the cap", async () => {
    expect(await rejectionCode(fetchArticle(url("/gzip-bomb"), { ...open, maxBytes: 100_000 }))).toBe("too_large");
  });
});

describe("fetchArticle: content", () => {
  it("refuses content types other than HTML, XHTML and plain text", async () => {
    expect(await rejectionCode(fetchArticle(url("/pdf"), open))).toBe("unsupported_type");
  });

  it("reports HTTP errors", async () => {
    expect(await rejectionCode(fetchArticle(url("/missing"), open))).toBe("http_error");
  });

  it("refuses binary bodies even when labelled as text", async () => {
    expect(await rejectionCode(fetchArticle(url("/binary"), open))).toBe("binary");
  });

  it("decodes the charset named in the Content-Type header", async () => {
    expect((await fetchArticle(url("/cp1251"), open)).body).toBe(CYRILLIC);
  });

  it("decodes the charset declared in <meta charset> when the header has none", async () => {
    expect((await fetchArticle(url("/latin1-meta"), open)).body).toContain("Café crème à la française");
  });

  it("decompresses gzip responses", async () => {
    expect((await fetchArticle(url("/gzip"), open)).body).toBe(PAGE);
  });

  it("reports an unreachable host", async () => {
    const closed = await startServer("127.0.0.1", () => undefined);
    await closed.close();
    expect(await rejectionCode(fetchArticle(`${closed.origin}/`, open))).toBe("unreachable");
  });
});

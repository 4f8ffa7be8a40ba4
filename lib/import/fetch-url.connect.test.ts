/*
 * The two SSRF layers that need a "public internet" to test against. A test
 * can't reach a real public host, so in this file the address predicate is
 * widened to treat the addresses in `standInPublic` as public. Everything
 * else — 127.0.0.1 above all — is judged by the real isPublicAddress.
 *
 * Relies on Linux behaviour: all of 127/8 is loopback (so 127.0.0.2 can host
 * the "public" site) and connecting to 0.0.0.0 reaches 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { fetchArticle, type Resolver } from "./fetch-url";
import { rejectionCode, startServer, type TestServer } from "./test-servers";

const { standInPublic } = vi.hoisted(() => ({ standInPublic: new Set<string>() }));

vi.mock("./ssrf", async (importOriginal) => {
  const real = await importOriginal<typeof import("./ssrf")>();
  return { ...real, isPublicAddress: (ip: string) => standInPublic.has(ip) || real.isPublicAddress(ip) };
});

let publicSite: TestServer; // 127.0.0.2, stands in for a public web server
let secret: TestServer; // 127.0.0.1, stands in for an internal service

/** DNS as the attacker would like it: names map to whatever the test says. */
const dnsTable = (table: Record<string, string>): Resolver => async (host) => {
  const address = table[host];
  if (!address) throw Object.assign(new Error(`ENOTFOUND ${host}`), { code: "ENOTFOUND" });
  return [{ address, family: 4 }];
};

beforeAll(async () => {
  secret = await startServer("127.0.0.1", (_req, res) => {
    res.writeHead(200, { "content-type": "text/plain" }).end("internal admin data");
  });
  publicSite = await startServer("127.0.0.2", (req, res) => {
    if (req.url === "/to-literal") res.writeHead(302, { location: `http://127.0.0.1:${secret.port}/admin` }).end();
    else if (req.url === "/to-name") res.writeHead(301, { location: `http://internal.example:${secret.port}/admin` }).end();
    else res.writeHead(200, { "content-type": "text/html" }).end("<p>public article</p>");
  });
  standInPublic.add("127.0.0.2");
});

afterAll(async () => {
  await Promise.all([publicSite.close(), secret.close()]);
});

const lookup = dnsTable({ "public.example": "127.0.0.2", "internal.example": "127.0.0.1", "rebound.example": "0.0.0.0" });

describe("redirects are vetted hop by hop", () => {
  it("fetches the stand-in public site (control: the setup itself works)", async () => {
    const got = await fetchArticle(`http://public.example:${publicSite.port}/`, { lookup });
    expect(got.body).toBe("<p>public article</p>");
  });

  it("refuses a public page that redirects to a private IP literal, without touching it", async () => {
    const before = secret.connections;
    const code = await rejectionCode(fetchArticle(`http://public.example:${publicSite.port}/to-literal`, { lookup }));
    expect(code).toBe("refused_address");
    expect(publicSite.requests).toContain("/to-literal");
    expect(secret.connections).toBe(before);
  });

  it("refuses a public page that redirects to a name resolving to a private address", async () => {
    const before = secret.connections;
    const code = await rejectionCode(fetchArticle(`http://public.example:${publicSite.port}/to-name`, { lookup }));
    expect(code).toBe("refused_address");
    expect(publicSite.requests).toContain("/to-name");
    expect(secret.connections).toBe(before);
  });
});

describe("the connected address is checked, not just the DNS answer", () => {
  it("refuses when the lookup check passes but the socket lands on loopback, before sending the request", async () => {
    // The lookup check is fooled: it is told 0.0.0.0 is public (the
    // "0.0.0.0-day" mistake browsers made). The kernel routes 0.0.0.0 to
    // 127.0.0.1, so only the check on socket.remoteAddress stands between
    // us and the internal service.
    standInPublic.add("0.0.0.0");
    try {
      const code = await rejectionCode(fetchArticle(`http://rebound.example:${secret.port}/admin`, { lookup }));
      expect(code).toBe("refused_address");
      expect(secret.connections).toBeGreaterThan(0); // the socket really did reach loopback...
      await new Promise((r) => setTimeout(r, 50));
      expect(secret.requests).toEqual([]); // ...but not one request was sent on it
    } finally {
      standInPublic.delete("0.0.0.0");
    }
  });

  it("with the real predicate, the same 0.0.0.0 answer is refused at lookup, before connecting", async () => {
    const before = secret.connections;
    expect(await rejectionCode(fetchArticle(`http://rebound.example:${secret.port}/admin`, { lookup }))).toBe("refused_address");
    expect(secret.connections).toBe(before);
  });
});

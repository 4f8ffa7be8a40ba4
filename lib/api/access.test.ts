import { describe, expect, it } from "vitest";
import { bearerMatches, checkAccess, clientAddress, isLoopbackAddress, isLoopbackHost } from "./access";

const loopback = { peer: "127.0.0.1", forwardedFor: null, host: "localhost:3000", origin: null, authorization: null };

describe("loopback detection", () => {
  it("knows loopback addresses in every spelling, and nothing else", () => {
    for (const a of ["127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1", "[::1]"]) expect(isLoopbackAddress(a), a).toBe(true);
    for (const a of ["10.0.0.1", "192.168.1.2", "::ffff:10.0.0.1", "0.0.0.0", "", null, "localhost", "127.0.0.1.evil.example"]) expect(isLoopbackAddress(a), String(a)).toBe(false);
  });

  it("knows loopback host names with and without ports", () => {
    for (const h of ["localhost", "LOCALHOST:3000", "127.0.0.1:8080", "[::1]:3000", "api.localhost"]) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ["evil.example", "localhost.evil.example", "10.0.0.1:3000", "", null]) expect(isLoopbackHost(h), String(h)).toBe(false);
  });
});

describe("checkAccess in single-user mode", () => {
  it("answers loopback peers naming a loopback host", () => {
    expect(checkAccess(loopback, {})).toBeNull();
  });

  it("refuses other peers, unknown peers, foreign hosts and foreign origins", () => {
    expect(checkAccess({ ...loopback, peer: "192.168.1.20" }, {})?.code).toBe("forbidden");
    expect(checkAccess({ ...loopback, peer: null }, {})?.code).toBe("forbidden");
    expect(checkAccess({ ...loopback, host: "evil.example" }, {})?.code).toBe("forbidden");
    expect(checkAccess({ ...loopback, origin: "https://evil.example" }, {})?.code).toBe("forbidden");
    expect(checkAccess({ ...loopback, origin: "null" }, {})?.code).toBe("forbidden");
    expect(checkAccess({ ...loopback, origin: "http://localhost:3000" }, {})).toBeNull();
  });

  it("ignores x-forwarded-for unless a proxy is trusted, and then reads the hop the proxy appended", () => {
    expect(clientAddress({ ...loopback, forwardedFor: "203.0.113.9" }, {})).toBe("127.0.0.1");
    expect(checkAccess({ ...loopback, peer: "203.0.113.9", forwardedFor: "127.0.0.1" }, {})?.code).toBe("forbidden");
    expect(clientAddress({ ...loopback, forwardedFor: "127.0.0.1, 203.0.113.9" }, { trustProxy: true })).toBe("203.0.113.9");
    expect(checkAccess({ ...loopback, forwardedFor: "127.0.0.1, 203.0.113.9" }, { trustProxy: true })?.code).toBe("forbidden");
    expect(checkAccess({ ...loopback, forwardedFor: "203.0.113.9, 127.0.0.1", host: "claimline.example" }, { trustProxy: true })).toBeNull();
    // A remote peer cannot borrow the trust given to a local proxy.
    expect(clientAddress({ ...loopback, peer: "203.0.113.9", forwardedFor: "127.0.0.1" }, { trustProxy: true })).toBe("203.0.113.9");
  });
});

describe("token mode", () => {
  it("needs the exact bearer token, from anywhere", () => {
    const remote = { ...loopback, peer: "203.0.113.9", host: "claimline.example" };
    expect(checkAccess({ ...remote, authorization: "Bearer s3cret" }, { token: "s3cret" })).toBeNull();
    expect(checkAccess({ ...remote, authorization: "bearer s3cret" }, { token: "s3cret" })).toBeNull();
    for (const authorization of [null, "Bearer s3cre", "Bearer s3cret!", "s3cret", "Basic s3cret", "Bearer "]) {
      expect(checkAccess({ ...remote, authorization }, { token: "s3cret" })?.code, String(authorization)).toBe("unauthorized");
    }
    expect(bearerMatches("Bearer a", "a")).toBe(true);
  });
});

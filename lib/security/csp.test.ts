import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isEmbedPath } from "./csp";

const directives = (csp: string) => new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

describe("contentSecurityPolicy", () => {
  it("allows scripts only with the nonce, never inline or eval in production", () => {
    const csp = directives(contentSecurityPolicy({ nonce: "abc123", pathname: "/" }));
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'none'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(contentSecurityPolicy({ nonce: "n", pathname: "/", dev: true })).toContain("'unsafe-eval'");
  });

  it("lets only the embed route be framed", () => {
    expect(directives(contentSecurityPolicy({ nonce: "n", pathname: "/s/tok_en/embed" })).get("frame-ancestors")).toEqual(["*"]);
    expect(isEmbedPath("/s/abc/embed/")).toBe(true);
    for (const p of ["/s/abc", "/s/abc/embed/x", "/w/s/abc/embed", "/s//embed"]) expect(isEmbedPath(p)).toBe(false);
  });
});

describe("isDecodablePath", () => {
  it("refuses malformed percent-encoding and invalid UTF-8, accepts the rest", async () => {
    const { isDecodablePath } = await import("./path");
    for (const p of ["/w/%ZZ", "/w/%C0%AF", "/api/v1/workspaces/%E0%A4%A", "/a/%"]) expect(isDecodablePath(p)).toBe(false);
    for (const p of ["/", "/w/demo", "/w/%F0%9F%92%A9", "/api/v1/workspaces/%00", "/s/abc/embed"]) expect(isDecodablePath(p)).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { rawRequest } from "../../support/http";
import { type GetCtx } from "./context";

const json = { "content-type": "application/json" };

export function frameworkSuite(get: GetCtx) {
  describe("request gate", () => {
    it("refuses wrong content types (415), malformed and empty JSON (400)", async () => {
      const { api } = get();
      const form = await api("POST", "/api/v1/workspaces", { raw: "name=x", headers: { "content-type": "application/x-www-form-urlencoded" } });
      expect(form.status).toBe(415);
      expect(form.body.error.code).toBe("unsupported_type");
      expect((await api("POST", "/api/v1/workspaces", { raw: "{\"name\":", headers: json })).body.error).toEqual({ code: "bad_request", message: "The body is not valid JSON." });
      expect((await api("POST", "/api/v1/workspaces", { raw: "", headers: json })).status).toBe(400);
      expect((await api("POST", "/api/v1/workspaces", { raw: "[1,2]", headers: json })).status).toBe(400);
      expect((await api("POST", "/api/v1/workspaces", { raw: "{\"name\":\"Charset ok\"}", headers: { "content-type": "application/json; charset=utf-8" } })).status).toBe(201);
    });

    it("refuses bodies over the limit before parsing: declared, chunked, or lying about their length", async () => {
      const { server } = get();
      const big = Buffer.alloc(1024 * 1024 + 10, 0x20);
      const declared = await rawRequest(server.port, { method: "POST", path: "/api/v1/workspaces", headers: { ...json, "content-length": String(big.length) }, chunks: [big] });
      expect([413, -1]).toContain(declared.status);
      if (declared.status === 413) expect(declared.body.error.code).toBe("too_large");
      const chunked = await rawRequest(server.port, { method: "POST", path: "/api/v1/workspaces", headers: { ...json, "transfer-encoding": "chunked" }, chunks: Array.from({ length: 20 }, () => Buffer.alloc(64 * 1024, 0x20)) });
      expect(chunked.status).toBe(413);
      expect(chunked.body.error.message).toMatch(/larger than 1 MB/);
    });

    it("answers unknown API paths with 404 and never leaks a stack trace", async () => {
      const { api } = get();
      const res = await api("GET", "/api/v1/statements/12abc");
      expect(res.status).toBe(404);
      expect(res.text).not.toMatch(/at .*\.(js|ts):\d+/);
    });
  });

  describe("single-user access (loopback only)", () => {
    it("answers loopback and ignores forged peer and forwarding headers", async () => {
      const { api } = get();
      expect((await api("GET", "/api/v1/workspaces", { headers: { "x-claimline-peer": "203.0.113.9" } })).status).toBe(200);
      expect((await api("GET", "/api/v1/workspaces", { headers: { "x-forwarded-for": "203.0.113.9" } })).status).toBe(200);
    });

    it("refuses a Host that is not this machine (DNS rebinding) and other sites' origins", async () => {
      const { server, api } = get();
      const rebinding = await rawRequest(server.port, { method: "GET", path: "/api/v1/workspaces", headers: { host: `evil.example:${server.port}` } });
      expect(rebinding.status).toBe(403);
      expect(rebinding.body.error.code).toBe("forbidden");
      expect((await rawRequest(server.port, { method: "GET", path: "/api/v1/workspaces", headers: { host: `localhost:${server.port}` } })).status).toBe(200);
      expect((await api("POST", "/api/v1/workspaces", { body: { name: "csrf" }, headers: { origin: "https://evil.example" } })).status).toBe(403);
      expect((await api("GET", "/api/v1/workspaces", { headers: { origin: server.url } })).status).toBe(200);
    });
  });
}

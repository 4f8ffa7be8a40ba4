import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client } from "../support/http";
import { startServer, type TestServer } from "../support/server";
import type { Ctx } from "./cases/context";
import { articleSuite } from "./cases/articles";
import { frameworkSuite } from "./cases/framework";
import { linkAndFlagSuite } from "./cases/links-flags";
import { openApiSuite } from "./cases/openapi";
import { scenarioSuite } from "./cases/scenario";
import { statementSuite } from "./cases/statements";
import { workspaceSuite } from "./cases/workspaces";

// The HTTP API through real HTTP against one production server (built once
// into .next-api); the suites share it and each makes its own workspace.

let ctx: Ctx | null = null;
const get = () => {
  if (!ctx) throw new Error("The API test server did not start.");
  return ctx;
};

beforeAll(async () => {
  const server = await startServer();
  ctx = { server, api: client(server.url) };
}, 600_000);

afterAll(async () => {
  await ctx?.server.stop();
});

workspaceSuite(get);
articleSuite(get);
statementSuite(get);
linkAndFlagSuite(get);
frameworkSuite(get);
openApiSuite(get);
scenarioSuite(get);

describe("token mode (CLAIMLINE_API_TOKEN set)", () => {
  const token = "test-token-0123456789";
  let server: TestServer | null = null;
  beforeAll(async () => {
    server = await startServer({ env: { CLAIMLINE_API_TOKEN: token } });
  }, 600_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("refuses requests without the bearer token or with a wrong one (401), answers with it", async () => {
    const api = client(server!.url);
    const none = await api("GET", "/api/v1/workspaces");
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBe("Bearer");
    expect(none.body.error.code).toBe("unauthorized");
    expect((await api("GET", "/api/v1/workspaces", { headers: { authorization: `Bearer ${token}x` } })).status).toBe(401);
    expect((await api("GET", "/api/v1/workspaces", { headers: { authorization: token } })).status).toBe(401);
    const authed = client(server!.url, { authorization: `Bearer ${token}` });
    expect((await authed("GET", "/api/v1/workspaces")).status).toBe(200);
    expect((await authed("POST", "/api/v1/workspaces", { body: { name: "With a token" } })).status).toBe(201);
  });
});

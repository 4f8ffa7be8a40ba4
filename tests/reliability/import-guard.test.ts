import { chromium, type Browser } from "@playwright/test";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { client } from "../support/http";
import { startServer, type TestServer } from "../support/server";
import { tableChecksums } from "./support/db-check";

// URL import through the real form and the real server action, with
// IMPORT_ALLOW_PRIVATE_HOSTS unset: private, loopback, link-local and
// disguised addresses are refused and not one request reaches them (a local
// server counts), nothing is stored. An upload named .html but holding a
// binary is refused by the server (the browser's own check passes it).
// Size caps and type checks of the other uploads: upload-limits.test.ts.

let server: TestServer;
let target: http.Server;
let port = 0;
let browser: Browser;
const hits: string[] = [];
let slug = "";

beforeAll(async () => {
  target = http.createServer((req, res) => {
    hits.push(req.url ?? "");
    if (req.url === "/redirect") res.writeHead(302, { location: `http://127.0.0.1:${port}/page` }).end();
    else res.writeHead(200, { "content-type": "text/html" }).end("<html><head><title>Internal</title></head><body><article><p>Internal secrets that must never be imported.</p></article></body></html>");
  });
  await new Promise<void>((r) => target.listen(0, "127.0.0.1", () => r()));
  port = (target.address() as AddressInfo).port;
  server = await startServer({ env: { IMPORT_ALLOW_PRIVATE_HOSTS: "" } });
  slug = (await client(server.url)("POST", "/api/v1/workspaces", { body: { name: "Import guard" } })).body.slug;
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise((r) => target?.close(r));
});

it("refuses private, loopback, link-local and disguised addresses (a local redirector included) without connecting", async () => {
  const targets = [
    `http://127.0.0.1:${port}/page`, `http://localhost:${port}/page`, `http://[::1]:${port}/page`, `http://127.1:${port}/page`,
    `http://2130706433:${port}/page`, `http://0x7f000001:${port}/page`, `http://0.0.0.0:${port}/page`, `http://[::ffff:127.0.0.1]:${port}/page`,
    `http://127.0.0.1:${port}/redirect`, "http://10.0.0.1/", "http://172.16.0.1/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/",
    "http://[fe80::1]/", "http://[fd00::1]/", "http://100.64.0.1/",
  ];
  const before = tableChecksums(server.databasePath);
  const page = await browser.newPage();
  for (const url of targets) {
    await page.goto(`${server.url}/w/${slug}/articles/new`);
    await page.getByText("Web address", { exact: true }).click();
    await page.getByRole("textbox", { name: "Article URL" }).fill(url);
    await page.getByRole("button", { name: "Fetch" }).click();
    await page.getByText(/private or internal network/).waitFor({ timeout: 15_000 }).catch(() => {});
    const refused = await page.getByText(/private or internal network/).count();
    const preview = await page.getByRole("region", { name: "Preview" }).count();
    expect({ url, refused: refused > 0, preview }).toEqual({ url, refused: true, preview: 0 });
  }
  await page.close();
  console.log(`[import-guard] addresses refused: ${targets.length}, requests that reached the local target: ${hits.length}`);
  expect(hits).toEqual([]);
  expect(tableChecksums(server.databasePath)).toEqual(before);
}, 300_000);

it("refuses an upload named .html that holds a binary, on the server", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/w/${slug}/articles/new`);
  await page.getByText("HTML page", { exact: true }).click();
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.alloc(4096, 0)]);
  await page.getByLabel("Saved web page (.html)").setInputFiles({ name: "article.html", mimeType: "text/html", buffer: png });
  await page.getByRole("button", { name: "Extract" }).click();
  await expect(page.getByText(/binary file, not text or HTML/).waitFor({ timeout: 15_000 })).resolves.toBeUndefined();
  expect(await page.getByRole("region", { name: "Preview" }).count()).toBe(0);
  await page.close();
});

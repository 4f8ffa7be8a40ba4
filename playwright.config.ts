import { defineConfig, devices } from "@playwright/test";
import os from "node:os";
import path from "node:path";
// The config is evaluated again in every worker: choose the port and the
// throwaway database once, in the main process, and hand them down via env.
import { execFileSync } from "node:child_process";

function freePortSync(): number {
  const script = "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return Number(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }));
}

process.env.E2E_PORT ??= String(freePortSync());
process.env.E2E_DATABASE_PATH ??= path.join(os.tmpdir(), `claimline-e2e-${process.pid}-${Date.now()}`, "e2e.db");
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "reports/e2e.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"],
    },
  },
  projects: [{ name: "chromium" }],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: "pipe",
    env: {
      PORT: process.env.E2E_PORT,
      DATABASE_PATH: process.env.E2E_DATABASE_PATH,
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || ".next-e2e",
      IMPORT_ALLOW_PRIVATE_HOSTS: "1",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});

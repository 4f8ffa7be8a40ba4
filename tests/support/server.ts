import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

// A production Claimline server for HTTP tests: built once into .next-api
// (rebuilt only when a source is newer, as scripts/lib.mjs does), started with
// `next start` on a free loopback port and a throwaway database.

const root = path.resolve(__dirname, "../..");
const nextBin = path.join(root, "node_modules", ".bin", "next");
export const DIST_DIR = process.env.API_TEST_DIST_DIR || ".next-api";
const SOURCES = ["app", "components", "lib", "db", "public", "instrumentation.ts", "next.config.js", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];

function newest(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(p).map((name) => newest(path.join(p, name))));
}

export function ensureBuild(distDir = DIST_DIR) {
  const buildId = path.join(root, distDir, "BUILD_ID");
  const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  if (built > Math.max(...SOURCES.map((s) => newest(path.join(root, s))))) return;
  const result = spawnSync(nextBin, ["build"], {
    cwd: root, encoding: "utf8", env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error(`next build failed:\n${result.stdout}\n${result.stderr}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

export interface TestServer {
  url: string;
  port: number;
  databasePath: string;
  /** Everything the server printed, for asserting on log lines. */
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts `next start` and resolves once /api/health answers (the database is open and migrated). */
export async function startServer({ env = {}, hostname = "127.0.0.1" }: { env?: Record<string, string>; hostname?: string } = {}): Promise<TestServer> {
  ensureBuild();
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimline-api-"));
  const databasePath = path.join(dir, "api.db");
  let output = "";
  const child: ChildProcess = spawn(nextBin, ["start", "--port", String(port), "--hostname", hostname], {
    cwd: root, stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, DATABASE_PATH: databasePath, NEXT_TELEMETRY_DISABLED: "1", CLAIMLINE_API_TOKEN: "", ...env },
  });
  child.stdout?.on("data", (c) => { output += c; });
  child.stderr?.on("data", (c) => { output += c; });
  const url = `http://127.0.0.1:${port}`;
  const headers = env.CLAIMLINE_API_TOKEN ? { authorization: `Bearer ${env.CLAIMLINE_API_TOKEN}` } : undefined;
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`, { headers });
      if (res.ok) break;
    } catch { /* not listening yet */ }
    if (attempt > 600) throw new Error(`The server did not become healthy:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const stop = () => new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => {
      fs.rmSync(dir, { recursive: true, force: true });
      resolve();
    });
    child.kill("SIGTERM");
  });
  return { url, port, databasePath, output: () => output, stop };
}

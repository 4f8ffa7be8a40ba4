import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { ROOT } from "./static-server";

export const DIST_DIR = ".next-bench";

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Builds the production bundle into .next-bench unless it is newer than every source (the same rule as npm start). */
export async function ensureAppBuild() {
  const libPath = path.join(ROOT, "scripts", "lib.mjs");
  const lib = (await import(libPath)) as { ensureBuild(distDir: string, opts?: { typecheck?: boolean }): void };
  lib.ensureBuild(DIST_DIR, { typecheck: false });
}

/**
 * The headers Claimline's server sends with every page (next.config.js, source "/:path*"), for pages the
 * bench serves itself and compares with Claimline's: Cross-Origin-Opener-Policy alone makes Chromium start
 * a fresh renderer process for the navigation, which a page without it does not pay. The per-request CSP
 * (proxy.ts) is left out: it would block the peers' inline scripts, and costs a script-free page nothing.
 */
export async function appPageHeaders(): Promise<Record<string, string>> {
  const config = ((await import(path.join(ROOT, "next.config.js"))) as { default: { headers?: () => Promise<{ source: string; headers: { key: string; value: string }[] }[]> } }).default;
  const rules = (await config.headers?.()) ?? [];
  return Object.fromEntries(rules.filter((r) => r.source === "/:path*").flatMap((r) => r.headers.map((h) => [h.key.toLowerCase(), h.value])));
}

/** `next start` on a free port over the bench database; the pid is the server's own (for RSS). */
export class AppServer {
  private constructor(readonly url: string, readonly proc: ChildProcess) {}

  get pid(): number {
    return this.proc.pid!;
  }

  static async start(databasePath: string): Promise<AppServer> {
    await ensureAppBuild();
    const port = await freePort();
    const proc = spawn(path.join(ROOT, "node_modules", ".bin", "next"), ["start", "--port", String(port), "--hostname", "127.0.0.1"], {
      cwd: ROOT, stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, DATABASE_PATH: databasePath, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    });
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (proc.exitCode !== null) throw new Error(`next start exited with ${proc.exitCode}`);
      try {
        if ((await fetch(`${url}/api/health`)).ok) return new AppServer(url, proc);
      } catch { /* not listening yet */ }
      await new Promise((r) => setTimeout(r, 200));
    }
    proc.kill();
    throw new Error("next start did not answer /api/health within 60 s");
  }

  /** Whether a route exists in this build (anything but 404/405 counts). */
  async has(pathname: string, init?: RequestInit): Promise<boolean> {
    const res = await fetch(this.url + pathname, init);
    await res.arrayBuffer();
    return res.status !== 404 && res.status !== 405;
  }

  async stop() {
    if (this.proc.exitCode !== null) return;
    const exited = new Promise((resolve) => this.proc.once("exit", resolve));
    this.proc.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (this.proc.exitCode === null) this.proc.kill("SIGKILL");
  }
}

/** Peak resident memory (VmHWM, KB) of a process and its children, from /proc. */
export function peakRssKb(pid: number): number {
  let total = 0;
  const visit = (p: number) => {
    try {
      const status = fs.readFileSync(`/proc/${p}/status`, "utf8");
      total += Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      for (const task of fs.readdirSync(`/proc/${p}/task`)) {
        const children = fs.readFileSync(`/proc/${p}/task/${task}/children`, "utf8").trim();
        for (const c of children ? children.split(/\s+/) : []) visit(Number(c));
      }
    } catch { /* the process ended */ }
  };
  visit(pid);
  return total;
}

/** Current resident memory (VmRSS, KB) of a process and its children. */
export function rssKb(pid: number): number {
  let total = 0;
  const visit = (p: number) => {
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
      for (const task of fs.readdirSync(`/proc/${p}/task`)) {
        const children = fs.readFileSync(`/proc/${p}/task/${task}/children`, "utf8").trim();
        for (const c of children ? children.split(/\s+/) : []) visit(Number(c));
      }
    } catch { /* the process ended */ }
  };
  visit(pid);
  return total;
}

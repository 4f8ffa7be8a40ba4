import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import net from "node:net";
import path from "node:path";

const root = path.resolve(__dirname, "..");
const run = (cmd: string, args: string[], env: Record<string, string>) =>
  spawnSync(cmd, args, { cwd: root, env: { ...process.env, ...env }, encoding: "utf8", timeout: 60_000 });

describe("bad configuration ends in one clear line, not a stack trace", () => {
  it("an unwritable DATABASE_PATH", () => {
    for (const bad of ["/proc/claimline-nope/x.db", "/etc/hostname/x.db"]) {
      const r = run(path.join(root, "node_modules/.bin/tsx"), ["scripts/prepare-db.ts"], { DATABASE_PATH: bad });
      expect(r.status).toBe(1);
      const lines = r.stderr.trim().split("\n").filter((l) => !l.startsWith("npm warn"));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^claimline: Cannot open the database at .*Set DATABASE_PATH to a writable file\.$/);
    }
  });

  it("a port in use", async () => {
    const server = net.createServer().listen(0, "0.0.0.0");
    await new Promise((r) => server.once("listening", r));
    const port = (server.address() as net.AddressInfo).port;
    try {
      const r = run(process.execPath, ["scripts/start.mjs"], { PORT: String(port) });
      expect(r.status).toBe(1);
      expect(r.stderr.trim()).toMatch(new RegExp(`Port ${port} is already in use\\. .*PORT=3001 npm start$`));
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      server.close();
    }
  });
});

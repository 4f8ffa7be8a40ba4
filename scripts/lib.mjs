// Shared set-up steps for `npm start`, `npm test` and the e2e server. Plain
// Node with no dependencies: these run before node_modules exists.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const bin = (name) => path.join(root, "node_modules", ".bin", name);

export function log(message) {
  process.stdout.write(`\x1b[2m[claimline]\x1b[0m ${message}\n`);
}

/** One clear line and a non-zero exit, for problems the person can fix. */
export function fail(message, code = 1) {
  process.stderr.write(`\x1b[31mclaimline:\x1b[0m ${message}\n`);
  process.exit(code);
}

export function run(cmd, args, opts = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: "inherit", ...opts, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...opts.env } });
  return result.status ?? 1;
}

function mtime(file) {
  try { return fs.statSync(file).mtimeMs; } catch { return 0; }
}

/** Installs dependencies when node_modules is missing or older than the lockfile. */
export function ensureDependencies() {
  const installed = path.join(root, "node_modules", ".package-lock.json");
  const lock = path.join(root, "package-lock.json");
  if (fs.existsSync(installed) && mtime(installed) >= mtime(lock) && fs.existsSync(bin("next"))) return;
  log("Installing dependencies (the first time takes a few minutes: better-sqlite3 compiles from source)…");
  const env = {};
  // node-gyp needs Node's headers; Debian's nodejs keeps them under /usr.
  if (!process.env.npm_config_nodedir && fs.existsSync("/usr/include/node/node.h")) env.npm_config_nodedir = "/usr";
  env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = "1";
  const status = run("npm", ["ci", "--no-audit", "--no-fund"], { env });
  if (status !== 0) fail("npm ci failed; see the output above.");
}

const SOURCE_DIRS = ["app", "components", "lib", "db", "public"];
function newestSource(dir) {
  let newest = 0;
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else newest = Math.max(newest, mtime(p));
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return newest;
}

/**
 * Builds the production bundle into `distDir` unless it is newer than every source file. `typecheck: false` skips
 * Next's own type check (~22 s here) for builds whose sources `tsc --noEmit` checks anyway: `npm test` runs it
 * before the e2e build, and the benchmarks measure commits that check has passed.
 */
export function ensureBuild(distDir = ".next", { typecheck = true } = {}) {
  const buildId = path.join(root, distDir, "BUILD_ID");
  const sources = Math.max(
    ...SOURCE_DIRS.map((d) => newestSource(path.join(root, d))),
    ...["next.config.js", "proxy.ts", "instrumentation.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json"].map((f) => mtime(path.join(root, f))),
  );
  if (mtime(buildId) > sources) return;
  log(`Building the app (${distDir})…`);
  const status = run(bin("next"), ["build"], { env: { NEXT_DIST_DIR: distDir, ...(typecheck ? {} : { CLAIMLINE_BUILD_TYPECHECK: "off" }) } });
  if (status !== 0) fail("The build failed; see the output above.");
}

export function portIsFree(port, host = "0.0.0.0") {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/** Migrates the database and seeds the demo once; a bad DATABASE_PATH ends in one line. */
export function prepareDatabase(env = {}) {
  const status = run(bin("tsx"), ["scripts/prepare-db.ts"], { env });
  if (status !== 0) process.exit(status);
}

/** Installs a Debian package when its program is missing and we are root; otherwise says what to install, in one line. */
export function ensureDebianPackage(program, pkg, purpose) {
  if (fs.existsSync(program)) return;
  if (process.getuid?.() !== 0) {
    fail(`${program} is missing (needed for ${purpose}). Install Debian's package (sudo apt-get install -y ${pkg}), then try again.`);
  }
  log(`Installing Debian's ${pkg} for ${purpose}…`);
  const env = { DEBIAN_FRONTEND: "noninteractive" };
  if (run("apt-get", ["update", "-qq"], { env }) !== 0 || run("apt-get", ["install", "-y", "-qq", pkg], { env }) !== 0) {
    fail(`apt-get could not install ${pkg}; see the output above.`);
  }
}

/** Debian's chromium for Playwright and the benchmarks (CHROMIUM_PATH points elsewhere when it lives elsewhere). */
export function ensureChromium() {
  ensureDebianPackage(process.env.CHROMIUM_PATH || "/usr/bin/chromium", "chromium", "the browser tests; or set CHROMIUM_PATH");
}

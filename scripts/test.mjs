// `npm test`: install what is missing (Debian's chromium included), then
// typecheck, lint, unit tests and end-to-end tests against a production
// build; ends with one "N passed, N failed" line.
import fs from "node:fs";
import path from "node:path";
import { bin, ensureDependencies, fail, log, root, run } from "./lib.mjs";
import { summarize } from "./summarize.mjs";

ensureDependencies();
ensureChromium();

const reports = path.join(root, "reports");
fs.rmSync(reports, { recursive: true, force: true });
fs.mkdirSync(reports, { recursive: true });

const steps = [
  { name: "typecheck", cmd: bin("tsc"), args: ["--noEmit"] },
  { name: "lint", cmd: bin("eslint"), args: ["--max-warnings=0", "."] },
  { name: "unit", cmd: bin("vitest"), args: ["run"], env: { CI_REPORT: "1" } },
  { name: "e2e", cmd: bin("playwright"), args: ["test"], env: { CI: process.env.CI ?? "1" } },
];
const failedSteps = [];
for (const step of steps) {
  log(`── ${step.name} ──`);
  const started = Date.now();
  const status = run(step.cmd, step.args, { env: step.env ?? {} });
  log(`${step.name} ${status === 0 ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (status !== 0) failedSteps.push(step.name);
}
process.exit(summarize({ failedSteps }) ? 0 : 1);

function ensureChromium() {
  const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  if (fs.existsSync(chromium)) return;
  if (process.getuid?.() !== 0) {
    fail(`Chromium is missing at ${chromium}. Install Debian's package (sudo apt-get install -y chromium) or set CHROMIUM_PATH, then run npm test again.`);
  }
  log("Installing Debian's chromium for the end-to-end tests…");
  const env = { DEBIAN_FRONTEND: "noninteractive" };
  if (run("apt-get", ["update", "-qq"], { env }) !== 0 || run("apt-get", ["install", "-y", "-qq", "chromium"], { env }) !== 0) {
    fail("apt-get could not install chromium; see the output above.");
  }
}

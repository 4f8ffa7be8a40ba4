// `npm test`: install what is missing (Debian's chromium included), then
// typecheck, lint, unit tests and end-to-end tests against a production
// build; ends with one "N passed, N failed" line.
import fs from "node:fs";
import path from "node:path";
import { bin, ensureChromium, ensureDependencies, log, root, run } from "./lib.mjs";
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

// Sums the test runners' JSON reports into one closing line that CI reads:
// "N passed, N failed". A missing report or a failed step counts as failure.
import fs from "node:fs";
import path from "node:path";
import { root } from "./lib.mjs";

function readJson(file) {
  try { return JSON.parse(fs.readFileSync(path.join(root, "reports", file), "utf8")); } catch { return null; }
}

export function summarize({ failedSteps = [] } = {}) {
  let passed = 0;
  let failed = 0;
  const problems = [];
  const unit = readJson("unit.json");
  if (unit) {
    passed += unit.numPassedTests ?? 0;
    failed += (unit.numFailedTests ?? 0) + (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
    if (!unit.numTotalTests) problems.push("the unit tests ran no test");
  } else problems.push("no unit test report (reports/unit.json)");
  const e2e = readJson("e2e.json");
  if (e2e?.stats) {
    passed += (e2e.stats.expected ?? 0) + (e2e.stats.flaky ?? 0);
    failed += (e2e.stats.unexpected ?? 0) + (e2e.stats.skipped ?? 0);
    if (!e2e.stats.expected && !e2e.stats.flaky) problems.push("the end-to-end tests ran no test");
    if (e2e.stats.flaky) problems.push(`${e2e.stats.flaky} end-to-end test(s) passed only on retry`);
  } else problems.push("no end-to-end report (reports/e2e.json)");
  for (const step of failedSteps) problems.push(`step failed: ${step}`);
  for (const p of problems) console.log(`[claimline] ${p}`);
  const ok = failed === 0 && failedSteps.length === 0 && unit && e2e?.stats && !problems.some((p) => p.startsWith("no ") || p.includes("ran no test"));
  console.log(`Tests: ${passed} passed, ${failed} failed`);
  return Boolean(ok);
}

import { flagInput } from "../bench/benchmarks/flags";
import { computeFlags } from "@/lib/flags/engine";
import { detectStanceShifts } from "@/lib/flags/stance-shift";
const input = flagInput();
for (let i = 0; i < 8; i++) {
  let t = performance.now(); const f = computeFlags(input); const all = performance.now() - t;
  t = performance.now(); const s = detectStanceShifts(input.statements); const shifts = performance.now() - t;
  console.log(`all ${all.toFixed(0)} ms (${f.length}), shifts ${shifts.toFixed(0)} ms (${s.length})`);
}

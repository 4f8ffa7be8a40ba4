import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config";

// `npm run test:stress` (STRESS=1): the reliability suite's long variants —
// more writers and acknowledged writes before the kill, every hostile value
// in every field, hundreds of random requests per route. One file at a time:
// they start production servers and measure nothing but correctness.
const config = mergeConfig(base, defineConfig({
  test: { fileParallelism: false, testTimeout: 1_800_000, hookTimeout: 600_000 },
}));
// mergeConfig concatenates arrays; the stress run includes the reliability suite only.
config.test!.include = ["tests/reliability/**/*.test.ts"];
export default config;

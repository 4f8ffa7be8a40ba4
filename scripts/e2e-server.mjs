// The server Playwright tests run against: a production build on a free port
// with a throwaway database (both chosen by playwright.config.ts).
import { spawn } from "node:child_process";
import { bin, ensureBuild, prepareDatabase, root } from "./lib.mjs";

const distDir = process.env.NEXT_DIST_DIR || ".next-e2e";
// `npm test` type-checks before this build; `tsc --noEmit` is the check, not a second one inside it.
ensureBuild(distDir, { typecheck: false });
prepareDatabase();
const server = spawn(bin("next"), ["start", "--port", process.env.PORT, "--hostname", "127.0.0.1"], { cwd: root, stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

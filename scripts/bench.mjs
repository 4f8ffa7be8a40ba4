// `npm run bench`: install what is missing (dependencies, Debian's chromium,
// the sqlite3 shell and GNU time the export baseline uses), then run every
// benchmark (bench/run.ts; see bench/README.md).
import { bin, ensureChromium, ensureDebianPackage, ensureDependencies, run } from "./lib.mjs";

ensureDependencies();
ensureChromium();
ensureDebianPackage("/usr/bin/sqlite3", "sqlite3", "the export benchmark's baseline");
ensureDebianPackage("/usr/bin/time", "time", "the export benchmark's memory figure");
// --expose-gc: benchmarks that time work in this process collect the heap before each repetition.
process.exit(run(bin("tsx"), ["--expose-gc", "bench/run.ts"]));

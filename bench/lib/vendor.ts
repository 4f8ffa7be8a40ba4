import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./static-server";

const SELECTOR = "@apache-annotator/selector";
const SELECTOR_VERSION = "0.2.0";

/**
 * @apache-annotator/dom 0.2.0 imports @apache-annotator/selector but lists it
 * only as a devDependency, so `npm ci` does not install it. Until it is added
 * to package.json, fetch that one tarball with npm's own client into
 * bench/.cache (git-ignored) and point esbuild at it.
 */
export function apacheSelectorAlias(): Record<string, string> {
  try {
    require.resolve(`${SELECTOR}/package.json`, { paths: [ROOT] });
    return {};
  } catch { /* not installed: use the cached copy */ }
  const cache = path.join(ROOT, "bench", ".cache");
  const dir = path.join(cache, `apache-annotator-selector-${SELECTOR_VERSION}`);
  if (!fs.existsSync(path.join(dir, "package.json"))) {
    fs.mkdirSync(dir, { recursive: true });
    const tgz = execFileSync("npm", ["pack", `${SELECTOR}@${SELECTOR_VERSION}`, "--silent", "--pack-destination", cache], { cwd: cache, encoding: "utf8" }).trim().split("\n").pop()!;
    execFileSync("tar", ["-xzf", path.join(cache, tgz), "-C", dir, "--strip-components=1"]);
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { module?: string; main?: string };
  return { [SELECTOR]: path.join(dir, pkg.module ?? pkg.main ?? "index.js") };
}

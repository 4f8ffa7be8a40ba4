import { execFile } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { CHROMIUM, CHROMIUM_ARGS } from "./browser";
import { ROOT } from "./static-server";

export const LIGHTHOUSE_VERSION = "12.2.3";

export interface LighthouseReport {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { score: number | null; numericValue?: number; displayValue?: string }>;
}

type RunnerResult = { lhr: LighthouseReport } | undefined;
type LighthouseFn = (url: string, flags: Record<string, unknown>, config?: unknown) => Promise<RunnerResult>;

/** Audits with no weight in any score that cost seconds a run: screenshots and the back/forward-cache probe (a second navigation). */
const UNSCORED_SLOW_AUDITS = ["full-page-screenshot", "screenshot-thumbnails", "final-screenshot", "bf-cache"];

function npx(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => execFile("npx", args, { cwd: ROOT, timeout: 300_000 }, (error, out) => (error ? reject(error) : resolve(out.trim()))));
}

/**
 * Lighthouse, pinned, from npx's cache (fetched from the npm registry the first time) rather than a dev dependency
 * that every `npm test` would install. Driven through its Node API in this process, with one Chromium for every run:
 * a CLI run per repetition spent ~6 s of its ~16 starting Node, loading Lighthouse and launching the browser.
 */
export class LighthouseRunner {
  private constructor(private readonly lighthouse: LighthouseFn, private readonly desktopConfig: unknown,
    private readonly chrome: { port: number; kill(): void }) {}

  /** The runner, or why Lighthouse cannot be fetched (the benchmark then says so and the others still run). */
  static async start(): Promise<LighthouseRunner | string> {
    let bin: string;
    try {
      const [version, where] = (await npx(["-y", "-p", `lighthouse@${LIGHTHOUSE_VERSION}`, "-c", "lighthouse --version && command -v lighthouse"])).split("\n");
      if (version !== LIGHTHOUSE_VERSION) return `unexpected lighthouse version ${version}`;
      bin = where;
    } catch (error) {
      return `npx could not fetch lighthouse@${LIGHTHOUSE_VERSION}: ${(error as Error).message.split("\n")[0]}`;
    }
    // .bin/lighthouse → lighthouse/cli/index.js; the package root is two levels up.
    const root = path.resolve(fs.realpathSync(bin), "../..");
    const load = (file: string) => import(pathToFileURL(file).href);
    const core = await load(path.join(root, "core/index.js"));
    const launcher = await load(createRequire(path.join(root, "package.json")).resolve("chrome-launcher"));
    // The flags the CLI run used to get through --chrome-flags (chrome-launcher adds its own defaults to both).
    const chrome = await launcher.launch({ chromePath: CHROMIUM, chromeFlags: ["--headless=new", ...CHROMIUM_ARGS] });
    return new LighthouseRunner(core.default as LighthouseFn, core.desktopConfig, chrome);
  }

  /** One Lighthouse run in a new tab of the shared browser (Lighthouse clears the origin's storage and the cache first). */
  async run(url: string, preset: "mobile" | "desktop", categories: readonly string[]): Promise<LighthouseReport> {
    const flags = { port: this.chrome.port, output: "json", logLevel: "error", onlyCategories: [...categories], skipAudits: UNSCORED_SLOW_AUDITS };
    const result = await this.lighthouse(url, flags, preset === "desktop" ? this.desktopConfig : undefined);
    if (!result) throw new Error(`lighthouse returned no result for ${url} (${preset})`);
    return result.lhr;
  }

  close() {
    this.chrome.kill();
  }
}

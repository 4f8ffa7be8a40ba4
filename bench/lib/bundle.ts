import { build } from "esbuild";
import path from "node:path";
import { ROOT } from "./static-server";
import { apacheSelectorAlias } from "./vendor";

/**
 * Bundles a browser entry (bench page code, peers, Claimline's own
 * lib/anchoring code) with esbuild into one IIFE plus its CSS. Minified
 * like a production build, so no contender pays for development code.
 */
export async function bundle(entry: string, define: Record<string, string> = {}): Promise<{ js: string; css: string }> {
  const result = await build({
    entryPoints: [path.join(ROOT, entry)],
    bundle: true,
    write: false,
    minify: true,
    format: "iife",
    target: "chrome120",
    outdir: "out",
    alias: { "@": ROOT, ...apacheSelectorAlias() },
    define: { "process.env.NODE_ENV": '"production"', ...define },
    logLevel: "silent",
  });
  const js = result.outputFiles.find((f) => f.path.endsWith(".js"))?.text ?? "";
  const css = result.outputFiles.find((f) => f.path.endsWith(".css"))?.text ?? "";
  return { js, css };
}

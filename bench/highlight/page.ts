// Browser code: the page harness. Holds the pristine article, resets it
// between repetitions and times one contender from "data available" to
// "highlights painted" (next animation frame plus a forced layout read, the
// same for every contender, so CSS highlights cannot hide deferred work).
import type { Anchor } from "../lib/article";
import { apacheAnnotator, naiveMarks, recogito, type Contender } from "./contenders";

declare global {
  interface Window {
    benchContenders: Record<string, Contender>;
    bench: { run(name: string, size: number, limit?: number): Promise<number> };
    gc?: () => void;
  }
}

window.benchContenders = { ...(window.benchContenders ?? {}), naive: naiveMarks, apache: apacheAnnotator, recogito };

const container = document.getElementById("article")!;
const pristine = container.innerHTML;
const loaded = new Map<number, Anchor[]>();

async function anchorsFor(size: number): Promise<Anchor[]> {
  if (!loaded.has(size)) loaded.set(size, await (await fetch(`/data/anchors-${size}.json`)).json());
  return loaded.get(size)!;
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** `limit` thins the set evenly (for a light warm-up of a slow contender); the timed runs use all of it. */
async function run(name: string, size: number, limit = Infinity): Promise<number> {
  const all = await anchorsFor(size);
  const step = Math.ceil(all.length / Math.min(limit, all.length));
  const subset = step > 1 ? all.filter((_, i) => i % step === 0) : all;
  const contender = window.benchContenders[name];
  if (!contender) throw new Error(`No contender "${name}" on this page.`);
  container.innerHTML = pristine;
  CSS.highlights.clear();
  window.gc?.();
  await frame();
  await frame();
  // Data is already parsed: the clock starts when a reader would hand it over.
  const t0 = performance.now();
  const cleanup = await contender(container, subset);
  await frame();
  void document.body.offsetHeight;
  const elapsed = performance.now() - t0;
  cleanup();
  return elapsed;
}

window.bench = { run };

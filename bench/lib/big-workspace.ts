import type { BenchContext } from "./context";
import { generateDataset } from "./datasets";

export const BIG_SLUG = "bench-100k";

/** 100,000 statements and 50,000 links (20 speakers, 10 topics) shared by the search and export benchmarks. */
export function bigWorkspace(ctx: BenchContext) {
  return ctx.db().workspace(BIG_SLUG, () => {
    ctx.log("seeding 100,000 statements and 50,000 links (one transaction; the FTS triggers run for every row)…");
    return generateDataset({ count: 100_000, speakers: 20, topics: 10, links: 50_000, seed: 100 });
  });
}

import { createRequire } from "node:module";

/** The part of autocannon's result the bench reads (the package ships no types). */
export interface LoadResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodeStats?: Record<string, { count: number }>;
}

interface LoadOptions {
  url: string;
  connections: number;
  duration: number;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
}

const autocannon = createRequire(__filename)("autocannon") as (opts: LoadOptions, cb: (err: Error | null, result: LoadResult) => void) => unknown;

export function load(opts: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => autocannon({ ...opts }, (err, result) => (err ? reject(err) : resolve(result))));
}

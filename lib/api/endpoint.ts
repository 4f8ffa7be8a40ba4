import type { z } from "zod";

export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE";

/**
 * One endpoint's contract. The route wrapper validates with these schemas
 * and shapes the answer with `response`; the OpenAPI document and the
 * /api-docs page are generated from the same objects, so they cannot drift.
 */
export interface Endpoint<
  P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType,
> {
  id: string;
  method: HttpMethod;
  /** OpenAPI path under /api/v1, e.g. "/workspaces/{slug}". */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  params?: P;
  query?: Q;
  body?: B;
  /** Bytes; bodies over this are refused with 413 before parsing. Default 1 MB. */
  maxBody?: number;
  status?: 200 | 201 | 204;
  response: R;
  /** What `response` holds, for docs: e.g. "application/json" (the default) or "text/csv". */
  contentType?: string;
  /** An example request body for the reference page and docs/api.md. */
  example?: unknown;
  /** Example query string for the reference page. */
  exampleQuery?: string;
}

export const DEFAULT_MAX_BODY = 1024 * 1024;
export const IMPORT_MAX_BODY = 5 * 1024 * 1024;

export function endpoint<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(e: Endpoint<P, Q, B, R>) {
  return e;
}

import "server-only";
import { z } from "zod";
import { AppError, fromSqliteError } from "@/db/errors";
import { getRequestContext, type RequestContext } from "@/app/_server/context";
import { checkAccess, PEER_HEADER } from "@/lib/api/access";
import { DEFAULT_MAX_BODY, type Endpoint } from "@/lib/api/endpoint";
import { BodyTooLargeError, readBodyCapped } from "@/lib/api/read-body";
import { firstIssue } from "@/lib/validation/common";

export interface HandlerArgs<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  params: z.output<P>;
  query: z.output<Q>;
  body: z.output<B>;
  ctx: RequestContext;
  request: Request;
}

type NextContext = { params: Promise<Record<string, string | string[]>> };

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * The one gate every /api/v1 route goes through, in this order: access
 * (loopback or bearer token), path params, query, content type, body size
 * (counted while reading, before parsing), JSON, schema; then the handler,
 * whose result is shaped by the endpoint's response schema. Every failure
 * becomes `{ error: { code, message, field } }` with its status.
 */
export function route<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  spec: Endpoint<P, Q, B, R>,
  handler: (args: HandlerArgs<P, Q, B>) => z.input<R> | Promise<z.input<R>>,
) {
  return async (request: Request, context: NextContext): Promise<Response> => {
    try {
      const refusal = checkAccess({
        peer: request.headers.get(PEER_HEADER),
        forwardedFor: request.headers.get("x-forwarded-for"),
        host: request.headers.get("host"),
        origin: request.headers.get("origin"),
        authorization: request.headers.get("authorization"),
      }, { token: process.env.CLAIMLINE_API_TOKEN || undefined, trustProxy: process.env.CLAIMLINE_TRUST_PROXY === "1" });
      if (refusal) {
        return errorResponse(new AppError(refusal.code, refusal.message), refusal.code === "unauthorized" ? { "WWW-Authenticate": "Bearer" } : undefined);
      }
      const params = spec.params ? parseParams(spec.params, await context.params) : undefined;
      const query = parseQuery(spec.query, new URL(request.url).searchParams);
      const body = spec.body ? parseWith(spec.body, await readJson(request, spec.maxBody ?? DEFAULT_MAX_BODY)) : undefined;
      const result = await handler({ params, query, body, ctx: getRequestContext(), request } as HandlerArgs<P, Q, B>);
      if (spec.status === 204) return new Response(null, { status: 204 });
      return Response.json(spec.response.parse(result), { status: spec.status ?? 200 });
    } catch (error) {
      return errorResponse(toAppError(error, request));
    }
  };
}

async function readJson(request: Request, limit: number): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!JSON_TYPE.test(type)) throw new AppError("unsupported_type", "Send the body as JSON with Content-Type: application/json.");
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw new BodyTooLargeError(limit);
  const text = await readBodyCapped(request.body, limit);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", text.trim() ? "The body is not valid JSON." : "The body is empty; send a JSON object.");
  }
}

/** Query parameters by the endpoint's schema; an endpoint without one takes none. */
function parseQuery<S extends z.ZodType>(schema: S | undefined, search: URLSearchParams): z.output<S> | undefined {
  if (schema) return parseWith(schema, Object.fromEntries(search));
  const first = search.keys().next();
  if (!first.done) throw new AppError("bad_request", `Unknown query parameter: ${first.value}.`, first.value);
  return undefined;
}

/** Path params that do not fit name nothing that exists. */
function parseParams<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError("not_found", "Nothing exists at that address.", firstIssue(parsed.error).field);
  return parsed.data;
}

function parseWith<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  // Unknown fields and wrong JSON types are malformed requests (400); values
  // of the right type that the rules refuse are semantically invalid (422).
  const malformed = issue?.code === "unrecognized_keys" || issue?.code === "invalid_type";
  throw new AppError(malformed ? "bad_request" : "invalid", firstIssue(parsed.error).message, firstIssue(parsed.error).field);
}

function toAppError(error: unknown, request: Request): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof BodyTooLargeError) return new AppError("too_large", error.message);
  const sqlite = fromSqliteError(error);
  // A constraint the validation did not foresee: the request conflicts with what is stored.
  if (sqlite) return new AppError("conflict", sqlite.message);
  console.error(`[claimline] ${request.method} ${new URL(request.url).pathname} failed:`, error);
  return new AppError("internal", "Something went wrong on our side; nothing was saved.");
}

function errorResponse(error: AppError, headers?: Record<string, string>): Response {
  return Response.json({ error: error.toJSON() }, { status: error.status, headers });
}

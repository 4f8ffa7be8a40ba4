import { z } from "zod";
import type { Endpoint } from "./endpoint";
import { DEFAULT_MAX_BODY } from "./endpoint";
import { errorBody } from "./schemas";
import { formatBytes } from "./read-body";

type JsonSchema = Record<string, unknown>;
type Components = Record<string, JsonSchema>;

const ERROR_RESPONSES: Record<string, string> = {
  400: "Malformed: not JSON, a wrong type, a missing or unknown field, or a bad cursor.",
  401: "Token mode: the bearer token is missing or wrong.",
  403: "Single-user mode: the request did not come from this machine.",
  404: "The workspace or resource does not exist.",
  409: "Conflicts with what is stored (a duplicate).",
  413: "The body is larger than the endpoint accepts.",
  415: "The body is not application/json.",
  422: "Well formed but not acceptable (a value out of range, an ambiguous quote…).",
  500: "Something failed on the server; nothing was saved.",
};

/**
 * zod puts schemas that carry an id into `$defs` with `#/$defs/…` refs, which
 * would point at the OpenAPI document's root; move them to components.
 */
function toComponentSchema(schema: z.ZodType, io: "input" | "output", components: Components): JsonSchema {
  const json = z.toJSONSchema(schema, { io, target: "draft-2020-12", unrepresentable: "any" }) as JsonSchema;
  const { $schema: _s, $defs, ...rest } = json as JsonSchema & { $defs?: Components };
  for (const [name, def] of Object.entries($defs ?? {})) components[name] ??= rewriteRefs(def) as JsonSchema;
  return rewriteRefs(rest) as JsonSchema;
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [
    k, k === "$ref" && typeof v === "string" ? v.replace(/^#\/\$defs\//, "#/components/schemas/") : rewriteRefs(v),
  ]));
}

function parametersOf(e: Endpoint, components: Components) {
  const out: JsonSchema[] = [];
  for (const [where, schema] of [["path", e.params], ["query", e.query]] as const) {
    if (!schema) continue;
    const json = toComponentSchema(schema, "input", components) as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, prop] of Object.entries(json.properties ?? {})) {
      const { description, ...rest } = prop;
      out.push({
        name, in: where, required: where === "path" || (json.required ?? []).includes(name) && !("default" in prop),
        ...(description ? { description } : {}), schema: rest,
      });
    }
  }
  return out;
}

function errorCodes(e: Endpoint): string[] {
  const codes = ["400", "401", "403"];
  if (e.params) codes.push("404");
  if (e.body) codes.push("409", "413", "415", "422");
  else if (e.method !== "GET") codes.push("409");
  if (!e.body && e.query) codes.push("422");
  codes.push("500");
  return [...new Set(codes)].sort();
}

export function operationOf(e: Endpoint, components: Components) {
  const status = String(e.status ?? 200);
  const success = status === "204"
    ? { description: "Done; no content." }
    : { description: "OK", content: { [e.contentType ?? "application/json"]: { schema: toComponentSchema(e.response, "output", components) } } };
  return {
    operationId: e.id,
    tags: [e.tag],
    summary: e.summary,
    ...(e.description ? { description: e.description } : {}),
    parameters: parametersOf(e, components),
    ...(e.body ? {
      requestBody: {
        required: true,
        description: `JSON, at most ${formatBytes(e.maxBody ?? DEFAULT_MAX_BODY)}. Unknown fields are refused.`,
        content: { "application/json": { schema: toComponentSchema(e.body, "input", components), ...(e.example ? { example: e.example } : {}) } },
      },
    } : {}),
    responses: {
      [status]: success,
      ...Object.fromEntries(errorCodes(e).map((code) => [code, { $ref: `#/components/responses/E${code}` }])),
    },
  };
}

export function buildOpenApiDocument(endpoints: readonly Endpoint[], { prefix, version }: { prefix: string; version: string }) {
  const components: Components = {};
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of endpoints) {
    const path = `${prefix}${e.path}`;
    paths[path] ??= {};
    paths[path][e.method.toLowerCase()] = operationOf(e, components);
  }
  const error = toComponentSchema(errorBody, "output", components);
  components.Error ??= error;
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Claimline HTTP API",
      version,
      description: "Everything the Claimline UI does, over HTTP. Single-user mode answers requests from this machine only; with CLAIMLINE_API_TOKEN set, every request needs `Authorization: Bearer <token>`. Errors always have the shape `{ \"error\": { \"code\", \"message\", \"field\" } }`.",
    },
    servers: [{ url: "/" }],
    security: [{}, { bearer: [] }],
    tags: [...new Set(endpoints.map((e) => e.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: components,
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "Only when the server runs with CLAIMLINE_API_TOKEN." } },
      responses: Object.fromEntries(Object.entries(ERROR_RESPONSES).map(([code, description]) => [
        `E${code}`, { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
      ])),
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;

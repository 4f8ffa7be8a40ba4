import { API_PREFIX, endpoints } from "@/lib/api/endpoints";
import { buildOpenApiDocument, type OpenApiDocument } from "@/lib/api/openapi";
import packageJson from "@/package.json";

let cached: OpenApiDocument | null = null;

/** The document is the same for the life of the process: build it once. */
export function openApiDocument(): OpenApiDocument {
  cached ??= buildOpenApiDocument(Object.values(endpoints), { prefix: API_PREFIX, version: packageJson.version });
  return cached;
}

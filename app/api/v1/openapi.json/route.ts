import { openApiDocument } from "../_lib/openapi";
import { route } from "../_lib/route";
import { endpoints } from "@/lib/api/endpoints";

export const dynamic = "force-dynamic";

export const GET = route(endpoints.getOpenApi, () => openApiDocument());

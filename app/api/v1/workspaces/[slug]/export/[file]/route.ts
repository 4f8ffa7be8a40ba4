import { z } from "zod";
import { requireWorkspace } from "@/app/_server/context";
import { notFound } from "@/db/errors";
import { exportWorkspaceFile } from "@/db/queries/exports";
import { endpoint } from "@/lib/api/endpoint";
import { exportFileEndpoints } from "@/lib/api/export-endpoints";
import { slugParams } from "@/lib/api/requests";
import { isExportFileId, type ExportFileId } from "@/lib/export/files";
import { publicOrigin } from "../../../../_lib/origin";
import { route } from "../../../../_lib/route";

export const dynamic = "force-dynamic";

/** The same files as the UI's /w/{slug}/export/{file}, through the same exportWorkspaceFile. */
const download = (file: ExportFileId) => route(exportFileEndpoints[file], ({ ctx, params, query, request }) => {
  const ws = requireWorkspace(ctx, (params as { slug: string }).slug, "read");
  const bom = (query as { bom?: string } | undefined)?.bom === "1";
  const out = exportWorkspaceFile(ctx.db, { slug: ws.slug, file, origin: publicOrigin(request), bom });
  return new Response(out.body, { headers: out.headers });
});

const downloads = Object.fromEntries((Object.keys(exportFileEndpoints) as ExportFileId[]).map((f) => [f, download(f)])) as Record<ExportFileId, ReturnType<typeof download>>;

/** Any other name: a 404 in the API's error shape, after the same access check. */
const unknownFile = route(endpoint({ id: "unknownExport", method: "GET", path: "", tag: "", summary: "", params: slugParams, response: z.null() }), () => {
  throw notFound("That export", "file");
});

export async function GET(request: Request, context: { params: Promise<{ slug: string; file: string }> }) {
  const { slug, file } = await context.params;
  // The documented paths name the file, so the handler sees only the slug.
  const handler = isExportFileId(file) ? downloads[file] : unknownFile;
  return handler(request, { params: Promise.resolve({ slug }) });
}

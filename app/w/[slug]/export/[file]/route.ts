import type { NextRequest } from "next/server";
import { AppError } from "@/db/errors";
import { exportTimelineCsv, exportWorkspaceFile } from "@/db/queries/exports";
import { parseTimelineView } from "@/lib/timeline/view-state";
import { getRequestContext, requireWorkspace } from "@/app/_server/context";
import { isExportFileId } from "@/lib/export/files";

// Downloads for the UI's Export menu: /w/<slug>/export/statements.csv etc., and
// /w/<slug>/export/timeline.csv?<the timeline page's query> for a timeline view.
// The HTTP API serves the same files through the same exportWorkspaceFile.

export const dynamic = "force-dynamic";

function plain(status: number, message: string) {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" } });
}

export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string; file: string }> }) {
  const { slug, file } = await params;
  if (!isExportFileId(file) && file !== "timeline.csv") return plain(404, "There is no such export.");
  const ctx = getRequestContext();
  try {
    requireWorkspace(ctx, slug, "read");
    const common = { slug, origin: request.nextUrl.origin, bom: request.nextUrl.searchParams.get("bom") === "1" };
    // timeline.csv takes the timeline page's own query string (speakers, topics, dates, order).
    const out = file === "timeline.csv"
      ? exportTimelineCsv(ctx.db, { ...common, view: parseTimelineView(request.nextUrl.searchParams) })
      : exportWorkspaceFile(ctx.db, { ...common, file });
    return new Response(out.body, { headers: out.headers });
  } catch (error) {
    if (error instanceof AppError) return plain(error.status, error.message);
    throw error;
  }
}

import type { NextRequest } from "next/server";
import { AppError } from "@/db/errors";
import { exportWorkspaceFile } from "@/db/queries/exports";
import { getRequestContext, requireWorkspace } from "@/app/_server/context";
import { isExportFileId } from "@/lib/export/files";

// Downloads for the UI's Export menu: /w/<slug>/export/statements.csv etc.
// The HTTP API serves the same files through the same exportWorkspaceFile.

export const dynamic = "force-dynamic";

function plain(status: number, message: string) {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" } });
}

export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string; file: string }> }) {
  const { slug, file } = await params;
  if (!isExportFileId(file)) return plain(404, "There is no such export.");
  const ctx = getRequestContext();
  try {
    requireWorkspace(ctx, slug, "read");
    const out = exportWorkspaceFile(ctx.db, { slug, file, origin: request.nextUrl.origin, bom: request.nextUrl.searchParams.get("bom") === "1" });
    return new Response(out.body, { headers: out.headers });
  } catch (error) {
    if (error instanceof AppError) return plain(error.status, error.message);
    throw error;
  }
}

import type { DB } from "../index";
import { getWorkspaceBySlug } from "./workspaces";
import { exportLinkPages, exportStatementPages, iterateExportLinks, iterateExportStatements, type ExportScope } from "./export-rows";
import { listClaimReviews, listExportFlags, listTimelineExportEntries } from "./export-flags";
import { exportWorkspaceDump } from "./workspace-dump";
import { getTimelineView } from "./timelines";
import type { TimelineViewState } from "@/lib/timeline/view-state";
import { arrayPages, csvPageStream } from "@/lib/export/csv";
import { FLAG_COLUMNS, LINK_COLUMNS, STATEMENT_COLUMNS, TIMELINE_COLUMNS } from "@/lib/export/csv-columns";
import { toAnnotationCollection } from "@/lib/export/web-annotation";
import { downloadHeaders, EXPORT_FILES, exportFileName, isCsvExport, safeJson, type ExportFileId } from "@/lib/export/files";

// The one entry point for downloads: the UI's route handlers and the HTTP API
// both call exportWorkspaceFile, so a file is the same whichever door it
// leaves by. Row sources live in export-rows.ts and export-flags.ts.

export { iterateExportLinks, iterateExportStatements, loadExportStatements, statementPermalink } from "./export-rows";
export { listClaimReviews, listExportFlags, listTimelineExportEntries } from "./export-flags";
export { exportWorkspaceDump, importWorkspaceDump, parseWorkspaceDumpText } from "./workspace-dump";

export interface CsvOptions extends ExportScope {
  bom?: boolean;
  /** Bytes per chunk of the response (lib/export/csv CSV_CHUNK_BYTES); tests make it small to read a file in several chunks. */
  chunkBytes?: number;
}

/** statements.csv as a web stream, read from one snapshot in pages as the client takes it (csvPageStream: one chunk ahead at most). */
export function streamStatementsCsv(db: DB, { bom, chunkBytes, ...scope }: CsvOptions): ReadableStream<Uint8Array> {
  return csvPageStream(STATEMENT_COLUMNS, exportStatementPages(db, scope), { bom, chunkBytes });
}

export function streamLinksCsv(db: DB, { bom, chunkBytes, ...scope }: CsvOptions): ReadableStream<Uint8Array> {
  return csvPageStream(LINK_COLUMNS, exportLinkPages(db, scope), { bom, chunkBytes });
}

// Flags are computed for the whole workspace at once (db/queries/flags.ts), so these two files are paged from memory.
export function streamFlagsCsv(db: DB, { bom, chunkBytes, ...scope }: CsvOptions): ReadableStream<Uint8Array> {
  return csvPageStream(FLAG_COLUMNS, arrayPages(listExportFlags(db, scope)), { bom, chunkBytes });
}

/** timeline.csv for a view: `statementIds` are the rows the view shows, in its order. */
export function streamTimelineCsv(db: DB, { bom, chunkBytes, statementIds, ...scope }: CsvOptions & { statementIds: readonly number[] }): ReadableStream<Uint8Array> {
  return csvPageStream(TIMELINE_COLUMNS, arrayPages(listTimelineExportEntries(db, { ...scope, statementIds })), { bom, chunkBytes });
}

export interface ExportRequest {
  slug: string;
  file: ExportFileId;
  /** The app's origin as the client sees it, for permalinks and JSON-LD ids. */
  origin: string;
  bom?: boolean;
  now?: Date;
}

export interface ExportedFile {
  filename: string;
  headers: Record<string, string>;
  body: ReadableStream<Uint8Array> | string;
}

/** A workspace download, ready for `new Response(body, { headers })`. Throws not_found for an unknown slug. */
export function exportWorkspaceFile(db: DB, { slug, file, origin, bom = false, now = new Date() }: ExportRequest): ExportedFile {
  const ws = getWorkspaceBySlug(db, { slug });
  const scope = { workspaceId: ws.id, origin: origin.replace(/\/+$/, "") };
  const meta = EXPORT_FILES[file];
  const filename = exportFileName(ws.slug, meta.what, meta.ext, now);
  const headers = downloadHeaders(file, filename);
  const csv = isCsvExport(file) ? { ...scope, bom } : null;
  const body = (() => {
    switch (file) {
      case "statements.csv": return streamStatementsCsv(db, csv!);
      case "links.csv": return streamLinksCsv(db, csv!);
      case "flags.csv": return streamFlagsCsv(db, csv!);
      case "workspace.json": return safeJson(exportWorkspaceDump(db, { workspaceId: ws.id, now }));
      case "annotations.jsonld": return safeJson(toAnnotationCollection({
        id: `${scope.origin}/w/${encodeURIComponent(ws.slug)}/export/annotations.jsonld`,
        label: ws.name,
        statements: [...iterateExportStatements(db, scope)],
        links: [...iterateExportLinks(db, scope)],
        generatedAt: now.toISOString(),
      }));
      case "claimreview.jsonld": return safeJson(listClaimReviews(db, {
        ...scope, slug: ws.slug,
        organization: { name: process.env.CLAIMLINE_ORGANIZATION_NAME || ws.name, url: process.env.CLAIMLINE_ORGANIZATION_URL || scope.origin },
      }));
    }
  })();
  return { filename, headers, body };
}

/**
 * timeline.csv for a workspace timeline view (the same filter the timeline
 * page reads from its URL): its rows in its order, each with its flags.
 */
export function exportTimelineCsv(db: DB, { slug, origin, view, bom = false, now = new Date() }: Omit<ExportRequest, "file"> & { view: TimelineViewState }): ExportedFile {
  const ws = getWorkspaceBySlug(db, { slug });
  const statementIds = getTimelineView(db, { workspaceId: ws.id, filter: view }).statements.map((s) => s.id);
  const filename = exportFileName(ws.slug, "timeline", "csv", now);
  return {
    filename,
    headers: downloadHeaders("timeline.csv", filename),
    body: streamTimelineCsv(db, { workspaceId: ws.id, origin: origin.replace(/\/+$/, ""), bom, statementIds }),
  };
}

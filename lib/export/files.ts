// The downloadable files of a workspace, named for the UI, the route handlers
// and the HTTP API alike: "<slug>-<what>-<YYYY-MM-DD>.<ext>", so a folder of
// downloads sorts by workspace, then kind, then date.

export const EXPORT_FILES = {
  "statements.csv": { what: "statements", ext: "csv", label: "Statements (CSV)", contentType: "text/csv; charset=utf-8; header=present" },
  "links.csv": { what: "links", ext: "csv", label: "Links (CSV)", contentType: "text/csv; charset=utf-8; header=present" },
  "flags.csv": { what: "flags", ext: "csv", label: "Flags (CSV)", contentType: "text/csv; charset=utf-8; header=present" },
  "workspace.json": { what: "workspace", ext: "json", label: "Whole workspace (JSON, re-importable)", contentType: "application/json; charset=utf-8" },
  "annotations.jsonld": { what: "annotations", ext: "jsonld", label: "W3C Web Annotations (JSON-LD)", contentType: "application/ld+json; charset=utf-8" },
  "claimreview.jsonld": { what: "claimreview", ext: "jsonld", label: "ClaimReview for confirmed flags (JSON-LD)", contentType: "application/ld+json; charset=utf-8" },
} as const;

export type ExportFileId = keyof typeof EXPORT_FILES;

export const EXPORT_FILE_IDS = Object.keys(EXPORT_FILES) as ExportFileId[];

export function isExportFileId(value: string): value is ExportFileId {
  return Object.hasOwn(EXPORT_FILES, value);
}

export function isCsvExport(file: ExportFileId): boolean {
  return EXPORT_FILES[file].ext === "csv";
}

/** "negotiation-preconditions-2024-statements-2024-09-30.csv" (the date in UTC). */
export function exportFileName(slug: string, what: string, ext: string, at: Date = new Date()): string {
  return `${slug}-${what}-${at.toISOString().slice(0, 10)}.${ext}`;
}

/**
 * JSON that is safe even if a browser is talked into rendering it as HTML:
 * "<" is escaped as \u003c (still the same JSON value), on top of the
 * nosniff header the routes send.
 */
export function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/** Headers for a download: attachment, exact type, never sniffed, never cached. */
export function downloadHeaders(file: ExportFileId | "timeline.csv", filename: string): Record<string, string> {
  const contentType = file === "timeline.csv" ? EXPORT_FILES["statements.csv"].contentType : EXPORT_FILES[file].contentType;
  return {
    "Content-Type": contentType,
    "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
  };
}

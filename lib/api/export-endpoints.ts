import { z } from "zod";
import { EXPORT_FILES, type ExportFileId } from "@/lib/export/files";
import { MAX_WORKSPACE_JSON_BYTES } from "@/lib/validation/export-import";
import { workspaceDumpSchema } from "@/lib/validation/workspace-dump";
import { endpoint, type Endpoint } from "./endpoint";
import { slugParams } from "./requests";
import { workspaceOut } from "./schemas";

// Workspace downloads and the workspace.json import. The files are the ones
// the UI's Export menu serves (db/queries/exports.ts exportWorkspaceFile), so
// a download is the same whichever door it leaves by.

const csvQuery = z.strictObject({
  bom: z.enum(["0", "1"]).optional().describe("1 = start with a UTF-8 byte order mark, which Excel needs to read UTF-8."),
});

const csv = z.string().describe("CSV text: a header row, then one row per item; CRLF line ends.");

const annotation = z.looseObject({
  id: z.string(), type: z.literal("Annotation"), motivation: z.enum(["tagging", "linking"]), created: z.string(), body: z.array(z.unknown()),
  target: z.unknown().describe("A statement: its article with a TextQuoteSelector and a TextPositionSelector. A link: the statement it links to."),
}).meta({ id: "WebAnnotation" });

const annotationCollection = z.looseObject({
  "@context": z.unknown(), id: z.string(), type: z.literal("AnnotationCollection"), label: z.string(), total: z.number().int(),
  first: z.looseObject({ id: z.string(), type: z.literal("AnnotationPage"), items: z.array(annotation) }),
}).meta({ id: "AnnotationCollection" });

const claimReviews = z.array(z.looseObject({
  "@context": z.literal("https://schema.org"), "@type": z.literal("ClaimReview"), url: z.string(), datePublished: z.string(),
  claimReviewed: z.string(), reviewBody: z.string(), itemReviewed: z.looseObject({ "@type": z.literal("Claim") }),
  reviewRating: z.looseObject({ "@type": z.literal("Rating"), ratingValue: z.number(), alternateName: z.string() }),
}).meta({ id: "ClaimReview" }));

const workspaceDump = workspaceDumpSchema.meta({ id: "WorkspaceDump" });

/** One documented operation per file, so each has its exact content type and schema. */
function fileEndpoint<R extends z.ZodType>(file: ExportFileId, e: { id: string; summary: string; description: string; response: R }) {
  return endpoint({
    ...e, method: "GET", path: `/workspaces/{slug}/export/${file}`, tag: "Exports", params: slugParams,
    query: EXPORT_FILES[file].ext === "csv" ? csvQuery : undefined, contentType: EXPORT_FILES[file].contentType.split(";")[0],
  });
}

export const importWorkspaceQuery = z.strictObject({
  name: z.string().max(120).optional().describe("A name for the new workspace (default: the one in the file)."),
  slug: z.string().max(100).optional().describe("An address for the new workspace (default: derived from the file's, made unique)."),
});

export const importedWorkspaceOut = z.object({
  workspace: workspaceOut,
  counts: z.object({
    articles: z.number().int(), speakers: z.number().int(), topics: z.number().int(), statements: z.number().int(), links: z.number().int(),
    flagReviews: z.number().int(), timelines: z.number().int(), auditEvents: z.number().int(),
  }),
}).meta({ id: "ImportedWorkspace" });

const EMPTY_DUMP_EXAMPLE = {
  formatVersion: 1, exportedAt: "2024-09-30T12:00:00.000Z",
  workspace: { slug: "negotiation-preconditions-copy", name: "Negotiation preconditions, copy", description: "" },
  users: [], articles: [], speakers: [], topics: [], statements: [], links: [], flagReviews: [], suggestionDismissals: [], timelines: [], auditEvents: [],
};

export const exportEndpoints = {
  exportStatementsCsv: fileEndpoint("statements.csv", {
    id: "exportStatementsCsv", summary: "Every statement as CSV, one row per statement.", response: csv,
    description: "With speaker, said-on date and precision, kind, topics and stances, summary, quote and its offsets, public note, article metadata and a permalink. Cells a spreadsheet would run as a formula are prefixed with a single quote.",
  }),
  exportLinksCsv: fileEndpoint("links.csv", {
    id: "exportLinksCsv", summary: "Every link as CSV (later → earlier statement, relation, verdict, rationale).", response: csv,
    description: "Each row carries both statements' ids, speakers, dates and quotes, so it reads without the statements file.",
  }),
  exportFlagsCsv: fileEndpoint("flags.csv", {
    id: "exportFlagsCsv", summary: "Every flag as CSV, with its rule, severity, status and review.", response: csv,
    description: "The `key` column is the flag's stable id, as in the flags list, so rows can be matched across exports.",
  }),
  exportWorkspaceJson: fileEndpoint("workspace.json", {
    id: "exportWorkspaceJson", summary: "The whole workspace as workspace.json: lossless, and what POST /workspaces/import takes back.",
    description: "Article snapshots, speakers, topics, statements with stances, links, flag reviews, suggestion dismissals, timelines (without share tokens) and the audit log.",
    response: workspaceDump,
  }),
  exportAnnotationsJsonLd: fileEndpoint("annotations.jsonld", {
    id: "exportAnnotationsJsonLd", summary: "Statements and links as W3C Web Annotations (JSON-LD), readable by Hypothesis-style tools.",
    description: "Each statement is an annotation whose target is its article, with a TextQuoteSelector and a TextPositionSelector.",
    response: annotationCollection,
  }),
  exportClaimReviewJsonLd: fileEndpoint("claimreview.jsonld", {
    id: "exportClaimReviewJsonLd", summary: "Confirmed flip flags as schema.org ClaimReview (JSON-LD), rated on the Flip-O-Meter.",
    description: "Set CLAIMLINE_ORGANIZATION_NAME and CLAIMLINE_ORGANIZATION_URL to name the publisher. Disputes are left out.",
    response: claimReviews,
  }),
  importWorkspace: endpoint({
    id: "importWorkspace", method: "POST", path: "/workspaces/import", tag: "Exports",
    summary: "Import a workspace.json as a new workspace (every id is new; the original is untouched).",
    description: "The body is a workspace.json as GET /workspaces/{slug}/export/workspace.json gives it. Every reference must resolve inside the file; one that does not is refused with 422 naming where, and nothing is written.",
    query: importWorkspaceQuery, body: workspaceDump, maxBody: MAX_WORKSPACE_JSON_BYTES, status: 201, response: importedWorkspaceOut,
    example: EMPTY_DUMP_EXAMPLE,
  }),
};

/** The download endpoints by file name, for the one route handler that serves them. */
export const exportFileEndpoints: Record<ExportFileId, Endpoint> = {
  "statements.csv": exportEndpoints.exportStatementsCsv,
  "links.csv": exportEndpoints.exportLinksCsv,
  "flags.csv": exportEndpoints.exportFlagsCsv,
  "workspace.json": exportEndpoints.exportWorkspaceJson,
  "annotations.jsonld": exportEndpoints.exportAnnotationsJsonLd,
  "claimreview.jsonld": exportEndpoints.exportClaimReviewJsonLd,
};

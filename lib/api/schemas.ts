import { z } from "zod";
import {
  ANCHOR_STATUSES, ARTICLE_SOURCES, DATE_PRECISIONS, FLAG_RULES, LINK_RELATIONS, STANCES, STATEMENT_KINDS, VERDICTS,
} from "@/lib/domain/enums";

// What the API answers. Every response is parsed through one of these before
// it is sent, so the OpenAPI document cannot promise what the server does not
// send (unknown keys are stripped, a missing one is a bug caught by the tests).

const timestamps = { createdAt: z.string(), updatedAt: z.string() };
const nullableString = z.string().nullable();

export const errorBody = z.object({
  error: z.object({
    code: z.string().describe("bad_request, unauthorized, forbidden, not_found, conflict, too_large, unsupported_type, invalid or internal."),
    message: z.string().describe("What went wrong, in words."),
    field: z.string().optional().describe("The request field it concerns, when there is one."),
  }),
}).meta({ id: "Error" });

export const workspaceOut = z.object({ id: z.number().int(), slug: z.string(), name: z.string(), description: z.string(), ...timestamps }).meta({ id: "Workspace" });
export const workspaceSummaryOut = z.object({
  id: z.number().int(), slug: z.string(), name: z.string(), description: z.string(), updatedAt: z.string(),
  statementCount: z.number().int(), articleCount: z.number().int(),
}).meta({ id: "WorkspaceSummary" });
export const workspaceDetailOut = workspaceOut.extend({
  counts: z.object({ articles: z.number().int(), statements: z.number().int(), speakers: z.number().int(), topics: z.number().int(), links: z.number().int() }),
}).meta({ id: "WorkspaceDetail" });

const articleMeta = {
  id: z.number().int(), title: z.string(), url: nullableString, publisher: nullableString, author: nullableString,
  publishedAt: nullableString, retrievedAt: z.string(), source: z.enum(ARTICLE_SOURCES),
};
export const articleSummaryOut = z.object({ ...articleMeta, length: z.number().int(), statementCount: z.number().int() }).meta({ id: "ArticleSummary" });

export const stanceOut = z.object({
  topicId: z.number().int(), topicName: z.string(), color: z.number().int(), stance: z.enum(STANCES), condition: z.string(),
}).meta({ id: "Stance" });

const span = { quote: z.string(), start: z.number().int(), end: z.number().int(), anchorStatus: z.enum(ANCHOR_STATUSES) };
const saidOn = { saidOn: z.string().describe("First day of the period (YYYY-MM-DD)."), saidOnPrecision: z.enum(DATE_PRECISIONS) };

export const statementOut = z.object({
  id: z.number().int(), workspaceId: z.number().int(), articleId: z.number().int(), speakerId: z.number().int(), speakerName: z.string(),
  ...span, prefix: z.string(), suffix: z.string(), anchorScore: z.number(), ...saidOn, kind: z.enum(STATEMENT_KINDS),
  summary: z.string(), note: z.string(), notePrivate: z.boolean(), stances: z.array(stanceOut), ...timestamps,
}).meta({ id: "Statement" });

export const statementListItemOut = z.object({
  id: z.number().int(), articleId: z.number().int(), speakerId: z.number().int(), speakerName: z.string(), ...span, ...saidOn,
  kind: z.enum(STATEMENT_KINDS), summary: z.string(), articleTitle: z.string(), publisher: nullableString, articleUrl: nullableString,
  stances: z.array(stanceOut),
}).meta({ id: "StatementListItem" });

export const articleOut = z.object({
  ...articleMeta, workspaceId: z.number().int(), language: nullableString, text: z.string(), textSha256: z.string(),
  previousSnapshotId: z.number().int().nullable(), statements: z.array(statementListItemOut), ...timestamps,
}).meta({ id: "Article" });

export const speakerOut = z.object({
  id: z.number().int(), name: z.string(), aliases: z.array(z.string()), description: z.string(), statementCount: z.number().int(),
}).meta({ id: "Speaker" });

export const topicOut = z.object({
  id: z.number().int(), name: z.string(), proposition: z.string(), description: z.string(), color: z.number().int(), statementCount: z.number().int(),
}).meta({ id: "Topic" });

export const linkOut = z.object({
  id: z.number().int(), workspaceId: z.number().int(), fromStatementId: z.number().int().describe("The later statement."),
  toStatementId: z.number().int().describe("The earlier statement."), relation: z.enum(LINK_RELATIONS), verdict: z.enum(VERDICTS).nullable(),
  rationale: z.string(), ...timestamps,
}).meta({ id: "Link" });

export const flagOut = z.object({
  id: z.string().describe("Stable key: the same pair and rule keep the same id when flags are recomputed."),
  rule: z.enum(FLAG_RULES), earlierId: z.number().int(), laterId: z.number().int(),
  topicId: z.number().int().optional(), linkId: z.number().int().optional(), relation: z.enum(LINK_RELATIONS).optional(),
  shift: z.object({ from: z.enum(STANCES), to: z.enum(STANCES), fromCondition: nullableString, toCondition: nullableString }).optional(),
  severity: z.enum([...VERDICTS, "dispute"]), status: z.enum(["linked", "detected", "confirmed", "dismissed"]),
  rationale: z.string(), orderUncertain: z.boolean(),
}).meta({ id: "Flag" });

export const flagReviewOut = z.object({
  id: z.string().describe("The flag's id."),
  decision: z.enum(["confirmed", "dismissed"]), verdict: z.enum(VERDICTS).nullable(), note: z.string(),
  flag: flagOut.nullable().describe("The flag as reviewed; null when the review removed it (a detected shift confirmed as no flip)."),
}).meta({ id: "FlagReview" });

export const deletedStatementOut = z.object({ deleted: z.literal(true), linksRemoved: z.number().int() });

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last.") });
}

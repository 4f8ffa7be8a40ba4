import { z } from "zod";
import {
  ANCHOR_STATUSES, ARTICLE_SOURCES, DATE_PRECISIONS, FLAG_RULES, LINK_RELATIONS, STANCES, STATEMENT_KINDS, VERDICTS,
} from "@/lib/domain/enums";
import { TIMELINE_ORDERS, TIMELINE_SCALES } from "@/lib/timeline/view-state";

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
  aliases: z.array(z.string()).describe("Names of topics merged into this one."),
}).meta({ id: "Topic" });

/** What a merge answers: the entry that stayed, and how many statements moved to it. */
export function mergedOut<T extends z.ZodType>(entry: T) {
  return z.object({ target: entry, movedStatements: z.number().int() });
}

export const linkOut = z.object({
  id: z.number().int(), workspaceId: z.number().int(), fromStatementId: z.number().int().describe("The later statement."),
  toStatementId: z.number().int().describe("The earlier statement."), relation: z.enum(LINK_RELATIONS), verdict: z.enum(VERDICTS).nullable(),
  rationale: z.string(), ...timestamps,
}).meta({ id: "Link" });

const flagSeverity = z.enum([...VERDICTS, "dispute"]);
const flagStatus = z.enum(["linked", "detected", "confirmed", "dismissed"]);

/** One side of a flag, as the flags inbox shows it. */
export const flagStatementOut = z.object({
  id: z.number().int(), quote: z.string(), speakerId: z.number().int(), speakerName: z.string(), ...saidOn,
  kind: z.enum(STATEMENT_KINDS), articleId: z.number().int(), articleTitle: z.string(), stances: z.array(stanceOut),
}).meta({ id: "FlagStatement" });

export const flagOut = z.object({
  id: z.string().describe("Stable key: the same pair and rule keep the same id when flags are recomputed."),
  rule: z.enum(FLAG_RULES), earlierId: z.number().int(), laterId: z.number().int(),
  topicId: z.number().int().optional(), topicName: nullableString, linkId: z.number().int().optional(), relation: z.enum(LINK_RELATIONS).optional(),
  shift: z.object({ from: z.enum(STANCES), to: z.enum(STANCES), fromCondition: nullableString, toCondition: nullableString }).optional(),
  severity: flagSeverity, status: flagStatus,
  title: z.string().describe("The flag in one line, with names and dates."),
  rationale: z.string(), orderUncertain: z.boolean(),
  earlier: flagStatementOut, later: flagStatementOut,
  review: z.object({ decision: z.enum(["confirmed", "dismissed"]), verdict: z.enum(VERDICTS).nullable(), note: z.string(), updatedAt: z.string() })
    .nullable().describe("A person's decision on the flag, if any."),
}).meta({ id: "Flag" });

export const flagReviewOut = z.object({
  id: z.string().describe("The flag's id."),
  decision: z.enum(["confirmed", "dismissed"]), verdict: z.enum(VERDICTS).nullable(), note: z.string(),
  flag: flagOut.nullable().describe("The flag as reviewed; null when the review removed it (a detected shift confirmed as no flip)."),
}).meta({ id: "FlagReview" });

export const suggestionOut = z.object({
  id: z.number().int().describe("The suggested earlier statement."),
  tier: z.enum(["same_speaker_topic", "similar_wording", "same_topic"]).describe("Why it ranks where it does; tiers rank before similarity."),
  similarity: z.number().describe("Lexical similarity, 0–1."),
  reasons: z.array(z.string()).describe("The reasons in words."),
  statement: statementListItemOut,
}).meta({ id: "LinkSuggestion" });

export const timelineFilterOut = z.object({
  speakers: z.array(z.number().int()), topics: z.array(z.number().int()), kinds: z.array(z.enum(STATEMENT_KINDS)),
  from: nullableString, to: nullableString, flagged: z.boolean(), confirmed: z.boolean(),
  scale: z.enum(TIMELINE_SCALES).nullable(), order: z.enum(TIMELINE_ORDERS),
}).meta({ id: "TimelineFilterView" });

export const shareOut = z.object({
  token: z.string().describe("The secret in the public link; revoking forgets it."),
  url: z.string().describe("The read-only public page (its CSV is at url + \"/timeline.csv\")."),
}).meta({ id: "Share" });

export const timelineOut = z.object({
  id: z.number().int(), workspaceId: z.number().int(), title: z.string(), description: z.string(), filter: timelineFilterOut,
  share: shareOut.extend({ sharedAt: nullableString }).nullable().describe("The public link, when the timeline is shared."),
  ...timestamps,
}).meta({ id: "Timeline" });

export const timelineStatementOut = z.object({
  id: z.number().int(), articleId: z.number().int(), speakerId: z.number().int(), speakerName: z.string(), quote: z.string(), summary: z.string(),
  kind: z.enum(STATEMENT_KINDS), ...saidOn, stances: z.array(stanceOut), articleTitle: z.string(), publisher: nullableString, articleUrl: nullableString,
  publicNote: nullableString.describe("The note only when it is not private."),
}).meta({ id: "TimelineStatement" });

export const timelineFlagOut = z.object({
  id: z.string().describe("The flag's stable key, as in the flags list."),
  rule: z.enum(FLAG_RULES), severity: flagSeverity, status: flagStatus, earlierId: z.number().int(), laterId: z.number().int(),
  rationale: z.string(), orderUncertain: z.boolean(),
}).meta({ id: "TimelineFlag" });

export const timelineDetailOut = timelineOut.extend({
  statements: z.array(timelineStatementOut).describe("In the timeline's said-on order."),
  flags: z.array(timelineFlagOut).describe("Flags between statements shown; dismissed ones are left out."),
  span: z.object({ first: z.string(), last: z.string() }).nullable().describe("First and last said-on date shown."),
}).meta({ id: "TimelineDetail" });

export const deletedStatementOut = z.object({ deleted: z.literal(true), linksRemoved: z.number().int() });
export const restoredStatementOut = z.object({
  statement: statementOut, linksRestored: z.number().int(), linksSkipped: z.number().int().describe("Links that could not come back: the other statement is gone or the pair was linked again."),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last.") });
}

/** The statement list's page: also the page before and the number of matches, as the statements table shows them. */
export const statementPageOut = pageOf(statementListItemOut).extend({
  prevCursor: z.string().nullable().describe("Pass as `cursor` for the previous page; null on the first."),
  total: z.number().int().describe("How many statements match the filters, across all pages."),
});

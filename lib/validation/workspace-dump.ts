import { createHash } from "node:crypto";
import { z } from "zod";
import {
  ANCHOR_STATUSES, ARTICLE_SOURCES, AUDIT_ACTIONS, AUDIT_ENTITIES, DATE_PRECISIONS, FLAG_DECISIONS,
  LINK_RELATIONS, STANCES, STATEMENT_KINDS, VERDICTS,
} from "../domain/enums";
import { parseFlagKey } from "../domain/flag-key";
import { normaliseSaidOn } from "../domain/said-on";

// The lossless workspace.json format: everything needed to rebuild a workspace
// elsewhere, and nothing secret (no share tokens, no sessions). Objects are
// strict so a typo or a file from another tool is refused rather than half
// imported, and ids must resolve inside the file so an import never points a
// statement at somebody else's article.

export const WORKSPACE_DUMP_VERSION = 1;

const id = z.number().int().positive();
const timestamp = z.iso.datetime({ offset: true });
const json = z.json();

const user = z.strictObject({ id, name: z.string().min(1), email: z.string().nullable() });

const article = z.strictObject({
  id,
  title: z.string(),
  url: z.url().nullable(),
  publisher: z.string().nullable(),
  author: z.string().nullable(),
  publishedAt: z.string().nullable(),
  retrievedAt: timestamp,
  language: z.string().nullable(),
  text: z.string(),
  html: z.string().nullable(),
  textSha256: z.string().regex(/^[0-9a-f]{64}$/, "Expected a lowercase hex SHA-256."),
  source: z.enum(ARTICLE_SOURCES),
  previousSnapshotId: id.nullable(),
  createdBy: id,
  createdAt: timestamp,
  updatedAt: timestamp,
});

const speaker = z.strictObject({
  id, name: z.string().min(1), aliases: z.array(z.string()), description: z.string(),
  createdBy: id, createdAt: timestamp, updatedAt: timestamp,
});

const topic = z.strictObject({
  id, name: z.string().min(1), proposition: z.string(), description: z.string(), color: z.number().int().nonnegative(),
  // Absent in dumps written before topics had aliases.
  aliases: z.array(z.string()).default([]),
  createdBy: id, createdAt: timestamp, updatedAt: timestamp,
});

const stance = z.strictObject({ topicId: id, stance: z.enum(STANCES), condition: z.string() });

const statement = z.strictObject({
  id, articleId: id, speakerId: id,
  quote: z.string(), prefix: z.string(), suffix: z.string(),
  start: z.number().int().nonnegative(), end: z.number().int().nonnegative(),
  anchorStatus: z.enum(ANCHOR_STATUSES), anchorScore: z.number().min(0).max(1),
  saidOn: z.string(), saidOnPrecision: z.enum(DATE_PRECISIONS),
  kind: z.enum(STATEMENT_KINDS), summary: z.string(), note: z.string(), notePrivate: z.boolean(),
  stances: z.array(stance),
  createdBy: id, createdAt: timestamp, updatedAt: timestamp,
}).refine((s) => s.end >= s.start, { path: ["end"], message: "end is before start." })
  // Stored dates are the first day of their period; anything else would sort wrongly.
  .refine((s) => normaliseSaidOn(s.saidOn, s.saidOnPrecision) === s.saidOn, {
    path: ["saidOn"], message: "saidOn must be YYYY-MM-DD, the first day of its period for month or year precision.",
  });

const link = z.strictObject({
  id, fromStatementId: id, toStatementId: id, relation: z.enum(LINK_RELATIONS), verdict: z.enum(VERDICTS).nullable(),
  rationale: z.string(), createdBy: id, createdAt: timestamp, updatedAt: timestamp,
}).refine((l) => l.fromStatementId !== l.toStatementId, { path: ["toStatementId"], message: "A statement cannot link to itself." });

const flagReview = z.strictObject({
  flagKey: z.string().refine((k) => parseFlagKey(k) !== null, "Not a flag key (rule:earlierId:laterId[:topicId])."),
  decision: z.enum(FLAG_DECISIONS), verdict: z.enum(VERDICTS).nullable(), note: z.string(),
  createdBy: id, createdAt: timestamp, updatedAt: timestamp,
});

const suggestionDismissal = z.strictObject({ statementId: id, candidateId: id, createdBy: id, createdAt: timestamp });

const timeline = z.strictObject({
  id, title: z.string().min(1), description: z.string(), filter: z.record(z.string(), json),
  createdBy: id, createdAt: timestamp, updatedAt: timestamp,
});

const auditEvent = z.strictObject({
  entityType: z.enum(AUDIT_ENTITIES), entityId: z.string(), action: z.enum(AUDIT_ACTIONS),
  before: json.nullable(), after: json.nullable(), actorId: id, createdAt: timestamp,
});

const dumpShape = z.strictObject({
  formatVersion: z.literal(WORKSPACE_DUMP_VERSION),
  exportedAt: timestamp,
  workspace: z.strictObject({ slug: z.string().regex(/^[a-z0-9-]+$/), name: z.string().min(1), description: z.string() }),
  users: z.array(user),
  articles: z.array(article),
  speakers: z.array(speaker),
  topics: z.array(topic),
  statements: z.array(statement),
  links: z.array(link),
  flagReviews: z.array(flagReview),
  suggestionDismissals: z.array(suggestionDismissal),
  timelines: z.array(timeline),
  auditEvents: z.array(auditEvent),
});

export const workspaceDumpSchema = dumpShape.superRefine((dump, ctx) => {
  const ids = (rows: { id: number }[], name: keyof typeof dump) => {
    const seen = new Set<number>();
    rows.forEach((r, i) => {
      if (seen.has(r.id)) ctx.addIssue({ code: "custom", path: [name, i, "id"], message: `Duplicate id ${r.id} in ${name}.` });
      seen.add(r.id);
    });
    return seen;
  };
  const users = ids(dump.users, "users");
  const articles = ids(dump.articles, "articles");
  const speakers = ids(dump.speakers, "speakers");
  const topics = ids(dump.topics, "topics");
  const statements = ids(dump.statements, "statements");
  ids(dump.links, "links");
  ids(dump.timelines, "timelines");

  const expect = (set: Set<number>, value: number | null | undefined, path: (string | number)[], what: string) => {
    if (value !== null && value !== undefined && !set.has(value)) {
      ctx.addIssue({ code: "custom", path, message: `${formatPath(path)} refers to ${what} ${value}, which is not in this file.` });
    }
  };
  const byUser = (name: string, rows: { createdBy: number }[]) =>
    rows.forEach((r, i) => expect(users, r.createdBy, [name, i, "createdBy"], "user"));

  dump.articles.forEach((a, i) => {
    expect(articles, a.previousSnapshotId, ["articles", i, "previousSnapshotId"], "article");
    // The hash is what anchors are trusted against; a mismatch means edited text.
    if (createHash("sha256").update(a.text, "utf8").digest("hex") !== a.textSha256) {
      ctx.addIssue({ code: "custom", path: ["articles", i, "textSha256"], message: `articles[${i}].textSha256 does not match the article text.` });
    }
  });
  dump.statements.forEach((s, i) => {
    expect(articles, s.articleId, ["statements", i, "articleId"], "article");
    expect(speakers, s.speakerId, ["statements", i, "speakerId"], "speaker");
    s.stances.forEach((st, j) => expect(topics, st.topicId, ["statements", i, "stances", j, "topicId"], "topic"));
  });
  dump.links.forEach((l, i) => {
    expect(statements, l.fromStatementId, ["links", i, "fromStatementId"], "statement");
    expect(statements, l.toStatementId, ["links", i, "toStatementId"], "statement");
  });
  dump.flagReviews.forEach((r, i) => {
    const key = parseFlagKey(r.flagKey);
    if (!key) return;
    expect(statements, key.earlierId, ["flagReviews", i, "flagKey"], "statement");
    expect(statements, key.laterId, ["flagReviews", i, "flagKey"], "statement");
    expect(topics, key.topicId, ["flagReviews", i, "flagKey"], "topic");
  });
  dump.suggestionDismissals.forEach((d, i) => {
    expect(statements, d.statementId, ["suggestionDismissals", i, "statementId"], "statement");
    expect(statements, d.candidateId, ["suggestionDismissals", i, "candidateId"], "statement");
  });
  dump.auditEvents.forEach((e, i) => expect(users, e.actorId, ["auditEvents", i, "actorId"], "user"));
  for (const name of ["articles", "speakers", "topics", "statements", "links", "flagReviews", "suggestionDismissals", "timelines"] as const) {
    byUser(name, dump[name]);
  }
});

export type WorkspaceDump = z.output<typeof workspaceDumpSchema>;
export type DumpStatement = WorkspaceDump["statements"][number];
export type DumpArticle = WorkspaceDump["articles"][number];

export type ParseDumpResult = { ok: true; dump: WorkspaceDump } | { ok: false; message: string; path: string };

/** "statements[3].stances[0].topicId" */
function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, p) => (typeof p === "number" ? `${out}[${p}]` : out ? `${out}.${String(p)}` : String(p)), "");
}

/** Validate an uploaded workspace.json, answering with the first problem in words and where it is. */
export function parseWorkspaceDump(input: unknown): ParseDumpResult {
  // Recognise foreign files and other versions before the field-by-field
  // check, which would otherwise bury the real reason under dozens of issues.
  if (!input || typeof input !== "object" || Array.isArray(input) || !("formatVersion" in input)) {
    return { ok: false, path: "", message: "This is not a Claimline workspace export: it has no formatVersion." };
  }
  const version = (input as { formatVersion: unknown }).formatVersion;
  if (version !== WORKSPACE_DUMP_VERSION) {
    return {
      ok: false, path: "formatVersion",
      message: `This export has formatVersion ${JSON.stringify(version)}; this version of Claimline reads formatVersion ${WORKSPACE_DUMP_VERSION}.`,
    };
  }
  const result = workspaceDumpSchema.safeParse(input);
  if (result.success) return { ok: true, dump: result.data };
  const issue = result.error.issues[0];
  const path = formatPath(issue.path);
  if (issue.code === "unrecognized_keys") {
    const where = path || "the top level";
    return { ok: false, path, message: `Unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")} at ${where}.` };
  }
  const message = issue.code === "custom" ? issue.message : `${path || "The file"}: ${issue.message}`;
  return { ok: false, path, message };
}

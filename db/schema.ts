import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import {
  ANCHOR_STATUSES, ARTICLE_SOURCES, AUDIT_ACTIONS, AUDIT_ENTITIES, DATE_PRECISIONS, FLAG_DECISIONS,
  LINK_RELATIONS, STANCES, STATEMENT_KINDS, VERDICTS,
} from "@/lib/domain/enums";

export * from "@/lib/domain/enums";

// Timestamps are ISO-8601 strings in UTC: readable in the sqlite3 shell and in
// exports, and they sort correctly as text.
const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;
const timestamps = {
  createdAt: text("created_at").notNull().default(now),
  updatedAt: text("updated_at").notNull().default(now),
};

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  email: text("email"),
  ...timestamps,
});
export type User = typeof users.$inferSelect;

export const workspaces = sqliteTable("workspaces", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  createdBy: integer("created_by").notNull().references(() => users.id),
  ...timestamps,
});
export type Workspace = typeof workspaces.$inferSelect;
export type NewWorkspace = typeof workspaces.$inferInsert;

/** An immutable snapshot of a source: selectors index into `text`, which is never edited. */
export const articles = sqliteTable("articles", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  workspaceId: integer("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
  title: text("title").notNull(),
  url: text("url"),
  publisher: text("publisher"),
  author: text("author"),
  publishedAt: text("published_at"),
  retrievedAt: text("retrieved_at").notNull(),
  language: text("language"),
  text: text("text").notNull(),
  html: text("html"),
  textSha256: text("text_sha256").notNull(),
  source: text("source", { enum: ARTICLE_SOURCES }).notNull(),
  previousSnapshotId: integer("previous_snapshot_id").references((): AnySQLiteColumn => articles.id, { onDelete: "set null" }),
  createdBy: integer("created_by").notNull().references(() => users.id),
  ...timestamps,
}, (t) => [
  index("articles_workspace_idx").on(t.workspaceId),
  index("articles_url_idx").on(t.workspaceId, t.url),
]);
export type Article = typeof articles.$inferSelect;
export type NewArticle = typeof articles.$inferInsert;

export const speakers = sqliteTable("speakers", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  workspaceId: integer("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
  name: text("name").notNull(),
  aliases: text("aliases", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
  description: text("description").notNull().default(""),
  createdBy: integer("created_by").notNull().references(() => users.id),
  ...timestamps,
}, (t) => [uniqueIndex("speakers_workspace_name_uq").on(t.workspaceId, t.name)]);
export type Speaker = typeof speakers.$inferSelect;

export const topics = sqliteTable("topics", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  workspaceId: integer("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
  name: text("name").notNull(),
  /** The question the stance answers, e.g. "Should Russia negotiate with Ukraine?" */
  proposition: text("proposition").notNull().default(""),
  description: text("description").notNull().default(""),
  /** Names of topics merged into this one, so the tag form and the API still find it by them. */
  aliases: text("aliases", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
  color: integer("color").notNull().default(0),
  createdBy: integer("created_by").notNull().references(() => users.id),
  ...timestamps,
}, (t) => [uniqueIndex("topics_workspace_name_uq").on(t.workspaceId, t.name)]);
export type Topic = typeof topics.$inferSelect;

export const statements = sqliteTable("statements", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  workspaceId: integer("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
  articleId: integer("article_id").notNull().references(() => articles.id, { onDelete: "cascade" }),
  speakerId: integer("speaker_id").notNull().references(() => speakers.id),
  quote: text("quote").notNull(),
  prefix: text("prefix").notNull().default(""),
  suffix: text("suffix").notNull().default(""),
  start: integer("start").notNull(),
  end: integer("end").notNull(),
  anchorStatus: text("anchor_status", { enum: ANCHOR_STATUSES }).notNull().default("exact"),
  anchorScore: real("anchor_score").notNull().default(1),
  /** When the words were said (first day of the period), not the article's date. */
  saidOn: text("said_on").notNull(),
  saidOnPrecision: text("said_on_precision", { enum: DATE_PRECISIONS }).notNull().default("day"),
  kind: text("kind", { enum: STATEMENT_KINDS }).notNull().default("claim"),
  summary: text("summary").notNull().default(""),
  note: text("note").notNull().default(""),
  /** Private notes never leave the workspace: not in shares, embeds or public exports. */
  notePrivate: integer("note_private", { mode: "boolean" }).notNull().default(true),
  createdBy: integer("created_by").notNull().references(() => users.id),
  ...timestamps,
}, (t) => [
  index("statements_workspace_said_idx").on(t.workspaceId, t.saidOn),
  index("statements_article_idx").on(t.articleId),
  index("statements_speaker_idx").on(t.speakerId, t.saidOn),
  check("statements_span_ck", sql`${t.end} >= ${t.start}`),
]);
export type Statement = typeof statements.$inferSelect;
export type NewStatement = typeof statements.$inferInsert;

export const statementTopics = sqliteTable("statement_topics", {
  statementId: integer("statement_id").notNull().references(() => statements.id, { onDelete: "cascade" }),
  topicId: integer("topic_id").notNull().references(() => topics.id, { onDelete: "cascade" }),
  stance: text("stance", { enum: STANCES }).notNull(),
  /** For conditional stances: the condition in the tagger's words. */
  condition: text("condition").notNull().default(""),
}, (t) => [primaryKey({ columns: [t.statementId, t.topicId] }), index("statement_topics_topic_idx").on(t.topicId)]);
export type StatementTopic = typeof statementTopics.$inferSelect;

/** Directed from the later statement to the earlier one. */
export const links = sqliteTable("links", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  workspaceId: integer("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
  fromStatementId: integer("from_statement_id").notNull().references(() => statements.id, { onDelete: "cascade" }),
  toStatementId: integer("to_statement_id").notNull().references(() => statements.id, { onDelete: "cascade" }),
  relation: text("relation", { enum: LINK_RELATIONS }).notNull(),
  verdict: text("verdict", { enum: VERDICTS }),
  rationale: text("rationale").notNull().default(""),
  createdBy: integer("created_by").notNull().references(() => users.id),
  ...timestamps,
}, (t) => [
  uniqueIndex("links_pair_uq").on(t.fromStatementId, t.toStatementId),
  index("links_to_idx").on(t.toStatementId),
  index("links_workspace_idx").on(t.workspaceId),
  check("links_no_self_ck", sql`${t.fromStatementId} <> ${t.toStatementId}`),
]);
export type Link = typeof links.$inferSelect;

/** A person's decision on a computed flag, keyed by its stable flag key. */
export const flagReviews = sqliteTable("flag_reviews", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  workspaceId: integer("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
  flagKey: text("flag_key").notNull(),
  decision: text("decision", { enum: FLAG_DECISIONS }).notNull(),
  verdict: text("verdict", { enum: VERDICTS }),
  note: text("note").notNull().default(""),
  createdBy: integer("created_by").notNull().references(() => users.id),
  ...timestamps,
}, (t) => [uniqueIndex("flag_reviews_key_uq").on(t.workspaceId, t.flagKey)]);
export type FlagReview = typeof flagReviews.$inferSelect;

/** "Not related" answers to link suggestions, so they are not suggested again. */
export const suggestionDismissals = sqliteTable("suggestion_dismissals", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  workspaceId: integer("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
  statementId: integer("statement_id").notNull().references(() => statements.id, { onDelete: "cascade" }),
  candidateId: integer("candidate_id").notNull().references(() => statements.id, { onDelete: "cascade" }),
  createdBy: integer("created_by").notNull().references(() => users.id),
  ...timestamps,
}, (t) => [uniqueIndex("suggestion_dismissals_uq").on(t.statementId, t.candidateId)]);

export const timelines = sqliteTable("timelines", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  workspaceId: integer("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
  title: text("title").notNull(),
  description: text("description").notNull().default(""),
  /** The view: the same shape as the timeline URL's search params. */
  filter: text("filter", { mode: "json" }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
  shareToken: text("share_token").unique(),
  sharedAt: text("shared_at"),
  createdBy: integer("created_by").notNull().references(() => users.id),
  ...timestamps,
}, (t) => [index("timelines_workspace_idx").on(t.workspaceId)]);
export type Timeline = typeof timelines.$inferSelect;

export const auditEvents = sqliteTable("audit_events", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  workspaceId: integer("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
  entityType: text("entity_type", { enum: AUDIT_ENTITIES }).notNull(),
  entityId: text("entity_id").notNull(),
  action: text("action", { enum: AUDIT_ACTIONS }).notNull(),
  before: text("before", { mode: "json" }),
  after: text("after", { mode: "json" }),
  actorId: integer("actor_id").notNull().references(() => users.id),
  createdAt: text("created_at").notNull().default(now),
}, (t) => [index("audit_entity_idx").on(t.workspaceId, t.entityType, t.entityId)]);
export type AuditEvent = typeof auditEvents.$inferSelect;

/** Small facts about this database file, e.g. that the demo was seeded once. */
export const appMeta = sqliteTable("app_meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  ...timestamps,
});

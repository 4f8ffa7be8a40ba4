import { asc, eq, inArray } from "drizzle-orm";
import type { DB } from "../index";
import {
  articles, auditEvents, flagReviews, links, speakers, statements, statementTopics, suggestionDismissals, timelines, topics, users, workspaces,
} from "../schema";
import { notFound } from "../errors";
import { WORKSPACE_DUMP_VERSION, type WorkspaceDump } from "@/lib/validation/workspace-dump";

export { importWorkspaceDump, parseWorkspaceDumpText } from "./workspace-dump-import";

type Json = WorkspaceDump["auditEvents"][number]["after"];

/**
 * The lossless workspace.json object: every article snapshot, speaker, topic,
 * statement with its stances, link, flag review, suggestion dismissal,
 * timeline (share tokens left out: they are secrets, and a copy must not
 * open the original's public page) and audit event. Rows are in id order so
 * two exports of the same data are identical.
 */
export function exportWorkspaceDump(db: DB, { workspaceId, now = new Date() }: { workspaceId: number; now?: Date }): WorkspaceDump {
  const ws = db.select().from(workspaces).where(eq(workspaces.id, workspaceId)).get();
  if (!ws) throw notFound("Workspace", "slug");
  const articleRows = db.select().from(articles).where(eq(articles.workspaceId, workspaceId)).orderBy(asc(articles.id)).all();
  const speakerRows = db.select().from(speakers).where(eq(speakers.workspaceId, workspaceId)).orderBy(asc(speakers.id)).all();
  const topicRows = db.select().from(topics).where(eq(topics.workspaceId, workspaceId)).orderBy(asc(topics.id)).all();
  const statementRows = db.select().from(statements).where(eq(statements.workspaceId, workspaceId)).orderBy(asc(statements.id)).all();
  const stanceRows = db.select().from(statementTopics).innerJoin(statements, eq(statements.id, statementTopics.statementId))
    .where(eq(statements.workspaceId, workspaceId)).orderBy(asc(statementTopics.statementId), asc(statementTopics.topicId)).all();
  const linkRows = db.select().from(links).where(eq(links.workspaceId, workspaceId)).orderBy(asc(links.id)).all();
  const reviewRows = db.select().from(flagReviews).where(eq(flagReviews.workspaceId, workspaceId)).orderBy(asc(flagReviews.id)).all();
  const dismissalRows = db.select().from(suggestionDismissals).where(eq(suggestionDismissals.workspaceId, workspaceId)).orderBy(asc(suggestionDismissals.id)).all();
  const timelineRows = db.select().from(timelines).where(eq(timelines.workspaceId, workspaceId)).orderBy(asc(timelines.id)).all();
  const auditRows = db.select().from(auditEvents).where(eq(auditEvents.workspaceId, workspaceId)).orderBy(asc(auditEvents.id)).all();

  const stancesOf = new Map<number, WorkspaceDump["statements"][number]["stances"]>();
  for (const { statement_topics: st } of stanceRows) {
    const list = stancesOf.get(st.statementId) ?? [];
    list.push({ topicId: st.topicId, stance: st.stance, condition: st.condition });
    stancesOf.set(st.statementId, list);
  }

  const userIds = new Set<number>([
    ...[articleRows, speakerRows, topicRows, statementRows, linkRows, reviewRows, dismissalRows, timelineRows].flatMap((rows) => rows.map((r) => r.createdBy)),
    ...auditRows.map((e) => e.actorId),
  ]);
  const userRows = userIds.size ? db.select().from(users).where(inArray(users.id, [...userIds])).orderBy(asc(users.id)).all() : [];

  return {
    formatVersion: WORKSPACE_DUMP_VERSION,
    exportedAt: now.toISOString(),
    workspace: { slug: ws.slug, name: ws.name, description: ws.description },
    users: userRows.map((u) => ({ id: u.id, name: u.name, email: u.email })),
    articles: articleRows.map(({ workspaceId: _w, ...a }) => a),
    speakers: speakerRows.map(({ workspaceId: _w, ...s }) => s),
    topics: topicRows.map(({ workspaceId: _w, ...t }) => t),
    statements: statementRows.map(({ workspaceId: _w, ...s }) => ({ ...s, stances: stancesOf.get(s.id) ?? [] })),
    links: linkRows.map(({ workspaceId: _w, ...l }) => l),
    flagReviews: reviewRows.map(({ workspaceId: _w, id: _i, ...r }) => r),
    suggestionDismissals: dismissalRows.map((d) => ({ statementId: d.statementId, candidateId: d.candidateId, createdBy: d.createdBy, createdAt: d.createdAt })),
    timelines: timelineRows.map((t) => ({
      id: t.id, title: t.title, description: t.description, filter: t.filter as Record<string, Json>,
      createdBy: t.createdBy, createdAt: t.createdAt, updatedAt: t.updatedAt,
    })),
    auditEvents: auditRows.map((e) => ({
      entityType: e.entityType, entityId: e.entityId, action: e.action,
      before: withoutSecrets(e.before ?? null) as Json, after: withoutSecrets(e.after ?? null) as Json, actorId: e.actorId, createdAt: e.createdAt,
    })),
  };
}

/** Share events record the timeline row; its token is a secret and stays behind. */
const SECRET_KEYS = new Set(["shareToken", "share_token", "token"]);
function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !SECRET_KEYS.has(k)).map(([k, v]) => [k, withoutSecrets(v)]));
}

import { eq } from "drizzle-orm";
import type { DB } from "../index";
import {
  articles, auditEvents, flagReviews, links, speakers, statements, statementTopics, suggestionDismissals, timelines, topics, users, workspaces,
  type Workspace,
} from "../schema";
import { AppError, conflict, fromSqliteError, invalid } from "../errors";
import { recordAuditEvent, type Tx } from "./audit";
import { findWorkspaceBySlug, uniqueWorkspaceSlug } from "./workspaces";
import { remapFlagKey } from "@/lib/domain/flag-key";
import { parseWorkspaceDump, type WorkspaceDump } from "@/lib/validation/workspace-dump";
import { remapIdsDeep, type IdMaps } from "./workspace-dump-remap";

/** JSON text → dump, or an AppError naming what is wrong and where. */
export function parseWorkspaceDumpText(text: string): WorkspaceDump {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw invalid(`The file is not valid JSON (${(error as Error).message}). Nothing was imported.`, "file");
  }
  return validDump(data);
}

function validDump(data: unknown): WorkspaceDump {
  const parsed = parseWorkspaceDump(data);
  if (parsed.ok) return parsed.dump;
  const where = parsed.path && !parsed.message.includes(parsed.path) ? ` (at ${parsed.path})` : "";
  throw invalid(`${parsed.message}${where} Nothing was imported.`, "file");
}

export interface ImportedWorkspace {
  workspace: Workspace;
  counts: { articles: number; speakers: number; topics: number; statements: number; links: number; flagReviews: number; timelines: number; auditEvents: number };
}

/**
 * Rebuilds a workspace.json as a NEW workspace: every row gets a fresh id and
 * every reference (statements → articles, links, flag keys, timeline filters,
 * audit entity ids) is rewritten to the new ids. One transaction: a file that
 * fails halfway leaves the database exactly as it was.
 */
export function importWorkspaceDump(db: DB, { actorId, dump, name, slug }: { actorId: number; dump: unknown; name?: string; slug?: string }): ImportedWorkspace {
  const data = validDump(dump);
  const wantedSlug = slug?.trim();
  if (wantedSlug !== undefined && wantedSlug !== "") {
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(wantedSlug)) throw invalid("Use lowercase letters, digits and single dashes for the address.", "slug");
    if (findWorkspaceBySlug(db, { slug: wantedSlug })) throw conflict(`The address "${wantedSlug}" is taken.`, "slug");
  }
  try {
    return db.transaction((tx) => insertDump(tx, data, {
      actorId,
      name: name?.trim() || data.workspace.name,
      slug: wantedSlug || uniqueWorkspaceSlug(db, data.workspace.slug),
    }));
  } catch (error) {
    if (error instanceof AppError) throw error;
    const sqlite = fromSqliteError(error);
    if (sqlite) throw invalid(`The file could not be imported: ${sqlite.message} Nothing was imported.`, "file");
    throw error;
  }
}

/** Users are matched by email, then by name, so re-importing on the same machine does not multiply people. */
function mapUsers(tx: Tx, data: WorkspaceDump): Map<number, number> {
  const existing = tx.select().from(users).all();
  const map = new Map<number, number>();
  for (const u of data.users) {
    const found = (u.email ? existing.find((e) => e.email === u.email) : undefined) ?? existing.find((e) => e.name === u.name && (!u.email || !e.email));
    map.set(u.id, found ? found.id : tx.insert(users).values({ name: u.name, email: u.email }).returning({ id: users.id }).get().id);
  }
  return map;
}

function insertDump(tx: Tx, data: WorkspaceDump, target: { actorId: number; name: string; slug: string }): ImportedWorkspace {
  const userIds = mapUsers(tx, data);
  const user = (id: number) => userIds.get(id)!; // the schema checked every reference resolves
  const ws = tx.insert(workspaces).values({ slug: target.slug, name: target.name, description: data.workspace.description, createdBy: target.actorId }).returning().get();
  const workspaceId = ws.id;
  const maps: IdMaps = { workspace: ws.id, users: userIds, articles: new Map(), speakers: new Map(), topics: new Map(), statements: new Map(), links: new Map(), timelines: new Map() };

  for (const { id, previousSnapshotId: _p, createdBy, ...a } of data.articles) {
    maps.articles.set(id, tx.insert(articles).values({ ...a, workspaceId, createdBy: user(createdBy), previousSnapshotId: null }).returning({ id: articles.id }).get().id);
  }
  // Second pass: a snapshot may point at one listed after it.
  for (const a of data.articles) {
    if (a.previousSnapshotId !== null) {
      tx.update(articles).set({ previousSnapshotId: maps.articles.get(a.previousSnapshotId)! }).where(eq(articles.id, maps.articles.get(a.id)!)).run();
    }
  }
  for (const { id, createdBy, ...s } of data.speakers) {
    maps.speakers.set(id, tx.insert(speakers).values({ ...s, workspaceId, createdBy: user(createdBy) }).returning({ id: speakers.id }).get().id);
  }
  for (const { id, createdBy, ...t } of data.topics) {
    maps.topics.set(id, tx.insert(topics).values({ ...t, workspaceId, createdBy: user(createdBy) }).returning({ id: topics.id }).get().id);
  }
  for (const { id, articleId, speakerId, stances, createdBy, ...s } of data.statements) {
    const newId = tx.insert(statements).values({
      ...s, workspaceId, articleId: maps.articles.get(articleId)!, speakerId: maps.speakers.get(speakerId)!, createdBy: user(createdBy),
    }).returning({ id: statements.id }).get().id;
    maps.statements.set(id, newId);
    for (const st of stances) tx.insert(statementTopics).values({ statementId: newId, topicId: maps.topics.get(st.topicId)!, stance: st.stance, condition: st.condition }).run();
  }
  for (const { id, fromStatementId, toStatementId, createdBy, ...l } of data.links) {
    maps.links.set(id, tx.insert(links).values({
      ...l, workspaceId, fromStatementId: maps.statements.get(fromStatementId)!, toStatementId: maps.statements.get(toStatementId)!, createdBy: user(createdBy),
    }).returning({ id: links.id }).get().id);
  }
  data.flagReviews.forEach((r, i) => {
    const flagKey = remapFlagKey(r.flagKey, maps.statements, maps.topics);
    if (!flagKey) throw invalid(`flagReviews[${i}].flagKey names a statement or topic that is not in this file. Nothing was imported.`, "file");
    tx.insert(flagReviews).values({ ...r, flagKey, workspaceId, createdBy: user(r.createdBy) }).run();
  });
  for (const d of data.suggestionDismissals) {
    tx.insert(suggestionDismissals).values({
      workspaceId, statementId: maps.statements.get(d.statementId)!, candidateId: maps.statements.get(d.candidateId)!,
      createdBy: user(d.createdBy), createdAt: d.createdAt, updatedAt: d.createdAt,
    }).run();
  }
  for (const { id, filter, createdBy, ...t } of data.timelines) {
    maps.timelines.set(id, tx.insert(timelines).values({
      ...t, workspaceId, filter: remapIdsDeep(filter, maps) as Record<string, unknown>, createdBy: user(createdBy),
    }).returning({ id: timelines.id }).get().id);
  }
  for (const e of data.auditEvents) {
    tx.insert(auditEvents).values({
      workspaceId, entityType: e.entityType, entityId: remapEntityId(e.entityType, e.entityId, maps), action: e.action,
      before: remapIdsDeep(e.before, maps, e.entityType), after: remapIdsDeep(e.after, maps, e.entityType),
      actorId: user(e.actorId), createdAt: e.createdAt,
    }).run();
  }
  const counts = {
    articles: data.articles.length, speakers: data.speakers.length, topics: data.topics.length, statements: data.statements.length,
    links: data.links.length, flagReviews: data.flagReviews.length, timelines: data.timelines.length, auditEvents: data.auditEvents.length,
  };
  recordAuditEvent(tx, {
    workspaceId, entityType: "workspace", entityId: workspaceId, action: "create", actorId: target.actorId,
    after: { ...ws, importedFrom: { slug: data.workspace.slug, exportedAt: data.exportedAt, formatVersion: data.formatVersion }, counts },
  });
  return { workspace: ws, counts };
}

/**
 * The audit trail keeps its history: entity ids become the new ids. An id
 * the file does not contain (the entity was deleted before the export) is
 * marked "deleted:<old id>" so it can never be mistaken for a new row.
 */
function remapEntityId(type: WorkspaceDump["auditEvents"][number]["entityType"], entityId: string, maps: IdMaps): string {
  if (type === "workspace") return String(maps.workspace);
  if (type === "flag") return remapFlagKey(entityId, maps.statements, maps.topics) ?? `deleted:${entityId}`;
  const table = { article: maps.articles, speaker: maps.speakers, topic: maps.topics, statement: maps.statements, link: maps.links, timeline: maps.timelines }[type];
  const mapped = /^\d+$/.test(entityId) ? table.get(Number(entityId)) : undefined;
  return mapped === undefined ? `deleted:${entityId}` : String(mapped);
}

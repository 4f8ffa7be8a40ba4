import { eq } from "drizzle-orm";
import type { DB } from "./index";
import { appMeta, timelines } from "./schema";
import { ensureLocalUser } from "./queries/users";
import { createWorkspace, findWorkspaceBySlug } from "./queries/workspaces";
import { createSpeaker } from "./queries/speakers";
import { createTopic } from "./queries/topics";
import { createStatement } from "./queries/statements";
import { createLink } from "./queries/links";
import { importArticle } from "./queries/article-import";
import { demoArticles, demoLinks, demoSpeakers, demoStatements, demoTimeline, demoTopics, demoWorkspace } from "./seed-data";
import { createStatementInput } from "@/lib/validation/statement";
import { createLinkInput } from "@/lib/validation/link";

const SEEDED_KEY = "demo_seeded_at";

/**
 * Seeds the demo workspace once per database file. The marker means a user
 * who deletes the demo does not see it come back, and a second `npm start`
 * never duplicates it or touches anything the user added.
 */
export function seedDemoOnce(db: DB): "seeded" | "already-seeded" {
  ensureLocalUser(db);
  if (db.select().from(appMeta).where(eq(appMeta.key, SEEDED_KEY)).get()) return "already-seeded";
  if (findWorkspaceBySlug(db, { slug: demoWorkspace.slug })) {
    markSeeded(db);
    return "already-seeded";
  }
  seedDemoWorkspace(db);
  return "seeded";
}

function markSeeded(db: DB) {
  db.insert(appMeta).values({ key: SEEDED_KEY, value: new Date().toISOString() }).onConflictDoNothing().run();
}

/** Articles go through the same import code as a user's paste; statements through the same validation as the API. */
export function seedDemoWorkspace(db: DB, { slug = demoWorkspace.slug, name = demoWorkspace.name }: { slug?: string; name?: string } = {}) {
  const actorId = ensureLocalUser(db).id;
  return db.transaction(() => {
    const ws = createWorkspace(db, { ...demoWorkspace, slug, name, actorId });
    const speakerIds = new Map(demoSpeakers.map((s) => [s.name, createSpeaker(db, { ...s, workspaceId: ws.id, actorId }).id]));
    const topicIds = new Map(demoTopics.map((t) => [t.name, createTopic(db, { ...t, workspaceId: ws.id, actorId }).id]));
    const articleIds = new Map(demoArticles.map((a) => [a.key, importArticle(db, {
      workspaceId: ws.id, actorId, input: { kind: "text", text: a.text },
      meta: { title: a.title, publisher: a.publisher, author: a.author, publishedAt: a.publishedAt, url: a.url, language: "en" },
    }).id]));
    const statementIds = new Map<string, number>();
    for (const s of demoStatements) {
      const input = createStatementInput.parse({
        articleId: articleIds.get(s.article), quote: s.quote, speaker: speakerIds.get(s.speaker), saidOn: s.saidOn,
        saidOnPrecision: "day", kind: s.kind, summary: s.summary,
        topics: s.topics.map((t) => ({ topic: topicIds.get(t.topic), stance: t.stance, condition: t.condition ?? "" })),
      });
      statementIds.set(s.key, createStatement(db, { workspaceId: ws.id, actorId, input }).id);
    }
    for (const l of demoLinks) {
      const input = createLinkInput.parse({ fromId: statementIds.get(l.from), toId: statementIds.get(l.to), relation: l.relation, verdict: l.verdict ?? null, rationale: l.rationale });
      createLink(db, { workspaceId: ws.id, actorId, input });
    }
    db.insert(timelines).values({
      workspaceId: ws.id, ...demoTimeline, createdBy: actorId,
      filter: { speakers: [speakerIds.get("Vladimir Putin")], topics: [topicIds.get("Preconditions for negotiations")] },
    }).run();
    markSeeded(db);
    return ws;
    // Immediate: take the write lock up front. A deferred transaction that reads first cannot wait for another
    // process's writer (SQLite answers SQLITE_BUSY at once), which made parallel e2e fixtures fail with "database is locked".
  }, { behavior: "immediate" });
}

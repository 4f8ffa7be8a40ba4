import { and, eq, sql } from "drizzle-orm";
import type { DB } from "../index";
import { articles, statements } from "../schema";
import { invalid, notFound } from "../errors";
import { recordAuditEvent } from "./audit";
import { anchorAll } from "@/lib/anchoring";
import type { AnchorStatus } from "@/lib/domain/enums";

export type CarryOverReport = Record<AnchorStatus, number> & { total: number };

/** How many statements the earlier snapshot of an article still holds (to offer carrying them over). */
export function countCarryableStatements(db: DB, { articleId }: { articleId: number }): { previousId: number; count: number } | null {
  const article = db.select({ previous: articles.previousSnapshotId }).from(articles).where(eq(articles.id, articleId)).get();
  if (!article?.previous) return null;
  const count = db.select({ n: sql<number>`count(*)` }).from(statements).where(eq(statements.articleId, article.previous)).get()?.n ?? 0;
  return count ? { previousId: article.previous, count } : null;
}

/**
 * Moves the statements of an article's previous snapshot onto the new one and
 * finds them again in the new text: position first, then the exact quote with
 * its context, then a fuzzy match. Each gets its anchor status (exact, moved,
 * fuzzy with a score, or orphaned); none is dropped, and their links, flags
 * and history stay with them because the rows move rather than being copied.
 */
export function carryStatementsToSnapshot(db: DB, { workspaceId, actorId, articleId }: { workspaceId: number; actorId: number; articleId: number }): CarryOverReport {
  return db.transaction((tx) => {
    const target = tx.select().from(articles).where(and(eq(articles.id, articleId), eq(articles.workspaceId, workspaceId))).get();
    if (!target) throw notFound("Article", "articleId");
    if (!target.previousSnapshotId) throw invalid("This article has no earlier snapshot to carry statements from.", "articleId");
    const old = tx.select().from(statements).where(eq(statements.articleId, target.previousSnapshotId)).all();
    const results = anchorAll(target.text, old.map((s) => ({ quote: s.quote, prefix: s.prefix, suffix: s.suffix, start: s.start, end: s.end })));
    const report: CarryOverReport = { exact: 0, moved: 0, fuzzy: 0, orphaned: 0, total: old.length };
    old.forEach((before, i) => {
      const r = results[i];
      report[r.status]++;
      const placed = r.status !== "orphaned";
      const after = {
        articleId: target.id,
        anchorStatus: r.status,
        anchorScore: r.score,
        ...(placed ? {
          start: r.start, end: r.end, quote: target.text.slice(r.start, r.end),
          prefix: target.text.slice(Math.max(0, r.start - 32), r.start), suffix: target.text.slice(r.end, r.end + 32),
        } : {}),
        updatedAt: new Date().toISOString(),
      };
      tx.update(statements).set(after).where(eq(statements.id, before.id)).run();
      recordAuditEvent(tx, { workspaceId, entityType: "statement", entityId: before.id, action: "update", before, after: { ...before, ...after }, actorId });
    });
    return report;
  });
}

import { eq } from "drizzle-orm";
import type { DB } from "../index";
import type { DatePrecision } from "@/lib/domain/enums";
import type { FlagSeverity, FlagStatus } from "@/lib/flags/types";
import { speakers, statements } from "../schema";
import { stancesByStatement } from "./statements";
import { listFlagsByWorkspace } from "./flags";

/** Everything the reader paints and lists for one article, in text order, in two queries. */
export function readerStatementsByArticle(db: DB, { articleId }: { articleId: number }) {
  const rows = db.select({
    id: statements.id, start: statements.start, end: statements.end, quote: statements.quote,
    speakerId: statements.speakerId, speakerName: speakers.name, saidOn: statements.saidOn, saidOnPrecision: statements.saidOnPrecision,
    kind: statements.kind, summary: statements.summary, note: statements.note, notePrivate: statements.notePrivate,
    anchorStatus: statements.anchorStatus, anchorScore: statements.anchorScore,
  }).from(statements).innerJoin(speakers, eq(speakers.id, statements.speakerId))
    .where(eq(statements.articleId, articleId)).orderBy(statements.start, statements.id).all();
  const stances = stancesByStatement(db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, stances: stances.get(r.id) ?? [] }));
}

/**
 * The flags each of an article's statements takes part in (dismissed ones
 * left out), with the other statement in words, for the reader's cards.
 */
export interface ReaderFlag {
  key: string;
  severity: FlagSeverity;
  status: FlagStatus;
  title: string;
  other: { id: number; speakerName: string; saidOn: string; saidOnPrecision: DatePrecision; articleId: number };
}

export function readerFlagsByStatement(db: DB, { workspaceId, statementIds }: { workspaceId: number; statementIds: readonly number[] }): Map<number, ReaderFlag[]> {
  const ids = new Set(statementIds);
  const out = new Map<number, ReaderFlag[]>();
  if (ids.size === 0) return out;
  for (const f of listFlagsByWorkspace(db, { workspaceId })) {
    if (f.status === "dismissed") continue;
    for (const [self, other] of [[f.earlier, f.later], [f.later, f.earlier]]) {
      if (!ids.has(self.id)) continue;
      const list = out.get(self.id) ?? [];
      list.push({ key: f.key, severity: f.severity, status: f.status, title: f.title,
        other: { id: other.id, speakerName: other.speakerName, saidOn: other.saidOn, saidOnPrecision: other.saidOnPrecision, articleId: other.articleId } });
      out.set(self.id, list);
    }
  }
  return out;
}

import type { DB } from "../index";
import type { Article } from "../schema";
import { createArticleSnapshot } from "./articles";
import { invalid } from "../errors";

export interface ArticleMeta {
  title?: string | null;
  url?: string | null;
  publisher?: string | null;
  author?: string | null;
  publishedAt?: string | null;
  language?: string | null;
}

export type ImportInput = { kind: "text"; text: string };

/** Plain text → snapshot text: NFC, LF line ends, trimmed lines, paragraphs split by one blank line. */
function normalisePlainText(raw: string): string {
  return raw.normalize("NFC").replace(/\r\n?/g, "\n").split("\n").map((l) => l.replace(/[ \t\u00a0]+/g, " ").trim())
    .join("\n").replace(/\n{3,}/g, "\n\n").trim();
}

/** The one path every article takes into the database: users' pastes, uploads, URLs, the demo seed. */
export function importArticle(db: DB, { workspaceId, actorId, input, meta }: { workspaceId: number; actorId: number; input: ImportInput; meta: ArticleMeta }): Article {
  const text = normalisePlainText(input.text);
  if (!text) throw invalid("The article has no text.", "text");
  return createArticleSnapshot(db, {
    workspaceId, actorId, source: "text", text,
    title: meta.title?.trim() || text.split("\n")[0].slice(0, 120),
    url: meta.url ?? null, publisher: meta.publisher ?? null, author: meta.author ?? null,
    publishedAt: meta.publishedAt ?? null, language: meta.language ?? null,
  });
}

/**
 * Builds FTS5 MATCH expressions from people's words. Every term is cut out of
 * the text on anything that is not a letter, mark or digit and then quoted,
 * so quotes, stars, colons, parentheses, NEAR, AND/OR/NOT or a leading minus
 * typed by a user are searched as words (or dropped) and never parsed as
 * FTS5 syntax.
 */

/** Lowercased distinct words in order of first appearance, at most `max`. */
export function ftsTerms(text: string, max = 32): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const word of text.normalize("NFKC").split(/[^\p{L}\p{M}\p{N}]+/u)) {
    const term = word.toLowerCase();
    if (!term || seen.has(term)) continue;
    seen.add(term);
    out.push(term);
    if (out.length >= max) break;
  }
  return out;
}

/** A term as an FTS5 string; doubling any quote keeps it one string even if the splitter changes. */
export function quoteFtsTerm(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

/** Restrict an expression to some columns: `{quote summary} : (...)`. */
function inColumns(expr: string, columns?: readonly string[]): string {
  return columns && columns.length > 0 ? `{${columns.join(" ")}} : (${expr})` : expr;
}

/** Any of the terms (for similarity: BM25 then ranks by how many and how rare); null when there are none. */
export function ftsAnyOf(terms: readonly string[], columns?: readonly string[]): string | null {
  if (terms.length === 0) return null;
  return inColumns(terms.map(quoteFtsTerm).join(" OR "), columns);
}

/** All of the terms, each as a prefix, for search-as-you-type; null when there are none. */
export function ftsAllPrefixes(terms: readonly string[], columns?: readonly string[]): string | null {
  if (terms.length === 0) return null;
  return inColumns(terms.map((t) => `${quoteFtsTerm(t)}*`).join(" AND "), columns);
}

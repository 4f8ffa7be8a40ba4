/**
 * Turns what a person types into a search box into a safe SQLite FTS5 MATCH
 * expression. Every term is cut out of the input on anything that is not a
 * letter, mark or digit and then quoted, so quotes, colons, parentheses,
 * NEAR, AND/OR/NOT, `^` or a leading minus are searched as words (or
 * dropped) and can never be parsed as FTS5 syntax. Two things people expect
 * from a search box are kept:
 *   - "balanced double quotes" search for the words as a phrase;
 *   - a trailing `*` on a word makes it a prefix (`bandit*`).
 * Terms are combined with AND (FTS5's implicit operator).
 */

export const MAX_FTS_TERMS = 32;

const NOT_A_TERM_CHAR = /[^\p{L}\p{M}\p{N}]+/u;

export interface ParsedSearch {
  /** The FTS5 expression, or null when the input holds no searchable word. */
  match: string | null;
  /** The words that will be searched, for "no results for …" messages. */
  terms: string[];
}

function termsOf(raw: string): string[] {
  return raw.split(NOT_A_TERM_CHAR).filter(Boolean);
}

/** A term list as one FTS5 string (a phrase when it has several terms); doubling quotes keeps it one string whatever the splitter lets through. */
function ftsString(terms: string[]): string {
  return `"${terms.join(" ").replace(/"/g, '""')}"`;
}

export function parseUserSearch(input: string): ParsedSearch {
  const parts: string[] = [];
  const searched: string[] = [];
  let count = 0;
  // A phrase is "…" with both quotes present; a lone quote is just a character (dropped by the splitter).
  const chunks = input.match(/"[^"]*"|[^\s"]+|"/g) ?? [];
  for (const chunk of chunks) {
    if (count >= MAX_FTS_TERMS) break;
    const isPhrase = chunk.length >= 2 && chunk.startsWith("\"") && chunk.endsWith("\"");
    const body = isPhrase ? chunk.slice(1, -1) : chunk;
    const terms = termsOf(body).slice(0, MAX_FTS_TERMS - count);
    if (terms.length === 0) continue;
    count += terms.length;
    searched.push(...terms);
    const prefix = !isPhrase && /\*$/.test(body);
    parts.push(`${ftsString(terms)}${prefix ? "*" : ""}`);
  }
  return { match: parts.length > 0 ? parts.join(" ") : null, terms: searched };
}

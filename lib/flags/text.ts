/**
 * A small, dependency-free lexical model for link suggestions when the
 * database has not supplied FTS5 scores (tests, imports, the offline fixture).
 */

// Function words and fact-check filler that say nothing about what a
// statement is about; "said" and "says" appear in almost every summary.
const STOPWORDS = new Set(
  ("a about above after again against all also am an and any are as at be because been before being below between both but by " +
    "can cannot could did do does doing dont down during each few for from further had has have having he her here hers herself " +
    "him himself his how i if in into is it its itself just let me more most must my myself no nor not now of off on once only " +
    "or other ought our ours ourselves out over own same shall she should so some such than that the their theirs them " +
    "themselves then there these they this those through to too under until up very was we were what when where which while who " +
    "whom why will with would you your yours yourself yourselves said says say saying told tell according also one two us")
    .split(" "),
);

export interface Token {
  /** Normalised form used for matching. */
  term: string;
  /** The word as written, for showing people why something matched. */
  surface: string;
}

/**
 * Lowercase, strip punctuation and possessives, drop stopwords. Splitting on
 * anything that is not a letter, mark or digit keeps Cyrillic, accented and
 * other scripts intact ("Курск", "Erdoğan").
 */
export function tokenize(text: string): Token[] {
  const cleaned = text.normalize("NFKC").replace(/['’]s\b/gu, "").replace(/['’]/gu, "");
  const tokens: Token[] = [];
  for (const surface of cleaned.split(/[^\p{L}\p{M}\p{N}]+/u)) {
    if (!surface) continue;
    const lower = surface.toLowerCase();
    if (STOPWORDS.has(lower)) continue;
    // Lone Latin letters and digits are debris from initials and list markers.
    if (lower.length < 2 && /^[a-z0-9]$/.test(lower)) continue;
    tokens.push({ term: stem(lower), surface });
  }
  return tokens;
}

/**
 * Fold English plurals only ("talks" → "talk", "missiles" → "missile"): a
 * full stemmer would be a dependency and its over-merging hurts precision.
 */
function stem(word: string): string {
  if (word.length <= 4 || !/^[a-z]+$/.test(word)) return word;
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.endsWith("s") && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

export interface TfIdfModel {
  /** Cosine similarity in [0, 1] between two indexed documents. */
  similarity(a: number, b: number): number;
  /** Shared terms weighted by their contribution, as written in document `b`. */
  sharedTerms(a: number, b: number, limit: number): string[];
}

/**
 * TF-IDF over the documents given, with sublinear term frequency so one
 * repeated word cannot dominate a short quote. IDF is smoothed so a term in
 * every document still weighs a little rather than zero.
 */
export function buildTfIdf(texts: readonly string[]): TfIdfModel {
  const docs = texts.map(tokenize);
  const df = new Map<string, number>();
  for (const tokens of docs) for (const term of new Set(tokens.map((t) => t.term))) df.set(term, (df.get(term) ?? 0) + 1);

  const n = docs.length;
  const vectors = docs.map((tokens) => {
    const tf = new Map<string, number>();
    for (const { term } of tokens) tf.set(term, (tf.get(term) ?? 0) + 1);
    const weights = new Map<string, number>();
    let norm = 0;
    for (const [term, count] of tf) {
      const w = (1 + Math.log(count)) * (Math.log((1 + n) / (1 + df.get(term)!)) + 1);
      weights.set(term, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [term, w] of weights) weights.set(term, w / norm);
    return weights;
  });

  const contributions = (a: number, b: number): [string, number][] => {
    const [small, large] = vectors[a].size <= vectors[b].size ? [vectors[a], vectors[b]] : [vectors[b], vectors[a]];
    const out: [string, number][] = [];
    for (const [term, w] of small) {
      const other = large.get(term);
      if (other !== undefined) out.push([term, w * other]);
    }
    return out;
  };

  return {
    similarity(a, b) {
      return contributions(a, b).reduce((sum, [, c]) => sum + c, 0);
    },
    sharedTerms(a, b, limit) {
      const surfaces = new Map<string, string>();
      for (const t of docs[b]) if (!surfaces.has(t.term)) surfaces.set(t.term, t.surface);
      return contributions(a, b)
        .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
        .slice(0, limit)
        .map(([term]) => surfaces.get(term) ?? term);
    },
  };
}

import type { SaidOn } from "../domain/said-on";
import { compareSaidOn } from "../domain/said-on";
import { buildTfIdf } from "./text";

export interface SuggestionTarget {
  id: number;
  speakerId: number;
  saidOn: SaidOn;
  topicIds: number[];
  /** Quote and summary together. */
  text: string;
}

export interface SuggestionCandidate extends SuggestionTarget {
  /**
   * Similarity computed elsewhere, higher = closer (pass -bm25() from FTS5,
   * whose raw scores are negative). If any candidate carries one, all are
   * ranked by these and a missing score means "FTS5 did not match".
   */
  lexicalScore?: number;
}

export interface SuggestOptions {
  /** Statements already linked to the target, either direction. */
  linkedIds?: Iterable<number>;
  /** Suggestions a person has dismissed for this target. */
  dismissedIds?: Iterable<number>;
  /** Topic names for the reasons; ids are shown when a name is missing. */
  topicNames?: ReadonlyMap<number, string>;
  /** How many to return; five fit beside the statement form. */
  limit?: number;
  /** Similarity (0–1) that counts as "similar wording". */
  minSimilarity?: number;
}

/** Why a candidate ranks where it does; tiers rank before similarity. */
export type SuggestionTier = "same_speaker_topic" | "similar_wording" | "same_topic";

export interface LinkSuggestion {
  id: number;
  tier: SuggestionTier;
  /** Lexical similarity in [0, 1] (external scores are scaled by the best one). */
  similarity: number;
  reasons: string[];
}

const TIER_RANK: Record<SuggestionTier, number> = { same_speaker_topic: 0, similar_wording: 1, same_topic: 2 };
export const DEFAULT_MIN_SIMILARITY = 0.1;

/** Earlier by said-on, with creation order deciding exact ties as in the engine. */
function isEarlier(c: SuggestionTarget, target: SuggestionTarget): boolean {
  const byDate = compareSaidOn(c.saidOn, target.saidOn);
  return byDate < 0 || (byDate === 0 && c.id < target.id);
}

/**
 * Rank up to five earlier statements the target may relate to. A speaker's
 * own statements on the same topic come first because self-inconsistency is
 * what the timeline checks; then anything worded alike (it may be tagged with
 * a different topic); then other speakers on the topic, who can only dispute.
 */
export function suggestLinks(target: SuggestionTarget, candidates: readonly SuggestionCandidate[], options: SuggestOptions = {}): LinkSuggestion[] {
  const excluded = new Set<number>([target.id, ...(options.linkedIds ?? []), ...(options.dismissedIds ?? [])]);
  const pool = candidates.filter((c) => !excluded.has(c.id) && isEarlier(c, target));
  if (pool.length === 0) return [];

  // Index 0 is the target; the model is also used for the "similar wording"
  // terms when scores come from FTS5, since bm25 does not say which words hit.
  const model = buildTfIdf([target.text, ...pool.map((c) => c.text)]);
  const external = pool.some((c) => c.lexicalScore !== undefined);
  const best = external ? Math.max(0, ...pool.map((c) => c.lexicalScore ?? 0)) : 0;
  const minSimilarity = options.minSimilarity ?? DEFAULT_MIN_SIMILARITY;
  const targetTopics = new Set(target.topicIds);
  const topicName = (id: number) => options.topicNames?.get(id) ?? `topic ${id}`;

  const ranked: (LinkSuggestion & { saidOn: SaidOn })[] = [];
  pool.forEach((c, i) => {
    const similarity = external ? (best > 0 ? Math.max(0, c.lexicalScore ?? 0) / best : 0) : model.similarity(0, i + 1);
    const shared = [...new Set(c.topicIds)].filter((t) => targetTopics.has(t)).sort((a, b) => a - b);
    const sameSpeaker = c.speakerId === target.speakerId;
    const similar = similarity > 0 && similarity >= minSimilarity;

    const reasons: string[] = [];
    if (sameSpeaker && shared.length > 0) reasons.push(`same speaker and topic: ${shared.map(topicName).join(", ")}`);
    if (similar) {
      const terms = model.sharedTerms(0, i + 1, 3);
      reasons.push(terms.length > 0 ? `similar wording: ${terms.join(", ")}` : "similar wording");
    }
    if (!sameSpeaker && shared.length > 0) reasons.push("same topic, other speaker");
    if (reasons.length === 0) return;

    const tier: SuggestionTier = sameSpeaker && shared.length > 0 ? "same_speaker_topic" : similar ? "similar_wording" : "same_topic";
    ranked.push({ id: c.id, tier, similarity, reasons, saidOn: c.saidOn });
  });

  // Within a tier: closer wording, then closer in time (the latest earlier
  // statement is the likeliest predecessor), then id for a stable order.
  ranked.sort((a, b) =>
    TIER_RANK[a.tier] - TIER_RANK[b.tier] || b.similarity - a.similarity || compareSaidOn(b.saidOn, a.saidOn) || b.id - a.id);

  return ranked.slice(0, options.limit ?? 5).map(({ id, tier, similarity, reasons }) => ({ id, tier, similarity, reasons }));
}

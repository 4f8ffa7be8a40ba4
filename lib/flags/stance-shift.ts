import type { Stance, Verdict } from "../domain/enums";
import { saidOnOrdinals, type SaidOn } from "../domain/said-on";
import type { StanceFacts, StanceShift, StatementFacts } from "./types";

/** A consecutive pair of one speaker's stances on one topic that differ. */
export interface DetectedShift {
  speakerId: number;
  topicId: number;
  earlier: StatementFacts;
  later: StatementFacts;
  shift: StanceShift;
  severity: Verdict;
}

/**
 * Conditions are typed by hand, so "Bandits out of  Kursk " and "bandits out of
 * Kursk" must count as the same condition.
 */
export function normaliseCondition(condition: string | null | undefined): string {
  return (condition ?? "").normalize("NFKC").trim().replace(/\s+/g, " ").toLocaleLowerCase("en");
}

/**
 * How far apart two stances are on the Flip-O-Meter, or null when they agree.
 * Outright support against outright opposition is a full flop; moving to or
 * from a hedge (conditional, neutral) is a half flip.
 */
export function classifyShift(from: StanceFacts, to: StanceFacts): Verdict | null {
  if (from.stance === to.stance) {
    if (from.stance !== "conditional") return null;
    const a = normaliseCondition(from.condition);
    const b = normaliseCondition(to.condition);
    // A blank condition means the tagger did not record one, not that it
    // changed; flagging it would bury reviewers in noise.
    if (a === "" || b === "" || a === b) return null;
    return "half_flip";
  }
  if (isOutright(from.stance) && isOutright(to.stance)) return "full_flop";
  return "half_flip";
}

function isOutright(stance: Stance): boolean {
  return stance === "supports" || stance === "opposes";
}

/**
 * Every change of stance between consecutive statements of one speaker on one
 * topic. Grouping by (speaker, topic) in one pass keeps this O(n log n):
 * comparing only neighbours, not all pairs, is also what a reader expects —
 * A→B→A is two shifts, not three.
 */
export function detectStanceShifts(
  statements: readonly StatementFacts[],
  ordinal: (saidOn: SaidOn) => number = saidOnOrdinals(statements.map((s) => s.saidOn)),
): DetectedShift[] {
  // Keyed by number, speaker then topic: a "speaker:topic" string per stance was a large share of the time.
  const bySpeaker = new Map<number, Map<number, { stance: StanceFacts; statement: StatementFacts; order: number }[]>>();
  for (const statement of statements) {
    let byTopic = bySpeaker.get(statement.speakerId);
    if (!byTopic) bySpeaker.set(statement.speakerId, (byTopic = new Map()));
    const { stances } = statement;
    const order = ordinal(statement.saidOn);
    for (let i = 0; i < stances.length; i++) {
      const stance = stances[i];
      // One stance per topic per statement; a duplicate row would otherwise
      // pair the statement with itself.
      if (stances.findIndex((other) => other.topicId === stance.topicId) !== i) continue;
      let group = byTopic.get(stance.topicId);
      if (!group) byTopic.set(stance.topicId, (group = []));
      group.push({ stance, statement, order });
    }
  }
  const groups = [...bySpeaker.values()].flatMap((byTopic) => [...byTopic.values()]);

  const shifts: DetectedShift[] = [];
  for (const group of groups) {
    // Chronological, with creation order (id) breaking exact ties so results are stable.
    group.sort((x, y) => x.order - y.order || x.statement.id - y.statement.id);
    for (let i = 1; i < group.length; i++) {
      const prev = group[i - 1];
      const next = group[i];
      const severity = classifyShift(prev.stance, next.stance);
      if (!severity) continue;
      shifts.push({
        speakerId: next.statement.speakerId,
        topicId: next.stance.topicId,
        earlier: prev.statement,
        later: next.statement,
        severity,
        shift: {
          from: prev.stance.stance,
          to: next.stance.stance,
          fromCondition: cleanCondition(prev.stance),
          toCondition: cleanCondition(next.stance),
        },
      });
    }
  }
  return shifts;
}

function cleanCondition(stance: StanceFacts): string | null {
  if (stance.stance !== "conditional") return null;
  const text = (stance.condition ?? "").trim().replace(/\s+/g, " ");
  return text === "" ? null : text;
}

/** "conditional (bandits out of Kursk)" or "opposes". */
export function describeStance(stance: Stance, condition: string | null): string {
  return condition ? `${stance} (${condition})` : stance;
}

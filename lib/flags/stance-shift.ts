import type { Stance, Verdict } from "../domain/enums";
import { compareSaidOn } from "../domain/said-on";
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

/** Chronological order with creation order (id) breaking exact ties, so results are stable. */
export function compareStatements(a: StatementFacts, b: StatementFacts): number {
  return compareSaidOn(a.saidOn, b.saidOn) || a.id - b.id;
}

/**
 * Every change of stance between consecutive statements of one speaker on one
 * topic. Grouping by (speaker, topic) in one pass keeps this O(n log n):
 * comparing only neighbours, not all pairs, is also what a reader expects —
 * A→B→A is two shifts, not three.
 */
export function detectStanceShifts(statements: readonly StatementFacts[]): DetectedShift[] {
  const groups = new Map<string, { stance: StanceFacts; statement: StatementFacts }[]>();
  for (const statement of statements) {
    const seen = new Set<number>();
    for (const stance of statement.stances) {
      // One stance per topic per statement; a duplicate row would otherwise
      // pair the statement with itself.
      if (seen.has(stance.topicId)) continue;
      seen.add(stance.topicId);
      const groupKey = `${statement.speakerId}:${stance.topicId}`;
      let group = groups.get(groupKey);
      if (!group) groups.set(groupKey, (group = []));
      group.push({ stance, statement });
    }
  }

  const shifts: DetectedShift[] = [];
  for (const group of groups.values()) {
    group.sort((x, y) => compareStatements(x.statement, y.statement));
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

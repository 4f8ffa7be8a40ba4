import type { DatePrecision, LinkRelation, Stance, Verdict } from "../domain/enums";
import type { LinkFacts, StatementFacts } from "./types";

/** Terse builders so each test reads as the scenario it checks. */
export function stmt(
  id: number,
  speakerId: number,
  date: string,
  stances: [topicId: number, stance: Stance, condition?: string | null][],
  precision: DatePrecision = "day",
): StatementFacts {
  return {
    id,
    speakerId,
    saidOn: { date, precision },
    stances: stances.map(([topicId, stance, condition]) => ({ topicId, stance, condition })),
  };
}

export function link(
  id: number,
  fromId: number,
  toId: number,
  relation: LinkRelation,
  verdict: Verdict | null = null,
  rationale: string | null = null,
): LinkFacts {
  return { id, fromId, toId, relation, verdict, rationale };
}

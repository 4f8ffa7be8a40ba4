import type { FlagRule, LinkRelation, Stance, Verdict } from "../domain/enums";
import type { SaidOn } from "../domain/said-on";

/** One stance a statement takes; the condition only means something for "conditional". */
export interface StanceFacts {
  topicId: number;
  stance: Stance;
  condition?: string | null;
}

/** The engine sees only what it needs of a statement, so it stays independent of the schema. */
export interface StatementFacts {
  id: number;
  speakerId: number;
  saidOn: SaidOn;
  stances: StanceFacts[];
}

/** A typed link; `fromId` is the later statement and `toId` the earlier one. */
export interface LinkFacts {
  id: number;
  fromId: number;
  toId: number;
  relation: LinkRelation;
  verdict: Verdict | null;
  rationale?: string | null;
}

/** A person's review of a flag, attached by flag key so it survives recomputation. */
export interface ReviewFacts {
  flagKey: string;
  decision: "confirmed" | "dismissed";
  verdict: Verdict | null;
}

export interface FlagInput {
  statements: StatementFacts[];
  links: LinkFacts[];
  reviews: ReviewFacts[];
}

/** Flip-O-Meter verdicts for self-inconsistency, or "dispute" when two speakers disagree. */
export type FlagSeverity = Verdict | "dispute";

/** How much a flag weighs, for ranking flags and picking a row's most serious one. */
export const SEVERITY_WEIGHT: Record<FlagSeverity, number> = { full_flop: 3, dispute: 2, half_flip: 1, no_flip: 0 };
export type FlagStatus = "linked" | "detected" | "confirmed" | "dismissed";

/** The stances either side of a detected shift, so the UI can render them with topic names. */
export interface StanceShift {
  from: Stance;
  to: Stance;
  fromCondition: string | null;
  toCondition: string | null;
}

export interface Flag {
  key: string;
  rule: FlagRule;
  earlierId: number;
  laterId: number;
  topicId?: number;
  linkId?: number;
  /** The link's relation, for linked and dispute flags. */
  relation?: LinkRelation;
  /** The stances compared, for stance_shift flags. */
  shift?: StanceShift;
  severity: FlagSeverity;
  status: FlagStatus;
  rationale: string;
  /** The two said-on periods overlap, so which came first is not actually known. */
  orderUncertain: boolean;
}

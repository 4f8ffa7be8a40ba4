// The vocabulary of Claimline, declared once. The database schema, the zod
// validators, the inconsistency engine and the exports all read these arrays,
// so a new value is added in exactly one place.

export const STANCES = ["supports", "opposes", "conditional", "neutral"] as const;
export type Stance = (typeof STANCES)[number];

export const STATEMENT_KINDS = ["claim", "precondition", "demand", "promise", "denial", "prediction", "other"] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];

/** How precisely we know when words were said: "Sep 2024" is month precision. */
export const DATE_PRECISIONS = ["day", "month", "year"] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const ANCHOR_STATUSES = ["exact", "moved", "fuzzy", "orphaned"] as const;
export type AnchorStatus = (typeof ANCHOR_STATUSES)[number];

/** A link always points from the later statement to the earlier one. */
export const LINK_RELATIONS = ["contradicts", "reverses", "softens", "hardens", "restates", "supports", "clarifies"] as const;
export type LinkRelation = (typeof LINK_RELATIONS)[number];

/** PolitiFact's Flip-O-Meter scale. */
export const VERDICTS = ["no_flip", "half_flip", "full_flop"] as const;
export type Verdict = (typeof VERDICTS)[number];

export const FLAG_RULES = ["linked", "stance_shift", "dispute"] as const;
export type FlagRule = (typeof FLAG_RULES)[number];

export const FLAG_DECISIONS = ["confirmed", "dismissed"] as const;
export type FlagDecision = (typeof FLAG_DECISIONS)[number];

export const ARTICLE_SOURCES = ["text", "html", "url"] as const;
export type ArticleSource = (typeof ARTICLE_SOURCES)[number];

export const AUDIT_ENTITIES = ["workspace", "article", "speaker", "topic", "statement", "link", "flag", "timeline"] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export const AUDIT_ACTIONS = ["create", "update", "delete", "restore", "merge", "review", "share", "revoke"] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const VERDICT_LABELS: Record<Verdict, string> = {
  no_flip: "No flip",
  half_flip: "Half flip",
  full_flop: "Full flop",
};

export const STANCE_LABELS: Record<Stance, string> = {
  supports: "Supports",
  opposes: "Opposes",
  conditional: "Conditional",
  neutral: "Neutral",
};

export const RELATION_LABELS: Record<LinkRelation, string> = {
  contradicts: "Contradicts",
  reverses: "Reverses",
  softens: "Softens",
  hardens: "Hardens",
  restates: "Restates",
  supports: "Supports",
  clarifies: "Clarifies",
};

/** The verdict a relation implies when the user gives none. */
export const DEFAULT_VERDICT_FOR_RELATION: Record<LinkRelation, Verdict | null> = {
  contradicts: "full_flop",
  reverses: "full_flop",
  softens: "half_flip",
  hardens: "half_flip",
  restates: "no_flip",
  supports: "no_flip",
  clarifies: null,
};

/** Relations that make a flag by themselves. */
export const FLAGGING_RELATIONS: readonly LinkRelation[] = ["contradicts", "reverses", "softens", "hardens"];
/** Relations that vouch for consistency and suppress a detected shift between the pair. */
export const SUPPRESSING_RELATIONS: readonly LinkRelation[] = ["restates", "supports"];

import type { AnchorStatus, FlagRule, LinkRelation, Stance, StatementKind, Verdict } from "../domain/enums";
import type { SaidOn } from "../domain/said-on";

// Plain shapes the exporters read. The database layer maps rows into them, so
// the exporters stay pure functions that tests can feed without a database.
// Timestamps are ISO-8601 strings in UTC ("2024-09-01T10:00:00.000Z"), as the
// schema stores them; the JSON-LD formats require a zone on date-times.

export interface ExportTopicStance {
  id: number;
  name: string;
  stance: Stance;
  /** Only meaningful for "conditional" stances. */
  condition?: string | null;
}

export interface ExportArticle {
  id: number;
  title: string;
  publisher: string | null;
  /** Null for pasted text that has no address on the web. */
  url: string | null;
  publishedAt: string | null;
}

export interface ExportStatement {
  id: number;
  workspaceSlug: string;
  speaker: { id: number; name: string };
  saidOn: SaidOn;
  kind: StatementKind;
  topics: ExportTopicStance[];
  summary: string;
  quote: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  anchorStatus: AnchorStatus;
  article: ExportArticle;
  note: string;
  /** Private notes never leave the workspace; exporters blank them. */
  notePrivate: boolean;
  /** Display name of the user who tagged it. */
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** Absolute URL of the statement in the app; doubles as its annotation id. */
  permalink: string;
}

/** Enough of a statement to name it in a row about a pair. */
export interface ExportStatementLite {
  id: number;
  speakerName: string;
  saidOn: SaidOn;
  quote: string;
  permalink: string;
}

/** A link points from the later statement (`from`) to the earlier one (`to`). */
export interface ExportLink {
  id: number;
  relation: LinkRelation;
  verdict: Verdict | null;
  rationale: string;
  createdBy: string;
  createdAt: string;
  from: ExportStatementLite;
  to: ExportStatementLite;
}

// Mirrors the flag engine's vocabulary (lib/flags) without importing it, so the
// exporters do not depend on the engine's internals.
export type ExportFlagSeverity = Verdict | "dispute";
export type ExportFlagStatus = "linked" | "detected" | "confirmed" | "dismissed";

export interface ExportFlag {
  key: string;
  rule: FlagRule;
  severity: ExportFlagSeverity;
  status: ExportFlagStatus;
  rationale: string;
  earlier: ExportStatementLite;
  later: ExportStatementLite;
  /** Set for stance shifts, which are about one topic. */
  topicName?: string | null;
}

/** A flag as seen from one timeline row: what it is and the row it pairs with. */
export interface ExportTimelineFlag {
  severity: ExportFlagSeverity;
  rule: FlagRule;
  /** Position (1-based) of the other statement in the same timeline. */
  otherPosition: number;
}

export interface ExportTimelineEntry {
  position: number;
  statement: ExportStatement;
  flags: ExportTimelineFlag[];
}

/** Turn a full statement into the lite shape used by links and flags. */
export function liteStatement(s: ExportStatement): ExportStatementLite {
  return { id: s.id, speakerName: s.speaker.name, saidOn: s.saidOn, quote: s.quote, permalink: s.permalink };
}

import type { AnchorStatus } from "../domain/enums";

/**
 * Offsets everywhere in this module are UTF-16 code unit indices into the
 * article snapshot (plain JS string indices), end exclusive, because that is
 * what the database stores and what DOM Ranges count in.
 */

/** W3C TextQuoteSelector + TextPositionSelector, as stored on a statement. */
export interface SelectionDescription {
  quote: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

/** What we know about a statement's place; everything but the quote is a hint. */
export interface QuoteSelector {
  quote: string;
  prefix?: string;
  suffix?: string;
  start?: number;
  end?: number;
}

export interface AnchorResult {
  status: AnchorStatus;
  /** -1 when orphaned: the statement survives, it just has no place in this text. */
  start: number;
  end: number;
  /** 0..1; 1 only for an exact positional match. */
  score: number;
}

export interface AnchorOptions {
  /** Fuzzy matches scoring below this are orphaned. Default 0.5. */
  minScore?: number;
  /** Upper bound on edit distance for fuzzy search. Default 256. */
  maxErrors?: number;
  /** Error budget as a fraction of the quote length. Default 0.25. */
  errorRatio?: number;
}

export interface LocateRequest {
  quote: string;
  prefix?: string;
  suffix?: string;
  start?: number;
}

export interface Occurrence {
  start: number;
  end: number;
}

export type LocateResult =
  | { ok: true; start: number; end: number; quote: string; prefix: string; suffix: string }
  | { ok: false; code: "not_found" | "ambiguous"; occurrences: Occurrence[]; total: number };

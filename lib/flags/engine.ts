import { DEFAULT_VERDICT_FOR_RELATION, FLAGGING_RELATIONS, SUPPRESSING_RELATIONS, type LinkRelation, type Verdict } from "../domain/enums";
import { formatFlagKey } from "../domain/flag-key";
import { saidOnOrdinals, saidOnOverlaps, type SaidOn } from "../domain/said-on";
import { PairMap } from "./pair-map";
import { describeStance, detectStanceShifts } from "./stance-shift";
import type { Flag, FlagInput, LinkFacts, ReviewFacts, StatementFacts } from "./types";

export type { Flag, FlagInput, FlagSeverity, FlagStatus, LinkFacts, ReviewFacts, StanceShift, StatementFacts } from "./types";

/** Only outright contradiction between two people is worth a flag; see linkFlagRule. */
const DISPUTE_RELATIONS: readonly LinkRelation[] = ["contradicts", "reverses"];

const SEVERITY_RANK: Record<Verdict, number> = { no_flip: 0, half_flip: 1, full_flop: 2 };

/**
 * Which rule a link raises, if any. Softens/hardens across speakers raise
 * nothing: one person toning down another's claim is ordinary debate, and
 * calling it a dispute would put it next to outright contradictions.
 */
function linkFlagRule(link: LinkFacts, from: StatementFacts, to: StatementFacts): "linked" | "dispute" | null {
  if (from.speakerId === to.speakerId) return FLAGGING_RELATIONS.includes(link.relation) ? "linked" : null;
  return DISPUTE_RELATIONS.includes(link.relation) ? "dispute" : null;
}

function linkSeverity(link: LinkFacts): Verdict {
  // Every flagging relation has a default verdict; "half_flip" only guards a
  // future relation added to FLAGGING_RELATIONS without one.
  return link.verdict ?? DEFAULT_VERDICT_FOR_RELATION[link.relation] ?? "half_flip";
}

/** Two links on one pair would share a key; keep the weightier judgement, then the older link. */
function preferLink(a: LinkFacts, b: LinkFacts): LinkFacts {
  const diff = SEVERITY_RANK[linkSeverity(a)] - SEVERITY_RANK[linkSeverity(b)];
  if (diff !== 0) return diff > 0 ? a : b;
  return a.id <= b.id ? a : b;
}

function givenRationale(link: LinkFacts): string | null {
  const text = link.rationale?.trim();
  return text ? text : null;
}

function linkFlag(link: LinkFacts, rule: "linked" | "dispute", from: StatementFacts, to: StatementFacts): Flag {
  // The link's direction is the stored convention (from = later), so the key
  // does not move if a said-on date is later corrected.
  const generated = rule === "linked"
    ? `Statement ${link.fromId} ${link.relation} the same speaker's earlier statement ${link.toId}.`
    : `Statement ${link.fromId} (speaker ${from.speakerId}) ${link.relation} statement ${link.toId} by speaker ${to.speakerId}.`;
  return {
    key: formatFlagKey({ rule, earlierId: link.toId, laterId: link.fromId }),
    rule,
    earlierId: link.toId,
    laterId: link.fromId,
    linkId: link.id,
    relation: link.relation,
    severity: rule === "dispute" ? "dispute" : linkSeverity(link),
    status: "linked",
    rationale: givenRationale(link) ?? generated,
    orderUncertain: saidOnOverlaps(to.saidOn, from.saidOn),
  };
}

/**
 * Apply a person's review. Returns null when the review removes the flag: a
 * detected shift confirmed as "no flip" is a person saying it is consistent.
 * A linked flag stays, because the person's own link still asserts it.
 */
function applyReview(flag: Flag, review: ReviewFacts | undefined): Flag | null {
  if (!review) return flag;
  if (review.decision === "dismissed") return { ...flag, status: "dismissed" };
  if (flag.rule === "stance_shift" && review.verdict === "no_flip") return null;
  // A Flip-O-Meter verdict measures one person against themselves, so it
  // cannot re-rate a dispute between two speakers.
  const severity = flag.rule !== "dispute" && review.verdict ? review.verdict : flag.severity;
  return { ...flag, status: "confirmed", severity };
}

/**
 * All flags for a workspace, recomputed from scratch. Linear apart from the
 * per-group sorts: everything is grouped with Maps in single passes.
 */
export function computeFlags({ statements, links, reviews }: FlagInput): Flag[] {
  const byId = new Map<number, StatementFacts>();
  for (const s of statements) byId.set(s.id, s);

  // Later entries win: the caller passes reviews oldest first.
  const reviewByKey = new Map<string, ReviewFacts>();
  for (const r of reviews) reviewByKey.set(r.flagKey, r);

  // Pairs are unordered, so a link and a detected shift match whichever way round.
  const suppressedPairs = new PairMap<true>();
  const chosenLinks = new PairMap<{ link: LinkFacts; rule: "linked" | "dispute" }>();
  for (const link of links) {
    const from = byId.get(link.fromId);
    const to = byId.get(link.toId);
    // Links to deleted statements and self-links cannot describe a change.
    if (!from || !to || link.fromId === link.toId) continue;
    if (SUPPRESSING_RELATIONS.includes(link.relation)) suppressedPairs.set(link.fromId, link.toId, true);
    const rule = linkFlagRule(link, from, to);
    if (!rule) continue;
    const existing = chosenLinks.get(link.fromId, link.toId);
    chosenLinks.set(link.fromId, link.toId, { link: existing ? preferLink(existing.link, link) : link, rule });
  }

  // Most workspaces have few reviews: skip hashing every flag's key when there are none.
  const reviewOf = (key: string) => (reviewByKey.size ? reviewByKey.get(key) : undefined);
  const flags: Flag[] = [];
  for (const { link, rule } of chosenLinks.values()) {
    const flag = linkFlag(link, rule, byId.get(link.fromId)!, byId.get(link.toId)!);
    const reviewed = applyReview(flag, reviewOf(flag.key));
    if (reviewed) flags.push(reviewed);
  }

  const ordinal = saidOnOrdinals(statements.map((s) => s.saidOn));
  for (const shift of detectStanceShifts(statements, ordinal)) {
    // A link already carries a person's judgement of this pair, either
    // vouching for it (restates/supports) or flagging it themselves.
    const { id: earlierId } = shift.earlier;
    const { id: laterId } = shift.later;
    if (suppressedPairs.get(earlierId, laterId) || chosenLinks.get(earlierId, laterId)) continue;
    const key = formatFlagKey({ rule: "stance_shift", earlierId, laterId, topicId: shift.topicId });
    const { from, to, fromCondition, toCondition } = shift.shift;
    const flag = applyReview({
      key,
      rule: "stance_shift",
      earlierId,
      laterId,
      topicId: shift.topicId,
      shift: shift.shift,
      severity: shift.severity,
      status: "detected",
      rationale: `Stance on topic ${shift.topicId} moved from ${describeStance(from, fromCondition)} to ${describeStance(to, toCondition)}.`,
      orderUncertain: saidOnOverlaps(shift.earlier.saidOn, shift.later.saidOn),
    }, reviewOf(key));
    if (flag) flags.push(flag);
  }

  return sortFlags(flags, byId, ordinal);
}

/** Chronological by the later statement (compareSaidOn's order), then by key. */
function sortFlags(flags: Flag[], byId: Map<number, StatementFacts>, ordinal: (saidOn: SaidOn) => number): Flag[] {
  // Read once per flag, not in the comparator: looking statements up there cost a third of the computation.
  const keyed = flags.map((flag) => ({ flag, order: ordinal(byId.get(flag.laterId)!.saidOn), key: flag.key }));
  keyed.sort((a, b) => a.order - b.order || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.flag);
}

/** Flags a statement takes part in, on either side. */
export function flagsForStatement(flags: readonly Flag[], statementId: number): Flag[] {
  return flags.filter((f) => f.earlierId === statementId || f.laterId === statementId);
}

/** Flags still asking for attention: everything except those a person dismissed. */
export function countOpenFlags(flags: readonly Flag[]): number {
  let open = 0;
  for (const f of flags) if (f.status !== "dismissed") open++;
  return open;
}

import { z } from "zod";
import { FLAG_DECISIONS, FLAG_RULES, VERDICTS } from "@/lib/domain/enums";
import { parseFlagKey } from "@/lib/domain/flag-key";
import { id, text } from "./common";

/** A flag key as formatFlagKey writes it ("linked:12:34", "stance_shift:12:34:5"). */
export const flagKey = z.string().max(100).refine((k) => parseFlagKey(k) !== null, "That is not a known kind of flag.");

/** A person's decision on a flag: confirm (optionally with a Flip-O-Meter verdict) or dismiss. */
export const reviewFlagInput = z.strictObject({
  flagKey,
  decision: z.enum(FLAG_DECISIONS, "Choose confirm or dismiss."),
  // An empty string is what an unselected <select> sends; it means "no verdict".
  verdict: z.preprocess((v) => (v === "" ? null : v), z.enum(VERDICTS, "Choose no flip, half flip or full flop.").nullable().optional()),
  note: text(2000).default(""),
}).superRefine((v, ctx) => {
  if (v.decision === "dismissed" && v.verdict) {
    ctx.addIssue({ code: "custom", path: ["verdict"], message: "A dismissed flag takes no verdict." });
  }
  if (v.verdict && parseFlagKey(v.flagKey)?.rule === "dispute") {
    ctx.addIssue({ code: "custom", path: ["verdict"], message: "A dispute is between two speakers; the Flip-O-Meter rates one speaker against themselves." });
  }
});
export type ReviewFlagInput = z.output<typeof reviewFlagInput>;

export const undoFlagReviewInput = z.strictObject({ flagKey });

/** Filters for the flags inbox; they live in the URL, so every value arrives as a string. */
export const FLAG_INBOX_TABS = ["open", "disputes", "confirmed", "dismissed"] as const;
export type FlagInboxTab = (typeof FLAG_INBOX_TABS)[number];
const optionalId = z.preprocess((v) => (v === "" ? undefined : v), id.optional());
export const flagFilterInput = z.object({
  speaker: optionalId,
  topic: optionalId,
  rule: z.preprocess((v) => (v === "" ? undefined : v), z.enum(FLAG_RULES).optional()),
  tab: z.preprocess((v) => (v === "" ? undefined : v), z.enum(FLAG_INBOX_TABS).optional()),
  /** Which page of a section (1-based); the inbox shows FLAGS_PER_PAGE at a time. */
  page: optionalId,
});

/** A workspace of 10,000 statements can hold thousands of flags: the inbox shows them a page at a time. */
export const FLAGS_PER_PAGE = 50;

/** "Not related": the suggested earlier statement is not suggested again for this one. */
export const dismissSuggestionInput = z.strictObject({ statementId: id, candidateId: id })
  .refine((v) => v.statementId !== v.candidateId, { path: ["candidateId"], message: "A statement is never suggested for itself." });

/** The search inside "Link to an earlier statement". */
export const linkSearchInput = z.strictObject({
  q: z.string().max(500).default(""),
  speakerId: z.preprocess((v) => (v === "" || v === null ? undefined : v), id.optional()),
  topicId: z.preprocess((v) => (v === "" || v === null ? undefined : v), id.optional()),
  excludeId: id,
});

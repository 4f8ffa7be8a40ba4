import { z } from "zod";
import { id, requiredText, text } from "./common";

/** Aliases as a list (the API) or one per line (a textarea); trimmed, blanks dropped, case-insensitive duplicates removed. */
export const aliasList = z.preprocess(
  (v) => (typeof v === "string" ? v.split(/\r?\n/) : v),
  z.array(text(200)).max(50, "Give at most 50 aliases."),
).transform((list) => {
  const seen = new Set<string>();
  return list.filter((a) => a && !seen.has(a.toLowerCase()) && seen.add(a.toLowerCase()));
});

export const renameSpeakerFields = { id, name: requiredText(200, "A name") };
export const renameSpeakerInput = z.strictObject(renameSpeakerFields);
export type RenameSpeakerInput = z.output<typeof renameSpeakerInput>;

export const updateSpeakerFields = { id, aliases: aliasList.optional(), description: text(1000).optional() };
export const updateSpeakerInput = z.strictObject(updateSpeakerFields);
export type UpdateSpeakerInput = z.output<typeof updateSpeakerInput>;

/** Shared by speakers and topics: merge `sourceId` into `targetId`. */
export const mergeFields = { sourceId: id, targetId: id };
export const refineDistinct = (v: { sourceId: number; targetId: number }, ctx: z.RefinementCtx) => {
  if (v.sourceId === v.targetId) ctx.addIssue({ code: "custom", path: ["targetId"], message: "Choose another entry to merge into; it cannot be merged into itself." });
};
export const mergeSpeakersInput = z.strictObject(mergeFields).superRefine(refineDistinct);
export type MergeInput = z.output<typeof mergeSpeakersInput>;

import { z } from "zod";
import { LINK_RELATIONS, VERDICTS } from "@/lib/domain/enums";
import { id, text } from "./common";

/** A link as the user states it: `fromId` is the later statement, `toId` the earlier one. */
export const createLinkInput = z.strictObject({
  fromId: id,
  toId: id,
  relation: z.enum(LINK_RELATIONS),
  verdict: z.enum(VERDICTS).nullable().optional(),
  rationale: text(2000).default(""),
}).refine((v) => v.fromId !== v.toId, { path: ["toId"], message: "A statement cannot be linked to itself." });
export type CreateLinkInput = z.output<typeof createLinkInput>;

/** A change to a link's meaning: its relation, its Flip-O-Meter verdict (null clears it) or its rationale. */
export const updateLinkInput = z.strictObject({
  relation: z.enum(LINK_RELATIONS).optional(),
  verdict: z.enum(VERDICTS).nullable().optional(),
  rationale: text(2000).optional(),
}).refine((v) => v.relation !== undefined || v.verdict !== undefined || v.rationale !== undefined, { path: ["relation"], message: "Say what to change: relation, verdict or rationale." });
export type UpdateLinkInput = z.output<typeof updateLinkInput>;

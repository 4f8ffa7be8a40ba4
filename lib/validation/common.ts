import { z } from "zod";
import { DATE_PRECISIONS } from "@/lib/domain/enums";
import { normaliseSaidOn } from "@/lib/domain/said-on";

export const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** Free text from a person: trimmed, bounded, no NUL bytes (they truncate strings in some tools). */
export const text = (max: number) => z.string().max(max).transform((s) => s.replace(/\u0000/g, "").trim());
export const requiredText = (max: number, what: string) => text(max).refine((s) => s.length > 0, `${what} is required.`);

/** An id, or a name that is found or created. */
export const idOrName = z.union([z.number().int().positive(), requiredText(200, "A name")]);

export const saidOnFields = {
  saidOn: z.string().max(10),
  saidOnPrecision: z.enum(DATE_PRECISIONS).default("day"),
};

/** Validates and normalises a said-on date: well formed and not in the future. */
export function refineSaidOn<T extends { saidOn: string; saidOnPrecision: (typeof DATE_PRECISIONS)[number] }>(value: T, ctx: z.RefinementCtx) {
  const normalised = normaliseSaidOn(value.saidOn, value.saidOnPrecision);
  if (!normalised) {
    ctx.addIssue({ code: "custom", path: ["saidOn"], message: "Give the date as YYYY-MM-DD, YYYY-MM or YYYY, matching its precision." });
    return;
  }
  const today = new Date().toISOString().slice(0, 10);
  if (normalised > today) ctx.addIssue({ code: "custom", path: ["saidOn"], message: "The date the words were said cannot be in the future." });
  value.saidOn = normalised;
}

/** The first problem in words, with the field it concerns. */
export function firstIssue(error: z.ZodError): { message: string; field?: string } {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join(".") || undefined;
  if (!issue) return { message: "The input is not valid." };
  if (issue.code === "unrecognized_keys") return { message: `Unknown field: ${issue.keys.join(", ")}.`, field: issue.keys[0] };
  return { message: field && !issue.message.includes(field) && issue.code !== "custom" ? `${field}: ${issue.message}` : issue.message, field };
}

import { z } from "zod";
import { DATE_PRECISIONS, STANCES, STATEMENT_KINDS } from "@/lib/domain/enums";
import { id, idOrName, refineSaidOn, saidOnFields, text } from "./common";

export const stanceInput = z.strictObject({
  topic: idOrName,
  stance: z.enum(STANCES),
  condition: text(500).optional().default(""),
});

const statementFields = {
  speaker: idOrName,
  ...saidOnFields,
  kind: z.enum(STATEMENT_KINDS).default("claim"),
  topics: z.array(stanceInput).max(20).default([]),
  summary: text(300).default(""),
  note: text(10_000).default(""),
  notePrivate: z.boolean().default(true),
};

function uniqueTopics(value: { topics?: { topic: number | string }[] }, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  value.topics?.forEach((t, i) => {
    const key = String(t.topic).toLowerCase();
    if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["topics", i, "topic"], message: "Each topic can carry only one stance per statement." });
    seen.add(key);
  });
}

/** Creating a statement: the span is given by offsets (the reader) or found from the quote (the API). */
export const createStatementInput = z.strictObject({
  articleId: id,
  quote: z.string().min(1, "Select some words to tag.").max(5000),
  prefix: z.string().max(2000).optional(),
  suffix: z.string().max(2000).optional(),
  start: z.number().int().min(0).optional(),
  end: z.number().int().min(0).optional(),
  ...statementFields,
}).superRefine((v, ctx) => {
  if (!v.quote.trim()) ctx.addIssue({ code: "custom", path: ["quote"], message: "The selection spans no words." });
  if (v.start !== undefined && v.end !== undefined && v.end <= v.start) ctx.addIssue({ code: "custom", path: ["end"], message: "The selection is empty." });
  refineSaidOn(v, ctx);
  uniqueTopics(v, ctx);
});
export type CreateStatementInput = z.output<typeof createStatementInput>;

export const updateStatementInput = z.strictObject({
  speaker: idOrName.optional(),
  saidOn: z.string().max(10).optional(),
  // Not saidOnFields.saidOnPrecision: its default would make "precision without date" out of every patch.
  saidOnPrecision: z.enum(DATE_PRECISIONS).optional(),
  kind: z.enum(STATEMENT_KINDS).optional(),
  topics: z.array(stanceInput).max(20).optional(),
  summary: text(300).optional(),
  note: text(10_000).optional(),
  notePrivate: z.boolean().optional(),
}).superRefine((v, ctx) => {
  if ((v.saidOn === undefined) !== (v.saidOnPrecision === undefined)) {
    ctx.addIssue({ code: "custom", path: ["saidOn"], message: "Give the date and its precision together." });
  } else if (v.saidOn !== undefined) {
    refineSaidOn(v as { saidOn: string; saidOnPrecision: "day" | "month" | "year" }, ctx);
  }
  uniqueTopics(v, ctx);
});
export type UpdateStatementInput = z.output<typeof updateStatementInput>;

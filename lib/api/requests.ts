import { z } from "zod";
import { FLAG_RULES, STATEMENT_KINDS, VERDICTS } from "@/lib/domain/enums";
import { id, requiredText, text } from "@/lib/validation/common";
import { pageQuery } from "./pagination";

// Request shapes the HTTP API needs beyond the shared ones in lib/validation.
// Strict objects: an unknown field is refused, never ignored.

const optionalMeta = (max: number) => text(max).nullable().optional();

/** An article from pasted text; `html` and `url` sources arrive with lib/import. */
export const createArticleInput = z.strictObject({
  text: z.string().max(2_000_000).describe("The article's plain text; it becomes an immutable snapshot."),
  title: optionalMeta(300),
  url: z.string().url().max(2000).nullable().optional().describe("Where the text came from (stored, not fetched)."),
  publisher: optionalMeta(200),
  author: optionalMeta(200),
  publishedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}/, "Give the date as YYYY-MM-DD.").max(40).nullable().optional(),
  language: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "Give a language tag such as en or de-CH.").max(35).nullable().optional(),
});

export const createSpeakerInput = z.strictObject({
  name: requiredText(200, "A name"),
  aliases: z.array(requiredText(200, "An alias")).max(20).default([]),
  description: text(1000).default(""),
});

export const createTopicInput = z.strictObject({
  name: requiredText(200, "A name"),
  proposition: text(300).default("").describe("The question a stance answers, e.g. \"Should Russia negotiate with Ukraine?\""),
  description: text(1000).default(""),
});

export const reviewFlagInput = z.strictObject({
  decision: z.enum(["confirm", "dismiss"]),
  verdict: z.enum(VERDICTS).nullable().optional().describe("A Flip-O-Meter verdict for a confirmed flag."),
  note: text(2000).default(""),
});

export const slugParams = z.strictObject({ slug: z.string().min(1).max(100) });
export const idParams = z.strictObject({ id });
export const flagIdParams = z.strictObject({ id: z.string().min(1).max(100).describe("The flag's stable key, e.g. linked:12:34.") });

export const listQuery = z.strictObject({ ...pageQuery });

export const articleListQuery = z.strictObject({ ...pageQuery, q: z.string().max(200).optional().describe("Words in the title or publisher.") });

/** The simple statement list; the full filter set (topic, stance, dates, full text) arrives with statement search. */
export const statementListQuery = z.strictObject({
  ...pageQuery,
  speaker: id.optional().describe("A speaker id."),
  article: id.optional().describe("An article id."),
  kind: z.enum(STATEMENT_KINDS).optional(),
});

export const flagListQuery = z.strictObject({
  ...pageQuery,
  speaker: id.optional().describe("Flags where either statement is by this speaker id."),
  topic: id.optional().describe("Flags about this topic id."),
  kind: z.enum(FLAG_RULES).optional().describe("The rule that raised the flag."),
  status: z.enum(["linked", "detected", "confirmed", "dismissed", "open"]).optional().describe("`open` is everything not dismissed."),
});

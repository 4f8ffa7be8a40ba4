import { z } from "zod";
import { FLAG_RULES, VERDICTS } from "@/lib/domain/enums";
import { id, requiredText, text } from "@/lib/validation/common";
import { FLAG_INBOX_TABS } from "@/lib/validation/flag";
import { renameSpeakerFields, updateSpeakerFields } from "@/lib/validation/speaker";
import { renameTopicFields, updateTopicFields } from "@/lib/validation/topic";
import { MAX_IMPORT_BYTES } from "@/lib/import/normalize";
import { statementQuery } from "@/lib/validation/statement-filters";
import { pageQuery } from "./pagination";

// Request shapes the HTTP API needs beyond the shared ones in lib/validation.
// Strict objects: an unknown field is refused, never ignored.

const optionalMeta = (max: number) => text(max).nullable().optional();

/**
 * An article from its text, a saved web page (`html`) or a `url` to fetch. With
 * text or html, `url` only records where it came from; alone, it is fetched.
 */
export const createArticleInput = z.strictObject({
  text: z.string().max(2_000_000).optional().describe("The article's plain text; it becomes an immutable snapshot."),
  html: z.string().max(MAX_IMPORT_BYTES).optional()
    .describe("A saved web page: the article is extracted (Readability), sanitised and its text normalised; title, author, publisher, date and language are read from the page unless given."),
  url: z.string().url().max(2000).nullable().optional()
    .describe("Alone: the page is fetched (public addresses only, at most 5 MB, 10 s) and extracted like html. With text or html: where it came from (stored, not fetched)."),
  title: optionalMeta(300),
  publisher: optionalMeta(200),
  author: optionalMeta(200),
  publishedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}/, "Give the date as YYYY-MM-DD.").max(40).nullable().optional(),
  language: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "Give a language tag such as en or de-CH.").max(35).nullable().optional(),
}).superRefine((v, ctx) => {
  if (v.text !== undefined && v.html !== undefined) {
    ctx.addIssue({ code: "custom", path: ["html"], message: "Give the article as text or as html, not both." });
  } else if (v.text === undefined && v.html === undefined && !v.url) {
    // A missing source is a malformed request (400), like any missing required field.
    ctx.addIssue({ code: "invalid_type", expected: "string", input: undefined, path: ["text"], message: "Give the article as text, as html, or as a url to fetch." });
  }
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

const somethingToChange = (fields: string[]) => (v: Record<string, unknown>) => fields.some((f) => v[f] !== undefined);

export const updateSpeakerInput = z.strictObject({
  name: renameSpeakerFields.name.optional(),
  aliases: z.array(requiredText(200, "An alias")).max(50).optional().describe("Replaces the aliases."),
  description: updateSpeakerFields.description,
}).refine(somethingToChange(["name", "aliases", "description"]), { path: ["name"], message: "Say what to change: name, aliases or description." });

export const updateTopicInput = z.strictObject({
  name: renameTopicFields.name.optional(),
  proposition: updateTopicFields.proposition,
  description: updateTopicFields.description,
}).refine(somethingToChange(["name", "proposition", "description"]), { path: ["name"], message: "Say what to change: name, proposition or description." });

/** Merge the entry in the path into `into`: its statements move there, and it is deleted. */
export const mergeIntoInput = z.strictObject({ into: id.describe("The speaker or topic that stays.") });

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

/** The statements table's own query (filters, full text, sort, keyset cursor), strict: an unknown parameter is refused. */
export const statementListQuery = statementQuery.strict();

export const flagListQuery = z.strictObject({
  ...pageQuery,
  speaker: id.optional().describe("Flags where either statement is by this speaker id."),
  topic: id.optional().describe("Flags about this topic id."),
  kind: z.enum(FLAG_RULES).optional().describe("The rule that raised the flag."),
  status: z.enum(["linked", "detected", "confirmed", "dismissed", "open"]).optional().describe("`open` is everything not dismissed."),
  tab: z.enum(FLAG_INBOX_TABS).optional()
    .describe("A tab of the flags inbox: open (detected shifts awaiting review), disputes, confirmed (linked or confirmed), dismissed."),
});

export const suggestionQuery = z.strictObject({
  statement: id.describe("The statement to find earlier statements for."),
  limit: z.coerce.number().int().min(1).max(20).default(5).describe("How many suggestions (1–20)."),
});

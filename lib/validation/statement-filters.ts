import { z } from "zod";
import { DATE_PRECISIONS, STANCES, STATEMENT_KINDS } from "@/lib/domain/enums";
import { normaliseSaidOn, saidOnInterval } from "@/lib/domain/said-on";
import { id, text } from "./common";

// The statement list's query: the same schema reads the table page's URL
// search params and the HTTP API's query string, so a view can be shared as
// a link and reproduced by a script. Lists come comma-separated
// (`?speaker=1,2`) or repeated (`?speaker=1&speaker=2`); empty values, as a
// plain GET form sends them, mean "not set".

export const STATEMENT_SORTS = ["saidOn", "speaker", "createdAt", "relevance"] as const;
export type StatementSort = (typeof STATEMENT_SORTS)[number];
export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];
export const MAX_STATEMENT_PAGE = 200;
export const DEFAULT_STATEMENT_PAGE = 50;

/** "1,2" or ["1", "2,3"] → ["1", "2", "3"]; undefined when nothing is left. */
function listOf(value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  const raw = Array.isArray(value) ? value : [value];
  const items = raw.flatMap((v) => (typeof v === "string" ? v.split(",") : [v]))
    .map((v) => (typeof v === "string" ? v.trim() : v)).filter((v) => v !== "");
  return items.length > 0 ? [...new Set(items)] : undefined;
}

/** One value from a query string: the last when repeated; "" is "not set". */
function single(value: unknown): unknown {
  const v = Array.isArray(value) ? value[value.length - 1] : value;
  return v === "" || v === null ? undefined : v;
}

const listParam = <T extends z.ZodType>(item: T, what: string) =>
  z.preprocess(listOf, z.array(item).max(100, `Give at most 100 ${what}.`).optional());
const singleParam = <T extends z.ZodType>(schema: T) => z.preprocess(single, schema.optional());

/** A date bound: YYYY, YYYY-MM or YYYY-MM-DD; `from` becomes the first day of its period, `to` the last. */
const dateBound = (edge: "start" | "end") => singleParam(z.string().max(10).transform((value, ctx) => {
  const precision = DATE_PRECISIONS[value.length === 4 ? 2 : value.length === 7 ? 1 : 0];
  const date = normaliseSaidOn(value, precision);
  if (!date) {
    ctx.addIssue({ code: "custom", message: "Give the date as YYYY-MM-DD, YYYY-MM or YYYY." });
    return z.NEVER;
  }
  return saidOnInterval({ date, precision })[edge];
}));

/** The fields, for callers that want to extend them (the API makes them strict and documents them). */
export const statementQueryShape = {
  speaker: listParam(id, "speakers").describe("Speaker ids, comma-separated or repeated."),
  topic: listParam(id, "topics").describe("Topic ids: statements with a stance on any of them."),
  kind: listParam(z.enum(STATEMENT_KINDS), "kinds").describe("Statement kinds."),
  stance: listParam(z.enum(STANCES), "stances").describe("Stances: on the chosen topics when `topic` is given, else on any topic."),
  from: dateBound("start").describe("Said on or after (YYYY, YYYY-MM or YYYY-MM-DD); vague dates count when their period overlaps."),
  to: dateBound("end").describe("Said on or before (YYYY, YYYY-MM or YYYY-MM-DD)."),
  article: singleParam(id).describe("An article id."),
  q: singleParam(text(200)).describe("Full-text search over quotes, summaries, notes, speaker names and aliases, and topic names. \"quoted phrase\", prefix*."),
  sort: singleParam(z.enum(STATEMENT_SORTS)).describe("saidOn (default), speaker, createdAt, or relevance (with q; the default then)."),
  dir: singleParam(z.enum(SORT_DIRECTIONS)).describe("asc or desc (default: desc)."),
  cursor: singleParam(z.string().max(1000)).describe("The nextCursor or prevCursor of a page."),
  limit: z.preprocess(single, z.coerce.number().int().min(1).max(MAX_STATEMENT_PAGE).default(DEFAULT_STATEMENT_PAGE))
    .describe(`How many statements per page (1–${MAX_STATEMENT_PAGE}).`),
};

export const statementQuery = z.object(statementQueryShape).superRefine((v, ctx) => {
  if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: "custom", path: ["to"], message: "The end date is before the start date." });
});
export type StatementQueryInput = z.input<typeof statementQuery>;
export type StatementQuery = z.output<typeof statementQuery>;

export interface StatementFilters {
  speakerIds?: number[]; topicIds?: number[]; kinds?: (typeof STATEMENT_KINDS)[number][]; stances?: (typeof STANCES)[number][];
  from?: string; to?: string; articleId?: number; q?: string;
}
export interface StatementSortOrder { by: StatementSort; dir: SortDirection }

/** The parsed query as the search function takes it; relevance is the default (and only possible) with words to search. */
export function toStatementSearch(query: StatementQuery): { filters: StatementFilters; sort: StatementSortOrder; cursor?: string; limit: number } {
  const q = query.q || undefined;
  const by: StatementSort = query.sort === "relevance" && !q ? "saidOn" : (query.sort ?? (q ? "relevance" : "saidOn"));
  return {
    filters: {
      speakerIds: query.speaker, topicIds: query.topic, kinds: query.kind, stances: query.stance,
      from: query.from, to: query.to, articleId: query.article, q,
    },
    sort: { by, dir: query.dir ?? "desc" },
    cursor: query.cursor,
    limit: query.limit,
  };
}

/** URLSearchParams or Next's `searchParams` record → the plain object the schema reads (repeated keys become arrays). */
export function searchParamsToObject(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  for (const [key, value] of entries) {
    if (value === undefined) continue;
    const prev = out[key];
    out[key] = prev === undefined ? value : [...(Array.isArray(prev) ? prev : [prev]), ...(Array.isArray(value) ? value : [value])];
  }
  return out;
}

/** The inverse, for links: a canonical query string (comma-separated lists, defaults left out). */
export function statementQueryToSearchParams(query: Partial<StatementQuery>): URLSearchParams {
  const out = new URLSearchParams();
  const put = (key: string, value: string | number | readonly (string | number)[] | undefined) => {
    if (value === undefined || value === "") return;
    if (Array.isArray(value)) {
      if (value.length > 0) out.set(key, value.join(","));
    } else out.set(key, String(value));
  };
  put("q", query.q);
  put("speaker", query.speaker);
  put("topic", query.topic);
  put("kind", query.kind);
  put("stance", query.stance);
  put("article", query.article);
  put("from", query.from);
  put("to", query.to);
  put("sort", query.sort);
  put("dir", query.dir);
  if (query.limit !== undefined && query.limit !== DEFAULT_STATEMENT_PAGE) put("limit", query.limit);
  put("cursor", query.cursor);
  return out;
}

import { z } from "zod";
import { STATEMENT_KINDS } from "@/lib/domain/enums";
import { id, requiredText, text } from "@/lib/validation/common";
import {
  boundEnd, boundStart, parseTimelineView, TIMELINE_ORDERS, TIMELINE_SCALES, type TimelineViewState,
} from "@/lib/timeline/view-state";

// A saved timeline's filter over the API: the fields of lib/timeline's view
// state (the URL's and the stored filter's shape), minus the reader's
// `selected` statement. The view-state codec is lenient for hand-edited URLs;
// the API is strict instead, so a script learns about a typo at once.

/** A date bound as the timeline reads it: YYYY, YYYY-MM or YYYY-MM-DD, a real date. */
const bound = z.string().max(10)
  .refine((s) => parseTimelineView({ from: s }).from === s, "Give the date as YYYY, YYYY-MM or YYYY-MM-DD.")
  .nullable().optional();

const idList = (what: string) => z.array(id).max(200, `Give at most 200 ${what}.`).default([]);

export const timelineFilterInput = z.strictObject({
  speakers: idList("speakers").describe("Speaker ids; empty = every speaker."),
  topics: idList("topics").describe("Topic ids: statements with a stance on any of them; empty = every topic."),
  kinds: z.array(z.enum(STATEMENT_KINDS)).max(STATEMENT_KINDS.length).default([]).describe("Statement kinds; empty = every kind."),
  from: bound.describe("First said-on date shown (inclusive; a month or year means all of it)."),
  to: bound.describe("Last said-on date shown (inclusive)."),
  flagged: z.boolean().default(false).describe("Only statements that take part in a flag."),
  confirmed: z.boolean().default(false).describe("Only flags a person confirmed (and, with `flagged`, only their statements)."),
  scale: z.enum(TIMELINE_SCALES).nullable().optional().describe("The spine's zoom; omitted = chosen from the range."),
  order: z.enum(TIMELINE_ORDERS).default("asc").describe("Said-on order: asc (oldest first) or desc."),
}).superRefine((f, ctx) => {
  if (f.from && f.to && boundStart(f.from) > boundEnd(f.to)) {
    ctx.addIssue({ code: "custom", path: ["to"], message: "The end date is before the start date." });
  }
}).meta({ id: "TimelineFilter" });

export const createTimelineInput = z.strictObject({
  title: requiredText(200, "A title"),
  description: text(1000).default(""),
  filter: timelineFilterInput.default({ speakers: [], topics: [], kinds: [], flagged: false, confirmed: false, order: "asc" }),
});

/** The validated filter as the view-state codec holds it (normalised: sorted ids, no reader position). */
export function toTimelineView(filter: z.output<typeof timelineFilterInput>): TimelineViewState {
  return parseTimelineView({ ...filter, selected: null });
}

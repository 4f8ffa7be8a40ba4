import { z } from "zod";
import { id, requiredText, text } from "./common";

/** Saving the current view: the view travels as the page's query string, read by the same codec as the URL. */
export const saveTimelineInput = z.strictObject({
  slug: z.string().min(1).max(200),
  title: requiredText(200, "A title"),
  description: text(1000).optional().default(""),
  view: z.string().max(8000).optional().default(""),
});
export type SaveTimelineInput = z.output<typeof saveTimelineInput>;

export const timelineRefInput = z.strictObject({
  slug: z.string().min(1).max(200),
  id,
});

import "server-only";
import { z } from "zod";
import { AppError, conflict, invalid } from "@/db/errors";
import { firstIssue } from "@/lib/validation/common";
import { initialRows, VIRTUALIZE_ABOVE, type TimelineModel, type TimelineRowView } from "@/lib/timeline/model";

/** More than a few screens per request is never needed, and bounds the work one request can ask for. */
const MAX_WINDOW = 500;

/** The window's own parameters; the rest of the query string is the view (whose `from`/`to` are dates). */
export const WINDOW_PARAMS = ["start", "end", "v"] as const;

const windowQuery = z.object({
  start: z.coerce.number().int().min(0),
  end: z.coerce.number().int().min(1),
  v: z.string().min(1).max(80),
}).refine((q) => q.end > q.start && q.end - q.start <= MAX_WINDOW, { message: `Ask for between 1 and ${MAX_WINDOW} rows (end must be after start).`, path: ["end"] });

/**
 * One window of a long timeline's rows, [start, end) in display order, as
 * JSON, for the list fetching them while it scrolls. `v` is the layout
 * version the page was rendered with: if the timeline changed since,
 * positions no longer match and the answer is 409.
 */
export function timelineRowsResponse(search: URLSearchParams, model: TimelineModel): Response {
  const parsed = windowQuery.safeParse(Object.fromEntries(WINDOW_PARAMS.map((k) => [k, search.get(k) ?? undefined])));
  if (!parsed.success) {
    const { message, field } = firstIssue(parsed.error);
    return errorJson(invalid(message, field));
  }
  const { start, end, v } = parsed.data;
  if (v !== model.skeleton.version) return errorJson(conflict("This timeline changed since the page was opened; reload it.", "v"));
  return Response.json({ rows: model.rows(start, end) }, { headers: { "Cache-Control": "private, no-store" } });
}

/** The one error shape (`{ error: { code, message, field } }`) for the rows routes. */
export const errorJson = (error: AppError) => Response.json({ error: error.toJSON() }, { status: error.status });

/** The view's part of a rows request: everything but the window. */
export function viewParams(search: URLSearchParams): URLSearchParams {
  return new URLSearchParams([...search].filter(([k]) => !(WINDOW_PARAMS as readonly string[]).includes(k)));
}

/**
 * What a page sends of a timeline: all of a short one; of a long one, the rows each end shows before its
 * script runs (12 items) with a few to spare, and the selection's surroundings. Every row sent is in the
 * HTML twice (markup and React's payload), so more here delays the first screen; the rest is fetched.
 */
export function pageRows(model: TimelineModel, selectedId: number | null): TimelineRowView[] {
  return initialRows(model, { selectedId, whole: VIRTUALIZE_ABOVE, edge: 16 });
}

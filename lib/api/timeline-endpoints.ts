import { z } from "zod";
import { endpoint } from "./endpoint";
import { idParams, listQuery, slugParams } from "./requests";
import { pageOf, shareOut, timelineDetailOut, timelineOut } from "./schemas";
import { createTimelineInput } from "./timeline-requests";

/** Saved timelines, their public links and their CSV (spread into `endpoints`). */
export const timelineEndpoints = {
  listTimelines: endpoint({
    id: "listTimelines", method: "GET", path: "/workspaces/{slug}/timelines", tag: "Timelines", summary: "List saved timelines, newest first.",
    params: slugParams, query: listQuery, response: pageOf(timelineOut),
  }),
  createTimeline: endpoint({
    id: "createTimeline", method: "POST", path: "/workspaces/{slug}/timelines", tag: "Timelines",
    summary: "Save a timeline: a title and the filter that decides what it shows.",
    description: "`filter` has the fields of the timeline page's view (its URL's query): speakers, topics, kinds, from, to, flagged, confirmed, scale, order. Speaker and topic ids must belong to the workspace.",
    params: slugParams, body: createTimelineInput, status: 201, response: timelineOut,
    example: { title: "Putin on talks, summer 2024", description: "From the June terms to the Kursk incursion.", filter: { speakers: [1], from: "2024-06", to: "2024-09" } },
  }),
  getTimeline: endpoint({
    id: "getTimeline", method: "GET", path: "/timelines/{id}", tag: "Timelines",
    summary: "A saved timeline with its statements in said-on order and the flags between them.",
    params: idParams, response: timelineDetailOut,
  }),
  shareTimeline: endpoint({
    id: "shareTimeline", method: "POST", path: "/timelines/{id}/share", tag: "Timelines",
    summary: "Give the timeline a public read-only link; sharing again returns the same link.",
    description: "The page at `url` shows only the statements the timeline's filter selects, without private notes. Set CLAIMLINE_PUBLIC_URL for links that name the public address rather than the one the request came to.",
    params: idParams, response: shareOut,
  }),
  unshareTimeline: endpoint({
    id: "unshareTimeline", method: "DELETE", path: "/timelines/{id}/share", tag: "Timelines",
    summary: "Revoke the public link at once; the old address answers 404.", params: idParams, status: 204, response: z.null(),
  }),
  exportTimelineCsv: endpoint({
    id: "exportTimelineCsv", method: "GET", path: "/timelines/{id}/export.csv", tag: "Timelines",
    summary: "The timeline as CSV (UTF-8 with BOM), the same file as the shared page's download.",
    description: "Columns: said_on, said_on_precision, speaker, kind, quote, summary, stances, flags, publisher, article_title, article_url. Cells that a spreadsheet would read as a formula are prefixed with a single quote.",
    params: idParams, response: z.string().describe("CSV text."), contentType: "text/csv",
  }),
};

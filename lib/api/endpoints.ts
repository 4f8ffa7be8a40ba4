import { z } from "zod";
import { createWorkspaceInput, updateWorkspaceInput } from "@/lib/validation/workspace";
import { createStatementInput, updateStatementInput } from "@/lib/validation/statement";
import { createLinkInput, updateLinkInput } from "@/lib/validation/link";
import { endpoint, IMPORT_MAX_BODY } from "./endpoint";
import {
  articleListQuery, createArticleInput, createSpeakerInput, createTopicInput, flagIdParams, flagListQuery, idParams, listQuery,
  reviewFlagInput, slugParams, statementListQuery, suggestionQuery, updateSpeakerInput, updateTopicInput, mergeIntoInput,
} from "./requests";
import {
  articleOut, articleSummaryOut, deletedStatementOut, restoredStatementOut, mergedOut, flagOut, flagReviewOut, linkOut, pageOf, speakerOut, statementOut, statementPageOut,
  suggestionOut, topicOut, workspaceDetailOut, workspaceOut, workspaceSummaryOut,
} from "./schemas";
import { exportEndpoints } from "./export-endpoints";
import { timelineEndpoints } from "./timeline-endpoints";

const noContent = z.null();

/** Every endpoint of /api/v1, in the order the reference lists them. */
export const endpoints = {
  listWorkspaces: endpoint({
    id: "listWorkspaces", method: "GET", path: "/workspaces", tag: "Workspaces", summary: "List workspaces, most recently changed first.",
    query: listQuery, response: pageOf(workspaceSummaryOut),
  }),
  createWorkspace: endpoint({
    id: "createWorkspace", method: "POST", path: "/workspaces", tag: "Workspaces", summary: "Create a workspace; its slug is derived from the name.",
    body: createWorkspaceInput, status: 201, response: workspaceOut,
    example: { name: "Negotiation preconditions, 2024", description: "What Moscow said it needs before talks." },
  }),
  getWorkspace: endpoint({
    id: "getWorkspace", method: "GET", path: "/workspaces/{slug}", tag: "Workspaces", summary: "A workspace with counts of what it holds.",
    params: slugParams, response: workspaceDetailOut,
  }),
  updateWorkspace: endpoint({
    id: "updateWorkspace", method: "PATCH", path: "/workspaces/{slug}", tag: "Workspaces", summary: "Rename a workspace or change its description.",
    params: slugParams, body: updateWorkspaceInput, response: workspaceOut, example: { description: "Statements from June to September 2024." },
  }),

  listArticles: endpoint({
    id: "listArticles", method: "GET", path: "/workspaces/{slug}/articles", tag: "Articles", summary: "List article snapshots, newest first.",
    params: slugParams, query: articleListQuery, response: pageOf(articleSummaryOut),
  }),
  createArticle: endpoint({
    id: "createArticle", method: "POST", path: "/workspaces/{slug}/articles", tag: "Articles",
    summary: "Import an article as an immutable snapshot: from its text, a saved web page (html), or a url to fetch.",
    description: "The text is normalised (NFC, line ends, spacing) once; statements point into the stored text, which never changes. HTML is extracted and sanitised as in the import form. A url is fetched only from public addresses (unless the server runs with IMPORT_ALLOW_PRIVATE_HOSTS=1): a private or unreachable address, a timeout or an error page is refused with 422, a page over 5 MB with 413, and something that is not a web page or text (a PDF, an image) with 415 — each with a message saying what to do instead.",
    params: slugParams, body: createArticleInput, maxBody: IMPORT_MAX_BODY, status: 201, response: articleOut,
    example: { title: "Putin sets out terms", publisher: "Example News", publishedAt: "2024-06-14", text: "Putin said Ukraine must withdraw its troops from the four regions. He added that Kyiv must drop its NATO plans." },
  }),
  getArticle: endpoint({
    id: "getArticle", method: "GET", path: "/articles/{id}", tag: "Articles", summary: "An article with its text and the statements tagged in it.",
    params: idParams, response: articleOut,
  }),

  listSpeakers: endpoint({
    id: "listSpeakers", method: "GET", path: "/workspaces/{slug}/speakers", tag: "Speakers", summary: "List speakers by name.",
    params: slugParams, query: listQuery, response: pageOf(speakerOut),
  }),
  createSpeaker: endpoint({
    id: "createSpeaker", method: "POST", path: "/workspaces/{slug}/speakers", tag: "Speakers", summary: "Add a speaker (names and aliases are unique, ignoring case).",
    params: slugParams, body: createSpeakerInput, status: 201, response: speakerOut, example: { name: "Vladimir Putin", aliases: ["Putin"] },
  }),
  updateSpeaker: endpoint({
    id: "updateSpeaker", method: "PATCH", path: "/speakers/{id}", tag: "Speakers", summary: "Rename a speaker, or change its aliases or description.",
    description: "All in one step: if any part is refused (a name or alias that another speaker has), nothing changes.",
    params: idParams, body: updateSpeakerInput, response: speakerOut, example: { name: "Vladimir V. Putin", aliases: ["Putin"] },
  }),
  mergeSpeaker: endpoint({
    id: "mergeSpeaker", method: "POST", path: "/speakers/{id}/merge", tag: "Speakers", summary: "Merge a duplicate speaker into another.",
    description: "Its statements move to `into`; its name and aliases become aliases there, saved timelines follow, and it is deleted.",
    params: idParams, body: mergeIntoInput, response: mergedOut(speakerOut), example: { into: 1 },
  }),
  listTopics: endpoint({
    id: "listTopics", method: "GET", path: "/workspaces/{slug}/topics", tag: "Topics", summary: "List topics by name.",
    params: slugParams, query: listQuery, response: pageOf(topicOut),
  }),
  createTopic: endpoint({
    id: "createTopic", method: "POST", path: "/workspaces/{slug}/topics", tag: "Topics", summary: "Add a topic with the proposition its stances answer.",
    params: slugParams, body: createTopicInput, status: 201, response: topicOut,
    example: { name: "Talks with Ukraine", proposition: "Should Russia negotiate with Ukraine?" },
  }),

  listStatements: endpoint({
    id: "listStatements", method: "GET", path: "/workspaces/{slug}/statements", tag: "Statements",
    summary: "Search and filter statements, as the statements table does (newest said-on first by default).",
    description: "Lists take comma-separated or repeated values (`speaker=1,2` or `speaker=1&speaker=2`). With `q`, results are ranked by relevance unless `sort` says otherwise. Pages are keyset cursors: pass `nextCursor` or `prevCursor` back as `cursor` with the same `sort` and `dir`.",
    params: slugParams, query: statementListQuery, response: statementPageOut, exampleQuery: "kind=precondition&from=2024-06&to=2024-09&q=talks",
  }),
  createStatement: endpoint({
    id: "createStatement", method: "POST", path: "/workspaces/{slug}/statements", tag: "Statements",
    summary: "Tag a statement from its quote.",
    description: "The server finds the quote in the article. When it occurs more than once, give `prefix`, `suffix` or `start` to say which; an ambiguous quote is refused with 422. `speaker` and each `topic` are ids or names; a new name creates the speaker or topic.",
    params: slugParams, body: createStatementInput, status: 201, response: statementOut,
    example: {
      articleId: 1, quote: "Ukraine must withdraw its troops from the four regions", speaker: "Vladimir Putin", saidOn: "2024-06-14", saidOnPrecision: "day",
      kind: "precondition", topics: [{ topic: "Talks with Ukraine", stance: "conditional", condition: "withdrawal from four regions" }],
    },
  }),
  getStatement: endpoint({
    id: "getStatement", method: "GET", path: "/statements/{id}", tag: "Statements", summary: "A statement with its stances.",
    params: idParams, response: statementOut,
  }),
  updateStatement: endpoint({
    id: "updateStatement", method: "PATCH", path: "/statements/{id}", tag: "Statements", summary: "Change a statement's speaker, date, kind, stances, summary or note.",
    description: "The span is fixed; give `saidOn` and `saidOnPrecision` together. `topics`, when given, replaces all stances.",
    params: idParams, body: updateStatementInput, response: statementOut, example: { kind: "demand", summary: "Withdrawal as a precondition for talks." },
  }),
  deleteStatement: endpoint({
    id: "deleteStatement", method: "DELETE", path: "/statements/{id}", tag: "Statements", summary: "Delete a statement and the links that touch it.",
    params: idParams, response: deletedStatementOut,
  }),
  restoreStatement: endpoint({
    id: "restoreStatement", method: "POST", path: "/statements/{id}/restore", tag: "Statements", summary: "Undo a deletion: the statement comes back with its id, stances and links.",
    description: "Links whose other statement is gone too, or whose pair was linked again since, stay deleted (`linksSkipped`). A statement whose article, speaker or topic has gone since is refused with 409.",
    params: idParams, response: restoredStatementOut,
  }),

  updateTopic: endpoint({
    id: "updateTopic", method: "PATCH", path: "/topics/{id}", tag: "Topics", summary: "Rename a topic, or change its proposition or description.",
    description: "All in one step: if any part is refused (a name another topic has), nothing changes.",
    params: idParams, body: updateTopicInput, response: topicOut, example: { proposition: "On what terms should Russia negotiate with Ukraine?" },
  }),
  mergeTopic: endpoint({
    id: "mergeTopic", method: "POST", path: "/topics/{id}/merge", tag: "Topics", summary: "Merge a duplicate topic into another.",
    description: "Stances move to `into` (where a statement took both, the kept topic's stance wins), reviews and saved timelines follow, and it is deleted.",
    params: idParams, body: mergeIntoInput, response: mergedOut(topicOut), example: { into: 1 },
  }),

  listLinks: endpoint({
    id: "listLinks", method: "GET", path: "/workspaces/{slug}/links", tag: "Links", summary: "List links (later statement → earlier one).",
    params: slugParams, query: listQuery, response: pageOf(linkOut),
  }),
  createLink: endpoint({
    id: "createLink", method: "POST", path: "/workspaces/{slug}/links", tag: "Links", summary: "Link two statements; they are ordered by said-on date.",
    description: "`fromId` is meant to be the later statement; if it was said earlier the two are swapped. A pair can be linked once.",
    params: slugParams, body: createLinkInput, status: 201, response: linkOut,
    example: { fromId: 2, toId: 1, relation: "reverses", verdict: "full_flop", rationale: "Rules out the talks he offered in June." },
  }),
  updateLink: endpoint({
    id: "updateLink", method: "PATCH", path: "/links/{id}", tag: "Links", summary: "Change a link's relation, verdict or rationale.",
    description: "Its two statements stay; `verdict: null` clears the verdict, so the relation's default applies. Audited with before and after.",
    params: idParams, body: updateLinkInput, response: linkOut, example: { verdict: "half_flip", rationale: "The condition changed; the offer of talks did not." },
  }),
  deleteLink: endpoint({
    id: "deleteLink", method: "DELETE", path: "/links/{id}", tag: "Links", summary: "Delete a link.", params: idParams, status: 204, response: noContent,
  }),

  listFlags: endpoint({
    id: "listFlags", method: "GET", path: "/workspaces/{slug}/flags", tag: "Flags",
    summary: "Inconsistencies: linked flips, detected stance shifts and disputes, in said-on order.",
    params: slugParams, query: flagListQuery, response: pageOf(flagOut), exampleQuery: "status=open",
  }),
  reviewFlag: endpoint({
    id: "reviewFlag", method: "POST", path: "/flags/{id}/review", tag: "Flags", summary: "Confirm or dismiss a flag, optionally with a verdict.",
    description: "The review is stored against the flag's stable id and survives recomputation.",
    params: flagIdParams, body: reviewFlagInput, response: flagReviewOut, example: { decision: "confirm", verdict: "half_flip" },
  }),
  undoFlagReview: endpoint({
    id: "undoFlagReview", method: "DELETE", path: "/flags/{id}/review", tag: "Flags",
    summary: "Take a review back: the flag returns to what the engine says on its own.", params: flagIdParams, status: 204, response: noContent,
  }),

  listSuggestions: endpoint({
    id: "listSuggestions", method: "GET", path: "/workspaces/{slug}/suggestions", tag: "Links",
    summary: "Earlier statements a statement may relate to, ranked, each with its reasons.",
    description: "The same suggestions as beside a statement in the reader: the speaker's own statements on the same topics first, then similar wording, then other speakers on the topics. Already linked and dismissed candidates are left out.",
    params: slugParams, query: suggestionQuery, response: z.object({ items: z.array(suggestionOut) }), exampleQuery: "statement=3",
  }),

  ...timelineEndpoints,
  ...exportEndpoints,

  getOpenApi: endpoint({
    id: "getOpenApi", method: "GET", path: "/openapi.json", tag: "Meta", summary: "This document: OpenAPI 3.1, generated from the same schemas that validate requests.",
    response: z.looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) }),
  }),
} as const;

export type EndpointId = keyof typeof endpoints;
export const API_PREFIX = "/api/v1";

import type { ExportLink, ExportStatement } from "./types";
import { liteStatement } from "./types";

// Sample data shared by the exporter tests: one speaker changing his stated
// preconditions, quoted from a web article and from pasted text with no URL.

export function sampleStatement(overrides: Partial<ExportStatement> = {}): ExportStatement {
  return {
    id: 7,
    workspaceSlug: "ukraine-talks",
    speaker: { id: 1, name: "Vladimir Putin" },
    saidOn: { date: "2024-06-14", precision: "day" },
    kind: "precondition",
    topics: [
      { id: 1, name: "Negotiations", stance: "conditional", condition: "Ukraine withdraws from four regions" },
      { id: 2, name: "NATO", stance: "opposes" },
    ],
    summary: "Talks can start once Ukraine withdraws its troops and drops its bid to join NATO.",
    quote: "As soon as Kyiv declares it is ready to withdraw its troops, we will cease fire.",
    prefix: "He said: ",
    suffix: " The ministry later",
    start: 120,
    end: 201,
    anchorStatus: "exact",
    article: {
      id: 3,
      title: "Putin sets out terms for talks",
      publisher: "Example Wire",
      url: "https://news.example.org/2024/06/14/putin-terms",
      publishedAt: "2024-06-14T12:00:00.000Z",
    },
    note: "Compare with the February interview.",
    notePrivate: true,
    createdBy: "Ada Reviewer",
    createdAt: "2024-06-15T09:30:00.000Z",
    updatedAt: "2024-06-16T10:00:00.000Z",
    permalink: "https://claimline.example/w/ukraine-talks/statements/7",
    ...overrides,
  };
}

export function laterStatement(): ExportStatement {
  return sampleStatement({
    id: 12,
    saidOn: { date: "2024-09-01", precision: "month" },
    kind: "claim",
    topics: [{ id: 1, name: "Negotiations", stance: "supports" }],
    summary: "Russia is ready for talks without preconditions.",
    quote: "We never refused to negotiate.",
    prefix: "",
    suffix: "",
    start: 0,
    end: 30,
    article: { id: 4, title: "Pasted interview transcript", publisher: null, url: null, publishedAt: null },
    notePrivate: false,
    permalink: "https://claimline.example/w/ukraine-talks/statements/12",
  });
}

export function sampleLink(): ExportLink {
  return {
    id: 5,
    relation: "contradicts",
    verdict: "half_flip",
    rationale: "Drops the withdrawal precondition.",
    createdBy: "Ada Reviewer",
    createdAt: "2024-09-20T08:00:00.000Z",
    from: liteStatement(laterStatement()),
    to: liteStatement(sampleStatement()),
  };
}

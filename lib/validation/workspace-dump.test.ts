import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseWorkspaceDump } from "./workspace-dump";

const T = "2024-06-15T09:30:00.000Z";
const text = "He said: As soon as Kyiv declares it is ready, we will cease fire. Later: We never refused to negotiate.";
const stamps = { createdBy: 1, createdAt: T, updatedAt: T };

function validDump() {
  return {
    formatVersion: 1,
    exportedAt: "2024-10-01T00:00:00.000Z",
    workspace: { slug: "ukraine-talks", name: "Ukraine talks", description: "" },
    users: [{ id: 1, name: "Ada Reviewer", email: null }],
    articles: [{
      id: 3, title: "Putin sets out terms", url: "https://news.example.org/a", publisher: "Example Wire", author: null,
      publishedAt: "2024-06-14", retrievedAt: T, language: "en", text, html: null,
      textSha256: createHash("sha256").update(text).digest("hex"), source: "url", previousSnapshotId: null, ...stamps,
    }],
    speakers: [{ id: 1, name: "Vladimir Putin", aliases: ["Putin"], description: "", ...stamps }],
    topics: [{ id: 1, name: "Negotiations", proposition: "Should Russia negotiate?", description: "", color: 2, ...stamps }],
    statements: [7, 12].map((sid, i) => ({
      id: sid, articleId: 3, speakerId: 1, quote: "q", prefix: "", suffix: "", start: i * 10, end: i * 10 + 5,
      anchorStatus: "exact", anchorScore: 1, saidOn: i ? "2024-09-01" : "2024-06-14", saidOnPrecision: i ? "month" : "day",
      kind: "claim", summary: "", note: "private thought", notePrivate: true,
      stances: [{ topicId: 1, stance: i ? "supports" : "conditional", condition: i ? "" : "withdrawal" }], ...stamps,
    })),
    links: [{ id: 5, fromStatementId: 12, toStatementId: 7, relation: "softens", verdict: "half_flip", rationale: "", ...stamps }],
    flagReviews: [{ flagKey: "stance_shift:7:12:1", decision: "confirmed", verdict: "half_flip", note: "", ...stamps }],
    suggestionDismissals: [{ statementId: 12, candidateId: 7, createdBy: 1, createdAt: T }],
    timelines: [{ id: 1, title: "Putin on talks", description: "", filter: { speaker: [1], from: "2024-06" }, ...stamps }],
    auditEvents: [{ entityType: "statement", entityId: "7", action: "create", before: null, after: { quote: "q" }, actorId: 1, createdAt: T }],
  };
}

describe("parseWorkspaceDump", () => {
  it("accepts a valid small dump and survives a JSON round trip", () => {
    const result = parseWorkspaceDump(JSON.parse(JSON.stringify(validDump())));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.dump.statements[1].stances[0].stance).toBe("supports");
      expect(result.dump.timelines[0].filter).toEqual({ speaker: [1], from: "2024-06" });
    }
  });

  it("refuses foreign JSON with a message that says so", () => {
    for (const foreign of [null, [], "workspace", { "@context": "http://www.w3.org/ns/anno.jsonld", type: "AnnotationCollection" }]) {
      const result = parseWorkspaceDump(foreign);
      expect(result).toEqual({ ok: false, path: "", message: expect.stringMatching(/not a Claimline workspace export/) });
    }
  });

  it("refuses another format version", () => {
    expect(parseWorkspaceDump({ ...validDump(), formatVersion: 2 })).toEqual({
      ok: false, path: "formatVersion", message: expect.stringMatching(/formatVersion 2; .* reads formatVersion 1/),
    });
  });

  it("names the dangling reference and where it is", () => {
    const dump = validDump();
    dump.statements[1].stances[0].topicId = 99;
    expect(parseWorkspaceDump(dump)).toEqual({
      ok: false, path: "statements[1].stances[0].topicId",
      message: "statements[1].stances[0].topicId refers to topic 99, which is not in this file.",
    });
    const link = validDump();
    link.links[0].toStatementId = 8;
    expect(parseWorkspaceDump(link)).toMatchObject({ ok: false, path: "links[0].toStatementId" });
    const review = validDump();
    review.flagReviews[0].flagKey = "stance_shift:7:12:4";
    expect(parseWorkspaceDump(review)).toMatchObject({ ok: false, path: "flagReviews[0].flagKey", message: expect.stringMatching(/topic 4/) });
    const speaker = validDump();
    speaker.statements[0].speakerId = 2;
    expect(parseWorkspaceDump(speaker)).toMatchObject({ ok: false, path: "statements[0].speakerId" });
  });

  it("rejects unknown keys, share tokens included", () => {
    const dump = validDump();
    Object.assign(dump.timelines[0], { shareToken: "s3cret" });
    expect(parseWorkspaceDump(dump)).toEqual({ ok: false, path: "timelines[0]", message: "Unknown field shareToken at timelines[0]." });
  });

  it("checks values: enums, said-on normalisation, text hash, duplicates", () => {
    const bad = (mutate: (d: ReturnType<typeof validDump>) => void) => {
      const d = validDump();
      mutate(d);
      return parseWorkspaceDump(d);
    };
    expect(bad((d) => { d.statements[0].kind = "rumour"; })).toMatchObject({ ok: false, path: "statements[0].kind" });
    expect(bad((d) => { d.statements[1].saidOn = "2024-09-17"; })).toMatchObject({ ok: false, path: "statements[1].saidOn" });
    expect(bad((d) => { d.articles[0].text += "!"; })).toMatchObject({ ok: false, path: "articles[0].textSha256", message: expect.stringMatching(/does not match/) });
    expect(bad((d) => { d.statements[1].id = 7; })).toMatchObject({ ok: false, path: "statements[1].id", message: "Duplicate id 7 in statements." });
    expect(bad((d) => { d.links[0].fromStatementId = 7; })).toMatchObject({ ok: false, message: expect.stringMatching(/itself/) });
    expect(bad((d) => { d.users = []; })).toMatchObject({ ok: false, message: expect.stringMatching(/refers to user 1/) });
  });
});

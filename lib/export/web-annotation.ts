import { RELATION_LABELS, VERDICT_LABELS } from "../domain/enums";
import type { ExportLink, ExportStatement } from "./types";

// W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) so
// statements can be opened in other annotation tools (Hypothesis, Recogito…).
// A statement is a "tagging" annotation on the quoted words; a link is a
// "linking" annotation whose body is the earlier statement's annotation and
// whose target is the later one's, matching the app's later→earlier links.

export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

export interface TextualBody {
  type: "TextualBody";
  value: string;
  purpose: "tagging" | "describing" | "classifying" | "assessing" | "commenting";
  format: "text/plain";
}

export interface Agent {
  type: "Person";
  name: string;
}

export interface StatementAnnotation {
  "@context"?: string;
  id: string;
  type: "Annotation";
  motivation: "tagging";
  created: string;
  modified: string;
  generated: string;
  creator: Agent;
  body: TextualBody[];
  target: {
    source: string;
    selector: [
      { type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string },
      { type: "TextPositionSelector"; start: number; end: number },
    ];
  };
}

export interface LinkAnnotation {
  "@context"?: string;
  id: string;
  type: "Annotation";
  motivation: "linking";
  created: string;
  generated: string;
  creator: Agent;
  body: (string | TextualBody)[];
  target: string;
}

export type ClaimlineAnnotation = StatementAnnotation | LinkAnnotation;

export interface AnnotationCollection {
  "@context": typeof ANNO_CONTEXT;
  id: string;
  type: "AnnotationCollection";
  label: string;
  total: number;
  first: {
    id: string;
    type: "AnnotationPage";
    startIndex: 0;
    items: ClaimlineAnnotation[];
  };
}

const textual = (value: string, purpose: TextualBody["purpose"]): TextualBody => ({ type: "TextualBody", value, purpose, format: "text/plain" });

/**
 * Where the quoted words live. Pasted text has no URL, so it gets a URN that
 * is stable per workspace and article, which is enough for a tool to group
 * annotations on the same text even though it cannot fetch it.
 */
export function articleSource(s: Pick<ExportStatement, "workspaceSlug" | "article">): string {
  return s.article.url ?? `urn:claimline:${encodeURIComponent(s.workspaceSlug)}:article:${s.article.id}`;
}

export function statementAnnotation(s: ExportStatement, generatedAt: string): StatementAnnotation {
  const body: TextualBody[] = [
    textual(`speaker: ${s.speaker.name}`, "tagging"),
    ...s.topics.map((t) => {
      const condition = t.stance === "conditional" && t.condition?.trim() ? ` (${t.condition.trim()})` : "";
      return textual(`${t.name}: ${t.stance}${condition}`, "tagging");
    }),
    textual(`kind: ${s.kind}`, "tagging"),
  ];
  if (s.summary.trim()) body.push(textual(s.summary, "describing"));
  // The model has no notion of a private note: leaving it out is the only safe choice.
  if (!s.notePrivate && s.note.trim()) body.push(textual(s.note, "commenting"));
  return {
    id: s.permalink,
    type: "Annotation",
    motivation: "tagging",
    created: s.createdAt,
    modified: s.updatedAt,
    generated: generatedAt,
    creator: { type: "Person", name: s.createdBy },
    body,
    target: {
      source: articleSource(s),
      selector: [
        { type: "TextQuoteSelector", exact: s.quote, prefix: s.prefix, suffix: s.suffix },
        { type: "TextPositionSelector", start: s.start, end: s.end },
      ],
    },
  };
}

/** Links have no page of their own, so their id is a fragment of the collection's. */
export function linkAnnotationId(collectionId: string, linkId: number): string {
  return `${collectionId.split("#")[0]}#link-${linkId}`;
}

export function linkAnnotation(l: ExportLink, collectionId: string, generatedAt: string): LinkAnnotation {
  const body: (string | TextualBody)[] = [l.to.permalink, textual(RELATION_LABELS[l.relation].toLowerCase(), "classifying")];
  if (l.verdict) body.push(textual(VERDICT_LABELS[l.verdict], "assessing"));
  if (l.rationale.trim()) body.push(textual(l.rationale, "commenting"));
  return {
    id: linkAnnotationId(collectionId, l.id),
    type: "Annotation",
    motivation: "linking",
    created: l.createdAt,
    generated: generatedAt,
    creator: { type: "Person", name: l.createdBy },
    body,
    target: l.from.permalink,
  };
}

export interface AnnotationCollectionInput {
  /** Absolute URL the collection is served from. */
  id: string;
  label: string;
  statements: readonly ExportStatement[];
  links: readonly ExportLink[];
  /** ISO-8601 date-time of this export. */
  generatedAt: string;
}

/** One page holds everything: workspaces are small enough, and readers need not follow `next`. */
export function toAnnotationCollection(input: AnnotationCollectionInput): AnnotationCollection {
  const items: ClaimlineAnnotation[] = [
    ...input.statements.map((s) => statementAnnotation(s, input.generatedAt)),
    ...input.links.map((l) => linkAnnotation(l, input.id, input.generatedAt)),
  ];
  return {
    "@context": ANNO_CONTEXT,
    id: input.id,
    type: "AnnotationCollection",
    label: input.label,
    total: items.length,
    first: { id: `${input.id.split("#")[0]}#page-1`, type: "AnnotationPage", startIndex: 0, items },
  };
}

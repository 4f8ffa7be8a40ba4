import type { Verdict } from "../domain/enums";
import { saidOnInputValue } from "../domain/said-on";
import type { ExportFlag, ExportStatement } from "./types";

// schema.org ClaimReview (https://schema.org/ClaimReview) for a confirmed flag,
// following Google's fact-check markup guidance
// (https://developers.google.com/search/docs/appearance/structured-data/factcheck).
// The claim reviewed is the later statement: the one a reader meets now and
// should see judged against what the speaker said before.

/** PolitiFact's Flip-O-Meter wording, as it appears on published ratings. */
export const FLIP_O_METER: Record<Verdict, { name: string; value: 1 | 2 | 3 }> = {
  no_flip: { name: "No Flip", value: 3 },
  half_flip: { name: "Half Flip", value: 2 },
  full_flop: { name: "Full Flop", value: 1 },
};

/** Google asks for claimReviewed under 75 characters so it does not wrap on phones. */
export const CLAIM_REVIEWED_MAX = 74;

export interface ClaimReviewInput {
  flag: ExportFlag;
  earlier: ExportStatement;
  later: ExportStatement;
  speakerName: string;
  /** Where the later statement appeared; null for pasted text. */
  articleUrl: string | null;
  /** The public page carrying this review. */
  reviewUrl: string;
  organization: { name: string; url: string };
  /** ISO-8601 date (or date-time) the review is published. */
  datePublished: string;
}

export interface ClaimReviewJsonLd {
  "@context": "https://schema.org";
  "@type": "ClaimReview";
  url: string;
  datePublished: string;
  author: { "@type": "Organization"; name: string; url: string };
  claimReviewed: string;
  reviewBody: string;
  itemReviewed: {
    "@type": "Claim";
    author: { "@type": "Person"; name: string };
    datePublished: string;
    appearance?: { "@type": "CreativeWork"; url: string }[];
    firstAppearance?: { "@type": "CreativeWork"; url: string };
  };
  reviewRating: {
    "@type": "Rating";
    ratingValue: number;
    bestRating: 3;
    worstRating: 1;
    alternateName: string;
  };
}

/**
 * Shorten on a word boundary, counting user-perceived characters so an emoji
 * family or an accent is never cut in half, and end with "…" when cut.
 */
export function shortenClaim(text: string, max = CLAIM_REVIEWED_MAX): string {
  const clean = text.replace(/\s+/g, " ").trim();
  const graphemes = [...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(clean)].map((s) => s.segment);
  if (graphemes.length <= max) return clean;
  const head = graphemes.slice(0, max - 1).join("");
  const lastSpace = head.lastIndexOf(" ");
  // A single enormous word has no boundary to respect; cut it rather than emit nothing.
  const cut = lastSpace > 0 ? head.slice(0, lastSpace) : head;
  return `${cut.replace(/[\s,;:.–—-]+$/u, "")}…`;
}

/**
 * Throws unless the flag is a person's Flip-O-Meter ruling: confirmed after
 * review, or asserted by a link. Disputes, and shifts nobody has looked at
 * (detected) or that were dismissed, are not rulings.
 */
export function toClaimReview(input: ClaimReviewInput): ClaimReviewJsonLd {
  const { flag, later } = input;
  if (flag.status !== "confirmed" && flag.status !== "linked") throw new Error(`Flag ${flag.key} is ${flag.status}; only confirmed or linked flips are published as ClaimReview.`);
  if (flag.severity === "dispute") throw new Error(`Flag ${flag.key} is a dispute between speakers, not a Flip-O-Meter verdict.`);
  const rating = FLIP_O_METER[flag.severity];
  const appearance = input.articleUrl ? { "@type": "CreativeWork" as const, url: input.articleUrl } : null;
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: input.reviewUrl,
    datePublished: input.datePublished,
    author: { "@type": "Organization", name: input.organization.name, url: input.organization.url },
    claimReviewed: shortenClaim(later.summary.trim() || later.quote),
    reviewBody: reviewBody(input, rating.name),
    itemReviewed: {
      "@type": "Claim",
      author: { "@type": "Person", name: input.speakerName },
      // The said-on date with the precision known: "2024-09" is valid ISO 8601
      // and does not invent a day.
      datePublished: saidOnInputValue(later.saidOn),
      ...(appearance ? { appearance: [appearance], firstAppearance: appearance } : {}),
    },
    reviewRating: {
      "@type": "Rating",
      ratingValue: rating.value,
      bestRating: 3,
      worstRating: 1,
      alternateName: rating.name,
    },
  };
}

/** The ruling in a sentence or three, quoting both statements. */
function reviewBody({ flag, earlier, later, speakerName }: ClaimReviewInput, ratingName: string): string {
  const when = (s: ExportStatement) => saidOnInputValue(s.saidOn);
  return [
    `${speakerName} said on ${when(earlier)}: “${earlier.quote}”`,
    `On ${when(later)}: “${later.quote}”`,
    flag.rationale.trim(),
    `Flip-O-Meter: ${ratingName}.`,
  ].filter(Boolean).join(" ");
}

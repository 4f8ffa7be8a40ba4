import { describe, expect, it } from "vitest";
import { CLAIM_REVIEWED_MAX, shortenClaim, toClaimReview, type ClaimReviewInput } from "./claim-review";
import { laterStatement, sampleStatement } from "./test-fixtures";
import { liteStatement, type ExportFlag } from "./types";

const earlier = sampleStatement();
const later = laterStatement();
const flag: ExportFlag = {
  key: "linked:7:12", rule: "linked", severity: "half_flip", status: "confirmed", rationale: "Drops the withdrawal precondition.",
  earlier: liteStatement(earlier), later: liteStatement(later),
};
const input: ClaimReviewInput = {
  flag, earlier, later, speakerName: "Vladimir Putin",
  articleUrl: "https://news.example.org/2024/09/interview",
  reviewUrl: "https://claimline.example/w/ukraine-talks/flags/linked:7:12",
  organization: { name: "Example Fact Check", url: "https://factcheck.example" },
  datePublished: "2024-10-02",
};

const graphemes = (s: string) => [...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(s)].length;

describe("toClaimReview", () => {
  it("has every property Google requires, and the recommended ones", () => {
    const review = toClaimReview(input);
    expect(review["@context"]).toBe("https://schema.org");
    expect(review["@type"]).toBe("ClaimReview");
    // Required.
    expect(review.claimReviewed).toBe("Russia is ready for talks without preconditions.");
    expect(review.url).toBe(input.reviewUrl);
    expect(review.reviewRating).toEqual({ "@type": "Rating", alternateName: "Half Flip", ratingValue: 2, bestRating: 3, worstRating: 1 });
    expect(review.author).toEqual({ "@type": "Organization", name: "Example Fact Check", url: "https://factcheck.example" });
    // Recommended.
    expect(review.datePublished).toBe("2024-10-02");
    expect(review.itemReviewed).toEqual({
      "@type": "Claim",
      author: { "@type": "Person", name: "Vladimir Putin" },
      datePublished: "2024-09",
      appearance: [{ "@type": "CreativeWork", url: input.articleUrl }],
      firstAppearance: { "@type": "CreativeWork", url: input.articleUrl },
    });
    expect(review.reviewBody).toContain("Drops the withdrawal precondition.");
    expect(JSON.parse(JSON.stringify(review))).toEqual(review);
  });

  it("maps the Flip-O-Meter with No Flip best and Full Flop worst", () => {
    const rate = (severity: ExportFlag["severity"]) => toClaimReview({ ...input, flag: { ...flag, severity } }).reviewRating;
    expect(rate("no_flip")).toMatchObject({ alternateName: "No Flip", ratingValue: 3 });
    expect(rate("full_flop")).toMatchObject({ alternateName: "Full Flop", ratingValue: 1 });
  });

  it("falls back to the quote and keeps claimReviewed under 75 characters", () => {
    const long = { ...later, summary: " ", quote: "We have always said that we are ready for negotiations, but only on the basis of the realities on the ground, which everyone knows." };
    const claim = toClaimReview({ ...input, later: long }).claimReviewed;
    expect(graphemes(claim)).toBeLessThan(75);
    expect(claim.length).toBeLessThan(75);
    expect(claim).toBe("We have always said that we are ready for negotiations, but only on the…");
  });

  it("shortens on word boundaries without splitting emoji", () => {
    const family = "👨‍👩‍👧‍👦";
    const text = `${"word ".repeat(14)}${family}${family} tail end of it all`;
    const out = shortenClaim(text);
    expect(graphemes(out)).toBeLessThanOrEqual(CLAIM_REVIEWED_MAX);
    expect(out.endsWith("…")).toBe(true);
    expect(out).not.toMatch(/\s…$/);
    expect(shortenClaim("short\n claim")).toBe("short claim");
    expect(shortenClaim("x".repeat(200))).toBe(`${"x".repeat(73)}…`);
  });

  it("omits appearances for pasted text and refuses unconfirmed flags and disputes", () => {
    expect(toClaimReview({ ...input, articleUrl: null }).itemReviewed).not.toHaveProperty("appearance");
    expect(() => toClaimReview({ ...input, flag: { ...flag, status: "detected" } })).toThrow(/confirmed/);
    expect(() => toClaimReview({ ...input, flag: { ...flag, status: "dismissed" } })).toThrow(/confirmed/);
    expect(toClaimReview({ ...input, flag: { ...flag, status: "linked" } }).reviewRating.alternateName).toBe("Half Flip");
    expect(() => toClaimReview({ ...input, flag: { ...flag, severity: "dispute" } })).toThrow(/dispute/);
  });
});

import { describe, expect, it } from "vitest";
import { dataset } from "../../lib/dataset";
import {
  claimUrl,
  RATING_SCALE,
  RATING_VALUES,
  reviewRating,
  toClaimReview,
  toClaimReviews,
} from "../../lib/dataset-export/claim-review";
import { ClaimReview, GoogleClaimReview } from "../../lib/dataset-export/claim-review-schema";
import { Verdict } from "../../lib/schema";

const article = { ...dataset.article, knownUrls: ["https://news.example/nk-military-might"] };
const claim = (id: string) => {
  const found = dataset.claims.find((candidate) => candidate.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe("ClaimReview export", () => {
  it("builds one Google-eligible ClaimReview per claim when an address of the article is known", () => {
    const reviews = toClaimReviews(dataset.claims, { article, datePublished: "2026-01-15" });
    expect(reviews).toHaveLength(dataset.claims.length);
    for (const review of reviews) expect(GoogleClaimReview.parse(review)).toEqual(review);
  });

  it("fills the fields of a review from the claim and the article", () => {
    const review = toClaimReview(claim("meetings-count"), { article, datePublished: "2026-01-15" });
    expect(review).toMatchObject({
      claimReviewed: "Trump, who has since met with Kim three times",
      reviewRating: { "@type": "Rating", alternateName: "Inaccurate", ratingValue: 1, worstRating: 1, bestRating: 4 },
      author: { "@type": "Organization", name: "Fact-check overlay" },
      datePublished: "2026-01-15",
      itemReviewed: {
        "@type": "Claim",
        author: { "@type": "Organization" },
        datePublished: "2020-06-12",
        appearance: {
          "@type": "NewsArticle",
          headline: dataset.article.title,
          datePublished: "2020-06-12",
          url: "https://news.example/nk-military-might",
        },
      },
    });
    expect(review.url).toBe(
      "https://news.example/nk-military-might#:~:text=unilateral%20US%20sanctions.-,Trump%2C%20who%20has%20since%20met%20with%20Kim%20three%20times,-%2C%20has%20so",
    );
  });

  it("maps the verdict scale onto 1–4, higher is truer, and gives unverifiable its word only", () => {
    expect(RATING_SCALE).toEqual({ worstRating: 1, bestRating: 4 });
    const order: Verdict[] = ["inaccurate", "misleading", "needs-context", "accurate"];
    expect(order.map((verdict) => RATING_VALUES[verdict])).toEqual([1, 2, 3, 4]);
    expect(Object.keys(RATING_VALUES).sort()).toEqual([...Verdict.options].sort());
    const unverifiable = reviewRating("unverifiable");
    expect(unverifiable).toEqual({ "@type": "Rating", alternateName: "Unverifiable", name: "Unverifiable" });
    expect(() => GoogleClaimReview.shape.reviewRating.parse(unverifiable)).not.toThrow();
  });

  it("points the url at the page in view, with the card's own text directive, and lists that page as an appearance", () => {
    const review = toClaimReview(claim("hua-chunying"), {
      article,
      datePublished: "2026-01-15",
      pageUrl: "https://other.example/story#comments",
      textDirective: "Hua%20Chunying",
    });
    expect(review.url).toBe("https://other.example/story#:~:text=Hua%20Chunying");
    expect(review.itemReviewed.appearance.url).toEqual([
      "https://other.example/story",
      "https://news.example/nk-military-might",
    ]);
  });

  it("has no url without any address of the article: valid schema.org, not Google-eligible", () => {
    const review = toClaimReview(claim("friday"), {
      article: { ...article, knownUrls: [] },
      datePublished: "2026-01-15",
    });
    expect(claimUrl(claim("friday"), { article: { ...article, knownUrls: [] }, datePublished: "x" })).toBeUndefined();
    expect(ClaimReview.safeParse(review).success).toBe(true);
    expect(GoogleClaimReview.safeParse(review).success).toBe(false);
  });

  it("rejects what Google rejects: no alternateName, numbers out of order", () => {
    const review = toClaimReview(claim("friday"), { article, datePublished: "2026-01-15" });
    const { alternateName: _, ...nameless } = review.reviewRating;
    expect(GoogleClaimReview.safeParse({ ...review, reviewRating: nameless }).success).toBe(false);
    expect(
      GoogleClaimReview.safeParse({ ...review, reviewRating: { ...review.reviewRating, ratingValue: 9 } }).success,
    ).toBe(false);
    const { claimReviewed: __, ...unclaimed } = review;
    expect(GoogleClaimReview.safeParse(unclaimed).success).toBe(false);
  });
});

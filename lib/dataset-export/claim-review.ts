/**
 * The dataset as schema.org ClaimReview JSON-LD (https://schema.org/ClaimReview),
 * shaped to Google's Fact Check markup: `claimReviewed`, `reviewRating` with
 * `alternateName` (required), `url` (required by Google), `author`,
 * `datePublished`, and `itemReviewed`, the Claim with its `author`,
 * `datePublished` and `appearance` (recommended). The zod schemas here state
 * those requirements; the builders' types are inferred from them.
 */
import "../zod-jitless";
import { z } from "zod";
import type { Article, Claim, Verdict } from "../schema";
import { buildTextDirective, withTextFragment } from "../text-fragment";
import { VERDICTS } from "../verdicts";

/** A date as schema.org takes it (ISO 8601), at day or month precision like the dataset's. */
const IsoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/);
const WebUrl = z.url({ protocol: /^https?$/ });

/** schema.org Organization or Person, named. */
const Party = z.strictObject({
  "@type": z.enum(["Organization", "Person"]),
  name: z.string().min(1),
  url: WebUrl.optional(),
});

/**
 * schema.org Rating as Google reads it for a fact check: `alternateName`, the
 * verdict in words, is required and is what search shows; the numbers are
 * recommended, and when given they come together and in order.
 */
export const ClaimReviewRating = z
  .strictObject({
    "@type": z.literal("Rating"),
    alternateName: z.string().min(1),
    name: z.string().min(1).optional(),
    ratingValue: z.number().optional(),
    bestRating: z.number().optional(),
    worstRating: z.number().min(1).optional(),
    ratingExplanation: z.string().min(1).optional(),
  })
  .refine(
    (rating) =>
      rating.ratingValue === undefined ||
      (rating.bestRating !== undefined &&
        rating.worstRating !== undefined &&
        rating.worstRating < rating.bestRating &&
        rating.ratingValue >= rating.worstRating &&
        rating.ratingValue <= rating.bestRating),
    { message: "a ratingValue needs worstRating < bestRating around it" },
  );
export type ClaimReviewRating = z.infer<typeof ClaimReviewRating>;

/** schema.org ClaimReview, with Google's required fields required (url aside: see {@link GoogleClaimReview}). */
export const ClaimReview = z.strictObject({
  "@context": z.literal("https://schema.org"),
  "@type": z.literal("ClaimReview"),
  claimReviewed: z.string().min(1),
  reviewRating: ClaimReviewRating,
  /** The review's own address; see `claimUrl` for what it is here. */
  url: WebUrl.optional(),
  author: Party,
  datePublished: IsoDate,
  itemReviewed: z.strictObject({
    "@type": z.literal("Claim"),
    author: Party,
    datePublished: IsoDate,
    appearance: z.strictObject({
      "@type": z.literal("NewsArticle"),
      headline: z.string().min(1),
      datePublished: IsoDate,
      url: z.union([WebUrl, z.array(WebUrl).min(2)]).optional(),
    }),
  }),
});
export type ClaimReview = z.infer<typeof ClaimReview>;

/** A ClaimReview Google's Fact Check rich result can use: `url` is required there. */
export const GoogleClaimReview = ClaimReview.extend({ url: WebUrl });

/**
 * The verdict scale on schema.org's numbers, higher is truer (worst 1, best
 * 4): inaccurate 1, misleading 2 (true in part, a false impression as a
 * whole), needs context 3 (true, but missing what changes its meaning),
 * accurate 4. Unverifiable is not a degree of truth: it gets no number,
 * only its word, which Google accepts (the numbers are only recommended).
 */
export const RATING_VALUES: Record<Verdict, number | null> = {
  inaccurate: 1,
  misleading: 2,
  "needs-context": 3,
  accurate: 4,
  unverifiable: null,
};

/** Ends of the numeric scale. */
export const RATING_SCALE = { worstRating: 1, bestRating: 4 } as const;

/** Who publishes the reviews: the fact-check project behind the extension. */
export const REVIEW_AUTHOR = { "@type": "Organization", name: "Fact-check overlay" } as const;

/**
 * Who made the claims. Every claim of the dataset is in the article's own
 * narration (none is a quoted statement of Ri Son Gwon or Hua Chunying), so
 * its author is the article's publisher. The text is syndicated and its
 * original publisher is not established, which the name says rather than
 * guessing one.
 */
export const CLAIM_AUTHOR = {
  "@type": "Organization",
  name: "Syndicated news report (original publisher not established)",
} as const;

/** What a ClaimReview needs besides the claim. */
export interface ClaimReviewContext {
  article: Article;
  /** When the review is published (exported, or copied from a card). */
  datePublished: string;
  /**
   * The page the review points into: the page the reader is on (a card), or
   * the address given to the export; the article's first known address
   * otherwise.
   */
  pageUrl?: string;
  /** The claim's text directive on that page (built from the page's own text); default: from the dataset's quote. */
  textDirective?: string;
}

/**
 * The review's `url`. There is no fact-check website: the review is published
 * where the claim is, by the extension over the article. So the stable
 * address of a review is the claim itself, on a page that carries the
 * article, with a text fragment that scrolls to and highlights it in any
 * browser, extension or not. `undefined` when no address of the article is
 * known.
 */
export function claimUrl(claim: Claim, context: ClaimReviewContext): string | undefined {
  const page = context.pageUrl ?? context.article.knownUrls[0];
  if (!page) return undefined;
  const directive = context.textDirective ?? buildTextDirective(claim.selector);
  if (!directive) return page;
  return withTextFragment(page, directive);
}

/** Where the article appears: the page in view and the known addresses, without fragments. */
function appearanceUrls(context: ClaimReviewContext): string[] {
  const addresses = [...(context.pageUrl ? [context.pageUrl] : []), ...context.article.knownUrls].map((address) => {
    const url = new URL(address);
    url.hash = "";
    return url.href;
  });
  return [...new Set(addresses)];
}

/** The rating of a verdict: its word, and its number on the scale when it has one. */
export function reviewRating(verdict: Verdict, explanation?: string): ClaimReviewRating {
  const value = RATING_VALUES[verdict];
  const label = VERDICTS[verdict].label;
  return {
    "@type": "Rating",
    alternateName: label,
    name: label,
    ...(value === null ? {} : { ratingValue: value, ...RATING_SCALE }),
    ...(explanation ? { ratingExplanation: explanation } : {}),
  };
}

/** One claim's review as ClaimReview JSON-LD. */
export function toClaimReview(claim: Claim, context: ClaimReviewContext): ClaimReview {
  const url = claimUrl(claim, context);
  const urls = appearanceUrls(context);
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    claimReviewed: claim.selector.exact,
    reviewRating: reviewRating(claim.verdict, claim.summary),
    ...(url ? { url } : {}),
    author: { ...REVIEW_AUTHOR },
    datePublished: context.datePublished,
    itemReviewed: {
      "@type": "Claim",
      author: { ...CLAIM_AUTHOR },
      datePublished: context.article.datePublished,
      appearance: {
        "@type": "NewsArticle",
        headline: context.article.title,
        datePublished: context.article.datePublished,
        ...(urls.length === 1 ? { url: urls[0] } : urls.length > 1 ? { url: urls } : {}),
      },
    },
  };
}

/** Every claim's review, in dataset order (a JSON-LD array, one ClaimReview per claim). */
export function toClaimReviews(
  claims: readonly Claim[],
  context: Omit<ClaimReviewContext, "textDirective">,
): ClaimReview[] {
  return claims.map((claim) => toClaimReview(claim, context));
}

/**
 * What schema.org ClaimReview (https://schema.org/ClaimReview) and Google's
 * Fact Check markup require, as zod schemas: `claimReviewed`, `reviewRating`
 * with `alternateName` (required), `url` (required by Google), `author`,
 * `datePublished`, and `itemReviewed`, the Claim with its `author`,
 * `datePublished` and `appearance` (recommended). The builders
 * (claim-review.ts) take their types from these; the export command and the
 * tests validate with them. Kept apart from the builders so that the card's
 * "Copy ClaimReview", in the overlay, carries no validation code.
 */
import "../zod-jitless";
import { z } from "zod";

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

/**
 * What the overlay tells the background about the claims it anchored (the
 * tab state: the popup lists the claims from it, the badge counts them),
 * first as anchored, then with each claim's link (its text directive) built
 * from the page's own text.
 */
import type { AnnotationResult } from "../pipeline";
import type { AnchoredClaim, TabState } from "../schema";
import { buildTextDirective } from "../text-fragment";
import { createPageQuoter } from "./page-quote";

/** The tab state for a pipeline result on the page at `url`; null when the article is not there. */
export function tabStateOf(result: AnnotationResult, url: string): TabState | null {
  if (!result.article.detected || !result.article.id) return null;
  return {
    url,
    article: { id: result.article.id, score: result.article.score },
    claims: result.annotations.map(({ claimId, match, score }) => ({ claimId, match, score })),
  };
}

/**
 * The anchored claims with their text directives, read from the page as it
 * renders them (computed styles: a few milliseconds, so the overlay calls
 * this after painting, not before).
 */
export function withTextDirectives(doc: Document, annotations: AnnotationResult["annotations"]): AnchoredClaim[] {
  const quoteOf = createPageQuoter(doc);
  return annotations.map(({ claimId, match, score, range }) => {
    // The wrapping fallback moves the claim's text into its marks, which collapses the range:
    // such a claim gets no directive, and its links use the dataset's quote.
    const textDirective = range.collapsed ? null : buildTextDirective(quoteOf(range));
    return { claimId, match, score, ...(textDirective ? { textDirective } : {}) };
  });
}

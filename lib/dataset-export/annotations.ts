/**
 * The dataset as W3C Web Annotations (https://www.w3.org/TR/annotation-model/):
 * one annotation per claim, motivation `assessing`, its target the claim's
 * TextQuoteSelector on the article, its body the verdict and the summary;
 * all of them in one AnnotationCollection. The zod schemas state the model's
 * requirements; the builders' types are inferred from them.
 */
import "../zod-jitless";
import { z } from "zod";
import { type Article, type Claim, TextQuoteSelector } from "../schema";
import { VERDICTS } from "../verdicts";
import { REVIEW_AUTHOR } from "./claim-review";

const CONTEXT = "http://www.w3.org/ns/anno.jsonld";
/** Any IRI: an address, or a URN such as `urn:uuid:…`. */
const Iri = z.string().regex(/^[a-z][a-z0-9+.-]*:\S+$/i, "must be an IRI");

const Body = z.strictObject({
  type: z.literal("TextualBody"),
  purpose: z.enum(["assessing", "describing"]),
  value: z.string().min(1),
  format: z.literal("text/plain"),
  language: z.string().min(2),
});

/** The claim on one page carrying the article: a SpecificResource (its source is required). */
const Target = z.strictObject({ source: Iri, selector: TextQuoteSelector });

/** One claim's review as a Web Annotation. */
export const AssessingAnnotation = z.strictObject({
  id: Iri,
  type: z.literal("Annotation"),
  motivation: z.literal("assessing"),
  creator: z.strictObject({ type: z.literal("Organization"), name: z.string().min(1) }),
  created: z.iso.datetime(),
  body: z.array(Body).min(1),
  target: z.union([Target, z.array(Target).min(2)]),
});
export type AssessingAnnotation = z.infer<typeof AssessingAnnotation>;

/** The whole dataset as one AnnotationCollection with its annotations in one page. */
export const ClaimAnnotationCollection = z
  .strictObject({
    "@context": z.literal(CONTEXT),
    id: Iri,
    type: z.literal("AnnotationCollection"),
    label: z.string().min(1),
    total: z.number().int().min(0),
    first: z.strictObject({
      type: z.literal("AnnotationPage"),
      startIndex: z.literal(0),
      items: z.array(AssessingAnnotation),
    }),
  })
  .refine((collection) => collection.total === collection.first.items.length, {
    message: "total must count the items",
    path: ["total"],
  });
export type ClaimAnnotationCollection = z.infer<typeof ClaimAnnotationCollection>;

/** What the annotations need besides the claims. */
export interface AnnotationContext {
  article: Article;
  /** When the annotations were made (the export's time, ISO 8601). */
  created: string;
  /**
   * IRIs of the pages the claims are on: a given page or the article's known
   * addresses; with none, an IRI of the article itself (a `urn:uuid:`),
   * which stands for every copy the selectors can find it in.
   */
  sources: readonly string[];
  /** The collection's IRI and each annotation's (`urn:uuid:…`, stable across exports). */
  collectionId: string;
  annotationId(claim: Claim): string;
}

/** One claim's annotation. */
export function toAssessingAnnotation(claim: Claim, context: AnnotationContext): AssessingAnnotation {
  const targets = context.sources.map((source) => ({ source, selector: { ...claim.selector } }));
  const text = (purpose: "assessing" | "describing", value: string) =>
    ({ type: "TextualBody", purpose, value, format: "text/plain", language: "en" }) as const;
  return {
    id: context.annotationId(claim),
    type: "Annotation",
    motivation: "assessing",
    creator: { type: "Organization", name: REVIEW_AUTHOR.name },
    created: context.created,
    body: [text("assessing", VERDICTS[claim.verdict].label), text("describing", claim.summary)],
    target: targets.length === 1 ? targets[0] : targets,
  };
}

/** Every claim's annotation, in one collection. */
export function toAnnotationCollection(
  claims: readonly Claim[],
  context: AnnotationContext,
): ClaimAnnotationCollection {
  const items = claims.map((claim) => toAssessingAnnotation(claim, context));
  return {
    "@context": CONTEXT,
    id: context.collectionId,
    type: "AnnotationCollection",
    label: `Fact-checks of “${context.article.title}” (${context.article.datePublished})`,
    total: items.length,
    first: { type: "AnnotationPage", startIndex: 0, items },
  };
}

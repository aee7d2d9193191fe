/**
 * The pipeline: dataset → detection → anchoring, for a given copy of the
 * dataset. `annotateDocument` (annotate.ts) runs it with the bundled one for
 * the command-line annotator, the benchmark and the tests; the overlay runs
 * it with the copy the background hands it, so that the overlay's script
 * carries no dataset of its own.
 */
import { anchorQuotes } from "./anchoring/anchor-quotes";
import { isSkippedElement } from "./anchoring/content-filter";
import { indexCollected, textIndexSteps } from "./anchoring/text-index";
import { type ArticleFingerprint, type ContainerDetection, detectionWithText } from "./detect/detect-article";
import { runNow, type Steps } from "./detect/sliced";
import type { Claim } from "./schema";

/** One anchored claim. */
export interface Annotation {
  claimId: Claim["id"];
  /** The claim's text in the page. */
  range: Range;
  match: "exact" | "fuzzy";
  /** 1 for an exact match; 1 − edits / quote length for a fuzzy one. */
  score: number;
  /** The page text of the range, as a reader sees it (ads and captions inside it left out). */
  text: string;
}

/** What `annotateDocument` finds in a page. */
export interface AnnotationResult {
  article: { detected: boolean; id: string | null; score: number };
  /** Anchored claims, in document order. Claims not found on the page are absent. */
  annotations: Annotation[];
  /** The element holding the article body, when detected. */
  container: Element | null;
}

/** What the pipeline needs of the dataset: the article's fingerprint and the claims' quotes. */
export interface PipelineData {
  article: ArticleFingerprint;
  claims: readonly Pick<Claim, "id" | "selector">[];
}

/** Detects the article in `doc` and anchors every claim of `dataset` inside its body. */
export function runPipeline(doc: Document, dataset: PipelineData): AnnotationResult {
  return runNow(pipelineSteps(doc, dataset));
}

/**
 * `runPipeline` as a sliced pass (`lib/detect/sliced.ts`): the overlay runs
 * it a few milliseconds at a time, so that a huge page gets no long task.
 */
export function* pipelineSteps(doc: Document, dataset: PipelineData): Steps<AnnotationResult> {
  return yield* anchoringSteps(yield* articleSteps(doc, dataset.article), dataset.claims);
}

/** The pipeline's first half, detection with the full content filter: it needs no claim, so the overlay runs it while the claims are on their way. */
export function articleSteps(doc: Document, article: ArticleFingerprint): Steps<ContainerDetection> {
  return detectionWithText(doc, article, isSkippedElement);
}

/** The pipeline's second half: `claims` anchored inside the article that `detection` found. */
export function* anchoringSteps(
  detection: ContainerDetection,
  claims: PipelineData["claims"],
): Steps<AnnotationResult> {
  const article = { detected: detection.detected, id: detection.id, score: detection.score };
  if (!detection.container) return { article, annotations: [], container: null };

  // Detection collected the container's text when the container is its region (the same filter): not twice.
  const index = detection.containerText
    ? indexCollected(detection.containerText)
    : yield* textIndexSteps(detection.container);
  yield;
  const anchors = anchorQuotes(
    index,
    claims.map((claim) => claim.selector),
  );
  // In reading order: by offset in the index, as Ranges in different shadow trees cannot be compared.
  const annotations = anchors
    .flatMap((anchor, position) => (anchor ? [{ anchor, claimId: claims[position].id }] : []))
    .sort((a, b) => a.anchor.start - b.anchor.start)
    .map(({ anchor: { range, match, score, text }, claimId }): Annotation => ({ claimId, range, match, score, text }));
  return { article, annotations, container: detection.container };
}

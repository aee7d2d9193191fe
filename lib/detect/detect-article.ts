/**
 * Does this page carry the article, and which element holds its body?
 *
 * 1. Pre-filter: enough of the article's rare words in the page text, or stop.
 * 2. Region: the element around the places where those words occur (the
 *    words are spread over the whole body, so a body split into sibling
 *    parts is inside it).
 * 3. Shingles: the region's article text (ads, captions and comment threads
 *    left out) is cut into word shingles; those in the fingerprint count,
 *    each for the element that holds it and all its ancestors.
 * 4. The body is the deepest element holding nearly all the matched
 *    shingles; the score is the share of the article's shingles it holds.
 *    A quote elsewhere on the page repeats shingles the body already has, so
 *    it neither raises the score nor pulls the container outward.
 *
 * Every step reads the flat tree (`flat-tree.ts`): a body that a web
 * component renders into an open shadow root is found, and its container
 * may be an element inside that shadow tree.
 */
import { isCodeElement } from "../anchoring/content-filter";
import { flatContains, flatParent } from "../anchoring/flat-tree";
import { type CollectedText, collectText, segmentAt } from "../anchoring/text-index";
import type { Fingerprint } from "../schema";
import { decodeShingles } from "./fingerprint";
import { commonAncestor } from "./locate";
import { findRareWords } from "./prefilter";
import { type Shingle, shingles } from "./shingles";
import { runNow, type Steps } from "./sliced";

/**
 * Share of the region's matched shingles the chosen container must hold.
 * Below 1 so that a stray sentence outside the body (a pull quote the filter
 * missed) does not force the container up to the whole page.
 */
const CONTAINER_SHARE = 0.95;

/** What detection needs of the dataset: no claims, no prose. */
export interface ArticleFingerprint {
  id: string;
  fingerprint: Fingerprint;
}

/** The verdict of detection on one page. */
export interface Detection {
  detected: boolean;
  /** The article's id when detected. */
  id: string | null;
  /** Share of the article's shingles found in the container, from 0 to 1. */
  score: number;
  /** The element holding the article body, when detected. */
  container: Element | null;
}

const NOT_FOUND: Detection = { detected: false, id: null, score: 0, container: null };

/**
 * Decides whether `doc` carries the article, on the device, from its text
 * alone. `skip` says which elements' text is not article text: the full
 * content filter (`isSkippedElement`) to find the body precisely, or the
 * minimal one (`isCodeElement`) where only the yes-or-no matters.
 */
export function detectArticle(
  doc: Document,
  article: ArticleFingerprint,
  skip: (element: Element) => boolean,
): Detection {
  const { containerText, ...detection } = runNow(detectionWithText(doc, article, skip));
  return detection;
}

/**
 * Detection, and the container's collected text when detection already
 * collected it (the container is the region, as on most pages): the
 * pipeline indexes it without walking the container a second time.
 */
export type ContainerDetection = Detection & { containerText: CollectedText | null };

/** `detectArticle` with the container's text (`ContainerDetection`), as a sliced pass. */
export function* detectionWithText(
  doc: Document,
  article: ArticleFingerprint,
  skip: (element: Element) => boolean,
): Steps<ContainerDetection> {
  const found = yield* regionText(doc, article.fingerprint, skip);
  if (!found) return { ...NOT_FOUND, containerText: null };
  const { region, text, known } = found;
  const coverage = shingleCoverage(text, shingles(text.raw, article.fingerprint.shingleSize), known);
  const regionCount = coverage.get(region)?.size ?? 0;
  const container = deepestHolding(coverage, regionCount * CONTAINER_SHARE) ?? region;
  const score = (coverage.get(container)?.size ?? 0) / known.size;
  const detected = score >= article.fingerprint.minCoverage;
  return {
    detected,
    id: detected ? article.id : null,
    score: round(score),
    container: detected ? container : null,
    containerText: detected && container === region ? text : null,
  };
}

/**
 * The detector content script's question, on every page: does `doc` carry
 * the article? Steps 1 to 3 with the minimal filter (code left out), and the
 * score of the region itself: the container inside it (step 4) is the
 * overlay's business, and the region holds at least the container's share.
 * A sliced pass (`sliced.ts`).
 */
export function* presenceSteps(doc: Document, fingerprint: Fingerprint): Steps<{ detected: boolean; score: number }> {
  const found = yield* regionText(doc, fingerprint, isCodeElement);
  if (!found) return { detected: false, score: 0 };
  const held = new Set<number>();
  for (const { hash } of shingles(found.text.raw, fingerprint.shingleSize)) if (found.known.has(hash)) held.add(hash);
  const score = held.size / found.known.size;
  return { detected: score >= fingerprint.minCoverage, score };
}

/** Steps 1 and 2, and the region's text: null when the pre-filter fails. */
function* regionText(
  doc: Document,
  fingerprint: Fingerprint,
  skip: (element: Element) => boolean,
): Steps<{ region: Element; text: CollectedText; known: Set<number> } | null> {
  const nodes = doc.body && (yield* findRareWords(doc.body, fingerprint));
  // Step 2: the element around the rare words' first occurrences.
  const region = nodes && commonAncestor(nodes);
  if (!region) return null;
  const text = yield* collectText(region, skip);
  yield;
  return { region, text, known: new Set(decodeShingles(fingerprint.shingles)) };
}

/**
 * Step 3: for every element from a matched text node up to the collected
 * text's root, the set of distinct fingerprint shingles (`known`) inside it.
 * Exported for the benchmark, which times the steps one by one.
 */
export function shingleCoverage(
  text: CollectedText,
  hashed: readonly Shingle[],
  known: ReadonlySet<number>,
): Map<Element, Set<number>> {
  const coverage = new Map<Element, Set<number>>();
  for (const shingle of hashed) {
    if (!known.has(shingle.hash)) continue;
    const { node } = text.segments[segmentAt(text.segments, shingle.start)];
    for (let element = flatParent(node); element; element = flatParent(element)) {
      const held = coverage.get(element) ?? new Set<number>();
      held.add(shingle.hash);
      coverage.set(element, held);
      if (element === text.root) break;
    }
  }
  return coverage;
}

/** Step 4: the deepest element holding at least `needed` matched shingles. */
function deepestHolding(coverage: Map<Element, Set<number>>, needed: number): Element | null {
  let best: Element | null = null;
  for (const [element, held] of coverage) {
    if (held.size < needed || held.size === 0) continue;
    if (!best || flatContains(best, element)) best = element;
  }
  return best;
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

/**
 * The benchmark's in-page half, bundled by `run.ts` into one IIFE and
 * injected into every benchmark page. It exposes `window.__bench`: run one
 * contender once (timed with performance.now() around the call, nothing
 * else inside the timed section), check the last run's anchors, time the
 * phases of our pipeline, and describe the page.
 */
import { createTextQuoteSelectorMatcher } from "@apache-annotator/dom";
import { toRange as domAnchorToRange } from "dom-anchor-text-quote";
import { anchorQuotes } from "../../lib/anchoring/anchor-quotes";
import { isCodeElement, isSkippedElement } from "../../lib/anchoring/content-filter";
import { normalizeText } from "../../lib/anchoring/normalize";
import { buildTextIndex, collectText } from "../../lib/anchoring/text-index";
import { annotateDocument } from "../../lib/annotate";
import { dataset } from "../../lib/dataset";
import { detectArticle, presenceSteps, shingleCoverage } from "../../lib/detect/detect-article";
import { decodeShingles } from "../../lib/detect/fingerprint";
import { commonAncestor } from "../../lib/detect/locate";
import { findRareWords } from "../../lib/detect/prefilter";
import { shingles } from "../../lib/detect/shingles";
import { runNow } from "../../lib/detect/sliced";
import { anchorAll } from "./hypothesis-baseline";

/** The contenders, by the names the runner and the report use. */
export const CONTENDERS = [
  "ours",
  "ours-detector",
  "apache-annotator",
  "dom-anchor-text-quote",
  "hypothesis",
  "reading-floor",
] as const;
export type ContenderName = (typeof CONTENDERS)[number];

/** What the last run of a contender returned, kept for `check`. */
type Outcome =
  | { kind: "ranges"; ranges: (Range | null)[] }
  | { kind: "detection"; detected: boolean; score: number; container: Element | null }
  | { kind: "reading" };

/** How a contender's anchors compare with the claims. */
export interface CheckResult {
  /** Claims anchored somewhere (null for the detector, which anchors nothing). */
  anchored: number | null;
  /** Claims anchored to the quote's text inside the article body. */
  right: number | null;
  /** For each claim: "right", "wrong: <page text>" or "missing". */
  perClaim: Record<string, string>;
  /** Detection verdict, for our contenders. */
  detected?: boolean;
  score?: number;
  /** Whether the detected container holds the article body (or lies inside it). */
  containerOk?: boolean;
  /** DOM mutations observed during one more run (ours only). */
  domWrites?: number;
  /** fetch / XHR / sendBeacon calls during one more run (ours only). */
  requests?: number;
}

/** Phase timings of our pipeline, in ms (medians over the runs), and what the phases worked on. */
export interface Breakdown {
  phases: Record<string, number>;
  /** The fastest run of each phase. */
  phaseMins: Record<string, number>;
  /** Whether the TreeWalker alternative gives exactly `body.textContent`. */
  /** The region detection localised (the element around the rare words, one level up). */
  region: string | null;
  regionTextLength: number | null;
  /** The region's text with only code left out, as the detector content script shingles it. */
  regionTextLengthMinimalFilter: number | null;
  /** The container detection chose for anchoring. */
  container: string | null;
  containerTextLength: number | null;
}

/** A short CSS-like description of an element. */
function describe(element: Element | null): string | null {
  if (!element) return null;
  const id = element.id ? `#${element.id}` : "";
  const classes = [...element.classList]
    .slice(0, 3)
    .map((name) => `.${name}`)
    .join("");
  return `${element.tagName.toLowerCase()}${id}${classes}`;
}

/** The page as measured in the browser. */
export interface PageStats {
  textLength: number;
  elements: number;
  hasArticleBody: boolean;
  crossOriginIsolated: boolean;
}

const selectors = dataset.claims.map((claim) => claim.selector);
const expected = selectors.map((selector) => normalizeText(selector.exact).trim());
const fingerprint = dataset.article.fingerprint;

let last: Partial<Record<ContenderName, Outcome>> = {};

function articleBody(): Element | null {
  return document.querySelector("[data-bench-article-body]");
}

/** Runs one contender once; returns the elapsed time in ms. */
async function run(name: ContenderName): Promise<number> {
  switch (name) {
    case "ours": {
      const start = performance.now();
      const result = annotateDocument(document);
      const elapsed = performance.now() - start;
      const ranges: (Range | null)[] = dataset.claims.map(
        (claim) => result.annotations.find((annotation) => annotation.claimId === claim.id)?.range ?? null,
      );
      last.ours = { kind: "ranges", ranges };
      return elapsed;
    }
    case "ours-detector": {
      const start = performance.now();
      const result = runNow(presenceSteps(document, dataset.article.fingerprint));
      const elapsed = performance.now() - start;
      last["ours-detector"] = { kind: "detection", ...result, container: null };
      return elapsed;
    }
    case "reading-floor": {
      const start = performance.now();
      readWholePage(document.body);
      const elapsed = performance.now() - start;
      last["reading-floor"] = { kind: "reading" };
      return elapsed;
    }
    case "apache-annotator": {
      const start = performance.now();
      const ranges: (Range | null)[] = [];
      for (const selector of selectors) {
        const matches = createTextQuoteSelectorMatcher({ ...selector, type: "TextQuoteSelector" })(document.body);
        // The first match is all an annotator needs; the rest of the scan is not awaited.
        const first = await matches.next();
        await matches.return(undefined);
        ranges.push(first.done ? null : first.value);
      }
      const elapsed = performance.now() - start;
      last["apache-annotator"] = { kind: "ranges", ranges };
      return elapsed;
    }
    case "dom-anchor-text-quote": {
      const start = performance.now();
      const ranges = selectors.map((selector) => domAnchorToRange(document.body, selector));
      const elapsed = performance.now() - start;
      last["dom-anchor-text-quote"] = { kind: "ranges", ranges };
      return elapsed;
    }
    case "hypothesis": {
      const start = performance.now();
      const ranges = anchorAll(document.body, selectors);
      const elapsed = performance.now() - start;
      last.hypothesis = { kind: "ranges", ranges };
      return elapsed;
    }
  }
}

/**
 * The least that any detector must do to say that a page does not carry the
 * article: read the text of every text node, and look at every element for
 * an open shadow root (whose text counts too). Nothing is searched. Timed
 * beside our detector, it shows how much of the detector's time is the
 * reading itself, on this machine and in this run. Returns the characters
 * read, so that the engine cannot drop the reads.
 */
function readWholePage(root: Node): number {
  let characters = 0;
  const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = texts.nextNode() as Text | null; node; node = texts.nextNode() as Text | null)
    characters += node.data.length;
  const elements = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  for (let node = elements.nextNode() as Element | null; node; node = elements.nextNode() as Element | null)
    if (node.shadowRoot) characters += readWholePage(node.shadowRoot);
  return characters;
}

/** Whether `range` covers the claim's quote (normalised) inside the article body. */
function isRight(range: Range, position: number, body: Element | null): boolean {
  if (!body) return false;
  if (!body.contains(range.startContainer) || !body.contains(range.endContainer)) return false;
  return normalizeText(range.toString()).trim() === expected[position];
}

function short(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 90 ? `${flat.slice(0, 87)}...` : flat;
}

/** Counts the DOM writes and requests of one more run of our pipeline or detector. */
function sideEffects(name: "ours" | "ours-detector"): { domWrites: number; requests: number } {
  let requests = 0;
  const originalFetch = window.fetch;
  const originalOpen = XMLHttpRequest.prototype.open;
  const originalBeacon = navigator.sendBeacon;
  window.fetch = (...args: Parameters<typeof fetch>) => {
    requests++;
    return originalFetch.apply(window, args);
  };
  XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, ...args: unknown[]) {
    requests++;
    return (originalOpen as (...rest: unknown[]) => void).apply(this, args);
  };
  navigator.sendBeacon = (...args: Parameters<Navigator["sendBeacon"]>) => {
    requests++;
    return originalBeacon.apply(navigator, args);
  };
  const observer = new MutationObserver(() => {});
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  try {
    if (name === "ours") annotateDocument(document);
    else runNow(presenceSteps(document, dataset.article.fingerprint));
    return { domWrites: observer.takeRecords().length, requests };
  } finally {
    observer.disconnect();
    window.fetch = originalFetch;
    XMLHttpRequest.prototype.open = originalOpen;
    navigator.sendBeacon = originalBeacon;
  }
}

/** Checks the last run of `name` against the claims. */
function check(name: ContenderName): CheckResult {
  const outcome = last[name];
  const body = articleBody();
  if (!outcome) throw new Error(`${name} has not run on this page`);
  if (outcome.kind === "reading") return { anchored: null, right: null, perClaim: {} };
  if (outcome.kind === "detection") {
    const { container } = outcome;
    // The detector names no container (only the overlay needs one): nothing to check there.
    const containerOk =
      name === "ours-detector" ||
      (body ? !!container && (container.contains(body) || body.contains(container)) : !container);
    return {
      anchored: null,
      right: null,
      perClaim: {},
      detected: outcome.detected,
      score: outcome.score,
      containerOk,
      ...sideEffects("ours-detector"),
    };
  }
  const perClaim: Record<string, string> = {};
  let anchored = 0;
  let right = 0;
  outcome.ranges.forEach((range, position) => {
    const id = dataset.claims[position].id;
    if (!range) {
      perClaim[id] = "missing";
      return;
    }
    anchored++;
    if (isRight(range, position, body)) {
      right++;
      perClaim[id] = "right";
    } else perClaim[id] = `wrong: ${short(range.toString())}`;
  });
  const result: CheckResult = { anchored, right, perClaim };
  if (name === "ours") {
    const detection = detectArticle(document, dataset.article, isSkippedElement);
    Object.assign(result, { detected: detection.detected, score: detection.score }, sideEffects("ours"));
  }
  return result;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Our pipeline cut into its phases, each timed on its own (`runs` times,
 * medians). Mirrors detect-article.ts and annotate.ts step by step (the
 * coverage step is a copy of its private loop), with the full content
 * filter, as `annotateDocument` runs it.
 */
function breakdown(runs: number): Breakdown {
  const samples: Record<string, number[]> = {};
  const add = (phase: string, ms: number) => {
    samples[phase] ??= [];
    samples[phase].push(ms);
  };
  const known = new Set(decodeShingles(fingerprint.shingles));
  const result: Breakdown = {
    phases: {},
    phaseMins: {},
    region: null,
    regionTextLength: null,
    regionTextLengthMinimalFilter: null,
    container: null,
    containerTextLength: null,
  };
  for (let iteration = 0; iteration < runs; iteration++) {
    const body = document.body;
    let t = performance.now();
    const textContent = body.textContent ?? "";
    let next = performance.now();
    add("0 body.textContent (for comparison: not used)", next - t);
    if (textContent.length < 0) continue;
    t = performance.now();
    const nodes = runNow(findRareWords(body, fingerprint));
    next = performance.now();
    add("1 rare words (gate words, then all)", next - t);
    if (!nodes) continue;
    t = next;
    const region = commonAncestor(nodes);
    next = performance.now();
    add("2 region (common ancestor)", next - t);
    if (!region) continue;
    t = next;
    const collected = runNow(collectText(region, isSkippedElement));
    next = performance.now();
    add("3a collectText(region)", next - t);
    result.region = describe(region);
    result.regionTextLength = collected.raw.length;
    t = next;
    const hashed = shingles(collected.raw, fingerprint.shingleSize);
    next = performance.now();
    add("3b shingles(region text)", next - t);
    t = next;
    shingleCoverage(collected, hashed, known);
    next = performance.now();
    add("3c coverage (matched shingles up the tree)", next - t);
    // The detector content script runs steps 3a-3b with the minimal filter (only code left out).
    t = performance.now();
    const minimal = runNow(collectText(region, isCodeElement));
    shingles(minimal.raw, fingerprint.shingleSize);
    next = performance.now();
    add("3' detector's 3a+3b (isCodeElement filter)", next - t);
    result.regionTextLengthMinimalFilter = minimal.raw.length;
    const { container } = detectArticle(document, dataset.article, isSkippedElement);
    if (!container) continue;
    t = performance.now();
    const index = buildTextIndex(container);
    next = performance.now();
    add("4 buildTextIndex(container) (collect + normalise)", next - t);
    result.container = describe(container);
    result.containerTextLength = index.raw.length;
    t = next;
    anchorQuotes(index, selectors);
    next = performance.now();
    add("5 anchorQuotes (14 quotes)", next - t);
  }
  for (const [phase, values] of Object.entries(samples)) {
    result.phases[phase] = median(values);
    result.phaseMins[phase] = Math.min(...values);
  }
  return result;
}

function pageStats(): PageStats {
  return {
    textLength: (document.body.textContent ?? "").length,
    elements: document.getElementsByTagName("*").length,
    hasArticleBody: articleBody() !== null,
    crossOriginIsolated: window.crossOriginIsolated,
  };
}

/** What `window.__bench` offers the runner. */
export interface BenchApi {
  contenders: readonly ContenderName[];
  run(name: ContenderName): Promise<number>;
  check(name: ContenderName): CheckResult;
  breakdown(runs: number): Breakdown;
  pageStats(): PageStats;
  reset(): void;
}

const api: BenchApi = {
  contenders: CONTENDERS,
  run,
  check,
  breakdown,
  pageStats,
  reset: () => {
    last = {};
  },
};
(window as unknown as { __bench: BenchApi }).__bench = api;

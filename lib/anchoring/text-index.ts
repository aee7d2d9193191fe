/**
 * The text index: the article container's text, flattened and normalised,
 * with a map from every normalised character back to the text node and
 * offset it came from. Anchoring matches quotes against `text`; the
 * resulting offsets become DOM ranges through `dom-range.ts`.
 */

import { CHECK_EVERY, runNow, type Steps } from "../detect/sliced";
import { isBlockElement, isSkippedElement } from "./content-filter";
import { flatChildren } from "./flat-tree";
import { type NormalizedText, normalizeWithMap } from "./normalize";

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** A text node and where its data starts in the index's raw text. */
export interface TextSegment {
  node: Text;
  start: number;
}

/** The text under an element, flattened, with the text nodes it came from. */
export interface CollectedText {
  root: Element;
  /** The collected text nodes' data joined, with "\n" where a block boundary separates them. */
  raw: string;
  /** The collected text nodes in document order. */
  segments: TextSegment[];
}

/** A container's text, normalised, with the way back to its DOM. */
export interface TextIndex extends CollectedText, NormalizedText {}

/**
 * Indexes the text under `root` for anchoring: the collected text (see
 * `collectText`), normalised, each normalised character mapped back to it.
 */
export function buildTextIndex(root: Element, skip: (element: Element) => boolean = isSkippedElement): TextIndex {
  return runNow(textIndexSteps(root, skip));
}

/** `buildTextIndex` as a sliced pass (`lib/detect/sliced.ts`), for the overlay on a big container. */
export function* textIndexSteps(
  root: Element,
  skip: (element: Element) => boolean = isSkippedElement,
): Steps<TextIndex> {
  const collected = yield* collectText(root, skip);
  yield;
  return indexCollected(collected);
}

/** The index of text already collected (`collectText`, with the full content filter). */
export function indexCollected(collected: CollectedText): TextIndex {
  return { ...collected, ...normalizeWithMap(collected.raw) };
}

/**
 * Collects the text under `root`, leaving out the subtrees of descendants for
 * which `skip` is true (scripts, ads, captions, comment threads; see
 * `content-filter.ts`). Block elements separate words even where the markup
 * has no white space between them. Walks the flat tree: text that a web
 * component renders into an open shadow root is collected where the reader
 * sees it. Detection uses this directly; it needs no normalisation map. A
 * sliced pass (`lib/detect/sliced.ts`): it pauses every `CHECK_EVERY` nodes.
 */
export function* collectText(root: Element, skip: (element: Element) => boolean): Steps<CollectedText> {
  const parts: string[] = [];
  const segments: TextSegment[] = [];
  let rawLength = 0;
  let pendingBreak = false;
  let count = 0;

  // Depth first over the flat tree (flat-tree.ts): shadow trees in place of their hosts' children, slots'
  // assigned nodes in place of the slots. A stack rather than recursion, so that the pass can pause anywhere.
  const stack: { nodes: ArrayLike<Node>; next: number; block: boolean }[] = [
    { nodes: flatChildren(root), next: 0, block: false },
  ];
  while (stack.length > 0) {
    const level = stack[stack.length - 1];
    if (level.next >= level.nodes.length) {
      stack.pop();
      // Leaving a block ends its line too.
      pendingBreak ||= level.block;
      continue;
    }
    const node = level.nodes[level.next++];
    if (++count % CHECK_EVERY === 0) yield;
    if (node.nodeType === TEXT_NODE) {
      const data = (node as Text).data;
      if (data.length > 0) {
        if (pendingBreak && rawLength > 0) {
          parts.push("\n");
          rawLength++;
        }
        pendingBreak = false;
        segments.push({ node: node as Text, start: rawLength });
        parts.push(data);
        rawLength += data.length;
      }
    } else if (node.nodeType === ELEMENT_NODE) {
      const block = isBlockElement(node as Element);
      pendingBreak ||= block;
      if (!skip(node as Element)) stack.push({ nodes: flatChildren(node), next: 0, block });
      else pendingBreak ||= block;
    }
  }

  return { root, raw: parts.join(""), segments };
}

/** The index of the segment holding raw offset `rawOffset`: the last one starting at or before it. */
export function segmentAt(segments: readonly TextSegment[], rawOffset: number): number {
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (segments[middle].start <= rawOffset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * The page text of a span of the index, as a reader sees it: the raw
 * characters (left-out subtrees excluded), invisible characters dropped,
 * white space collapsed.
 */
export function pageText(index: TextIndex, start: number, end: number): string {
  if (end <= start) return "";
  return index.raw
    .slice(index.rawStart[start], index.rawEnd[end - 1])
    .replace(/[\u00AD\u180E\u200B-\u200D\u2060\uFEFF]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

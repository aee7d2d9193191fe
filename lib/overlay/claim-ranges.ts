/**
 * The text of a claim as separate ranges, one per text node, leaving out
 * text the content filter excludes (an ad label or caption inside the
 * claim). Highlights paint these, so an ad inside a sentence is not
 * underlined as part of the claim.
 */
import { isSkippedElement } from "../anchoring/content-filter";
import { rangeParts } from "../anchoring/dom-range";
import { flatParent } from "../anchoring/flat-tree";

const SHOW_TEXT = 0x4;

/**
 * Ranges covering the article text of `range` inside `container`, one per
 * text node, over every part of the claim (`rangeParts`: a claim that
 * crosses into a component's shadow tree has one part per tree).
 */
export function claimTextRanges(range: Range, container: Element): Range[] {
  return rangeParts(range).flatMap((part) => partTextRanges(part, container));
}

function partTextRanges(range: Range, container: Element): Range[] {
  const doc = container.ownerDocument;
  const root = range.commonAncestorContainer;
  const walker = doc.createTreeWalker(root.nodeType === 3 ? (root.parentNode ?? root) : root, SHOW_TEXT);
  const ranges: Range[] = [];
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (!range.intersectsNode(node) || isInSkippedElement(node, container)) continue;
    const start = node === range.startContainer ? range.startOffset : 0;
    const end = node === range.endContainer ? range.endOffset : node.data.length;
    if (end <= start || !node.data.slice(start, end).trim()) continue;
    const piece = doc.createRange();
    piece.setStart(node, start);
    piece.setEnd(node, end);
    ranges.push(piece);
  }
  return ranges;
}

/** Whether a filtered element holds `node`, up to `container`, across shadow boundaries. */
function isInSkippedElement(node: Node, container: Element): boolean {
  for (let element = flatParent(node); element && element !== container; element = flatParent(element)) {
    if (isSkippedElement(element)) return true;
  }
  return false;
}

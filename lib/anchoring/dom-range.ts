/**
 * Offsets in a text index ↔ DOM positions. Kept apart from matching (pure
 * strings) and from index building (a tree walk).
 */
import { type CollectedText, segmentAt, type TextIndex, type TextSegment } from "./text-index";

/** A point in the DOM: a text node and an offset in its data. */
export interface DomPoint {
  node: Text;
  offset: number;
}

/**
 * The DOM point for a raw offset. `"start"` resolves an offset on a segment
 * boundary (or on a synthetic block break) to the start of the next text
 * node; `"end"` to the end of the previous one, so a range never begins or
 * ends in a node it does not cover.
 */
export function domPointAt(text: CollectedText, rawOffset: number, affinity: "start" | "end"): DomPoint {
  const { segments } = text;
  if (segments.length === 0) throw new RangeError("the text index is empty");
  const low = segmentAt(segments, rawOffset);
  const segment: TextSegment = segments[low];
  const offset = rawOffset - segment.start;
  const length = segment.node.data.length;
  if (affinity === "end") {
    if (offset === 0 && low > 0) return endOf(segments[low - 1]);
    return { node: segment.node, offset: Math.min(Math.max(offset, 0), length) };
  }
  if (offset >= length && low + 1 < segments.length) return { node: segments[low + 1].node, offset: 0 };
  return { node: segment.node, offset: Math.min(Math.max(offset, 0), length) };
}

function endOf(segment: TextSegment): DomPoint {
  return { node: segment.node, offset: segment.node.data.length };
}

/** The DOM Range covering normalised offsets `[start, end)` of the index. */
export function rangeFromOffsets(index: TextIndex, start: number, end: number): Range {
  if (!(start >= 0 && start < end && end <= index.text.length)) {
    throw new RangeError(`offsets [${start}, ${end}) are outside the index (length ${index.text.length})`);
  }
  const from = domPointAt(index, index.rawStart[start], "start");
  const to = domPointAt(index, index.rawEnd[end - 1], "end");
  const range = index.root.ownerDocument.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

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

/**
 * The DOM Range covering normalised offsets `[start, end)` of the index.
 *
 * A Range lies within one tree (a document or a shadow root): a span that
 * crosses a shadow boundary (a claim partly in a component's shadow tree,
 * partly in the page) cannot be one Range. It is cut into one Range per run
 * of text in the same tree (`rangeParts` gives them all, in reading order;
 * a run in the page around a component is cut too, as its Range would hold
 * the host but not the host's shadow text),
 * and the part holding most of the span's text stands for it: the claim's
 * Range in the pipeline's result, which scrolling, hit testing and links
 * use. Painting and markers use every part.
 */
export function rangeFromOffsets(index: TextIndex, start: number, end: number): Range {
  if (!(start >= 0 && start < end && end <= index.text.length)) {
    throw new RangeError(`offsets [${start}, ${end}) are outside the index (length ${index.text.length})`);
  }
  const rawStart = index.rawStart[start];
  const rawEnd = index.rawEnd[end - 1];
  const from = domPointAt(index, rawStart, "start");
  const to = domPointAt(index, rawEnd, "end");
  const doc = index.root.ownerDocument;

  const parts: { range: Range; length: number }[] = [];
  const { segments } = index;
  let fromIndex = segmentAt(segments, rawStart);
  if (segments[fromIndex].node !== from.node) fromIndex++;
  let toIndex = segmentAt(segments, rawEnd);
  if (segments[toIndex].node !== to.node) toIndex--;
  for (let at = fromIndex; at <= toIndex; ) {
    // One run of consecutive text nodes in the same tree.
    const tree = segments[at].node.getRootNode();
    let last = at;
    while (last < toIndex && segments[last + 1].node.getRootNode() === tree) last++;
    const first = at === fromIndex ? from : { node: segments[at].node, offset: 0 };
    const final = last === toIndex ? to : endOf(segments[last]);
    const part = doc.createRange();
    part.setStart(first.node, first.offset);
    part.setEnd(final.node, final.offset);
    const length = segments[last].start + final.offset - (segments[at].start + first.offset);
    if (!part.collapsed) parts.push({ range: part, length });
    at = last + 1;
  }
  if (parts.length === 0) {
    const range = doc.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range;
  }
  const main = parts.reduce((best, part) => (part.length > best.length ? part : best), parts[0]);
  if (parts.length > 1)
    PARTS.set(
      main.range,
      parts.map((part) => part.range),
    );
  return main.range;
}

/** The parts of Ranges that stand for a span crossing a shadow boundary. */
const PARTS = new WeakMap<Range, Range[]>();

/**
 * Every part of the span `range` stands for, in reading order: `[range]`
 * itself unless `rangeFromOffsets` had to cut the span at a shadow boundary.
 */
export function rangeParts(range: Range): Range[] {
  return PARTS.get(range) ?? [range];
}

/**
 * Where a claim's marker goes: at the end of the claim's last line box,
 * raised like a footnote mark so that it covers as little of the following
 * text as possible (an overlay cannot make room without shifting layout), in
 * document coordinates (the overlay layer sits at the document's origin, so
 * markers scroll with the text).
 */

/** Size of a marker's visible disc, in CSS pixels (`position` is its top left corner). */
export const MARKER_SIZE = 15;

/**
 * Size of a marker's hit target, in CSS pixels: centred on the disc, so it
 * reaches `(MARKER_TARGET_SIZE - MARKER_SIZE) / 2` beyond it on every side.
 */
export const MARKER_TARGET_SIZE = 24;

/** How far the marker rises above the top of the line box, like a superscript. */
const RAISE = 5;

/** A marker's place in document coordinates. */
export interface MarkerPosition {
  left: number;
  top: number;
  /** Height of the line the marker sits on. */
  lineHeight: number;
}

/**
 * The marker position for a claim whose line boxes are `rects` (viewport
 * coordinates, as `Range.getClientRects()` gives them), with the page
 * scrolled by `scrollX`/`scrollY`. `null` when the claim is not rendered.
 */
export function markerPosition(
  rects: ArrayLike<DOMRectReadOnly>,
  scrollX: number,
  scrollY: number,
): MarkerPosition | null {
  let last: DOMRectReadOnly | undefined;
  for (let index = 0; index < rects.length; index++) {
    const rect = rects[index];
    if (rect.width === 0 && rect.height === 0) continue;
    // The last line box is the lowest one; on that line, the rightmost piece.
    const lower = !last || rect.top > last.top + 1;
    const sameLineFurther = last && Math.abs(rect.top - last.top) <= 1 && rect.right > last.right;
    if (lower || sameLineFurther) last = rect;
  }
  if (!last) return null;
  return { left: last.right + scrollX, top: last.top + scrollY - RAISE, lineHeight: last.height };
}

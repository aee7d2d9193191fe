/**
 * Where the claims are on the page, for the markers and for moving between
 * claims: marker positions from the claims' live ranges, scrolling a claim
 * into view, and which claim is next or previous.
 */
import type { OverlayItem } from "../../components/OverlayApp";
import { rangeParts } from "../anchoring/dom-range";
import type { Annotation } from "../pipeline";
import { markerPosition } from "./marker-position";

/** `items` with their markers placed at their claims' text now (null for a claim not rendered). */
export function positionItems(
  items: readonly OverlayItem[],
  annotations: readonly Annotation[],
  view: Pick<Window, "scrollX" | "scrollY">,
): OverlayItem[] {
  const ranges = new Map(annotations.map((annotation) => [annotation.claimId, annotation.range]));
  return items.map((item) => {
    const range = ranges.get(item.claim.id);
    // Every part of a claim that crosses a shadow boundary: the marker goes at the end of its last line.
    const rects = range ? rangeParts(range).flatMap((part) => [...part.getClientRects()]) : [];
    return { ...item, position: range ? markerPosition(rects, view.scrollX, view.scrollY) : null };
  });
}

/**
 * Scrolls `range` to a third of the way down the view unless it is already
 * in view entirely; true when it scrolled (the markers must then move).
 */
export function scrollToRange(view: Window, range: Range): boolean {
  const rect = range.getBoundingClientRect();
  if (rect.top >= 0 && rect.bottom <= view.innerHeight) return false;
  view.scrollTo({ top: view.scrollY + rect.top - view.innerHeight / 3, behavior: "instant" });
  return true;
}

/**
 * The claim to go to from `current` (the focused or open one) in
 * `direction`, among the claims whose text is rendered, wrapping around.
 * With no current claim, from the first one below `scrollY` (the top of
 * the view). Null when no claim is rendered.
 */
export function stepTarget(
  items: readonly OverlayItem[],
  current: string | null | undefined,
  direction: "next" | "previous",
  scrollY: number,
): OverlayItem | null {
  // Claims whose text is not rendered (a collapsed part of the page) have no place to go to.
  const shown = items.filter((item) => item.position);
  if (shown.length === 0) return null;
  let index = shown.findIndex((item) => item.claim.id === current);
  if (index === -1) {
    // Nothing focused yet: start from the first claim below the top of the viewport.
    index = shown.findIndex((item) => (item.position?.top ?? 0) >= scrollY);
    index = direction === "next" ? index - 1 : index;
  }
  return shown[(index + (direction === "next" ? 1 : -1) + shown.length) % shown.length];
}

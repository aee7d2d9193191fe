/**
 * The fallback painter for browsers without the CSS Custom Highlight API:
 * each text range is wrapped in a `<factcheck-mark>` element, styled
 * through the CSSOM (allowed under any page CSP), and unwrapped again
 * without a trace.
 */
import type { Verdict } from "../schema";
import { FLASH_COLORS, HIGHLIGHT_PALETTES, type SiteScheme } from "../verdicts";

/** Tag of the wrapping elements. */
export const MARK_TAG = "factcheck-mark";

/** Wraps each range (which must lie within one text node) in a mark for `kind`, coloured for a `scheme` site. */
export function wrapRanges(ranges: readonly Range[], kind: Verdict | "flash", scheme: SiteScheme = "light"): Element[] {
  const marks: Element[] = [];
  for (const range of ranges) {
    const doc = range.startContainer.ownerDocument;
    if (!doc || range.startContainer !== range.endContainer || range.collapsed) continue;
    const mark = doc.createElement(MARK_TAG);
    mark.setAttribute("data-kind", kind);
    const style = (mark as HTMLElement).style;
    if (kind === "flash") style.setProperty("background-color", FLASH_COLORS[scheme]);
    else {
      const colors = HIGHLIGHT_PALETTES[scheme][kind];
      style.setProperty("background-color", colors.tint);
      style.setProperty("text-decoration", `underline ${colors.underline} 2px`);
    }
    range.surroundContents(mark);
    marks.push(mark);
  }
  return marks;
}

/** Removes the marks (of `kind`, or all), putting their text back as it was. */
export function unwrapAll(doc: Document, kind?: Verdict | "flash"): void {
  const selector = kind ? `${MARK_TAG}[data-kind="${kind}"]` : MARK_TAG;
  for (const mark of doc.querySelectorAll(selector)) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    parent.normalize();
  }
}

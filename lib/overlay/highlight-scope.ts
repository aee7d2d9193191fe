/**
 * Where the highlights' stylesheet applies. A `::highlight()` rule that names
 * no element makes the browser restyle every element of the page when its
 * sheet goes in: on a heavy news page a task of 50 ms and more, in the frame
 * that would paint the claims. Scoped to an element around the claims
 * (`.entry-content ::highlight(…)`), the same sheet restyles that element's
 * subtree alone. The element is named by its own id or first class, so that
 * nothing is written into the page to name it; where no element around the
 * claims has either, the rules stay unscoped.
 */
import { flatParent } from "../anchoring/flat-tree";

/** The element the highlights' rules are scoped to, and the selector that names it. */
export interface HighlightScope {
  element: Element;
  selector: string;
}

/**
 * The nearest element, `element` itself or an ancestor in the flat tree,
 * that the document's own rules can match (one in the document's tree: text
 * in a web component's shadow tree is reached through its host) and that
 * has an id or a class, with the selector naming it by that; null when
 * there is none. `escapeIdent` is the page window's `CSS.escape`.
 */
export function highlightScope(element: Element | null, escapeIdent: (ident: string) => string): HighlightScope | null {
  for (let at = element; at; at = flatParent(at)) {
    if (at.getRootNode() !== at.ownerDocument) continue;
    if (at.id) return { element: at, selector: `#${escapeIdent(at.id)}` };
    const first = at.classList[0];
    if (first) return { element: at, selector: `.${escapeIdent(first)}` };
  }
  return null;
}

/** `::highlight(name)` for the elements in `scope` (the element it names and its descendants), or everywhere. */
export function scopedHighlight(scope: string | null, name: string): string {
  return scope ? `${scope}::highlight(${name}), ${scope} ::highlight(${name})` : `::highlight(${name})`;
}

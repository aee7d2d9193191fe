/**
 * Which claim is under a point of the page: used to open a claim's card
 * when its highlighted text (which has no element of its own) is clicked or
 * hovered.
 */

/** A claim's id and its range in the page. */
export interface ClaimRange {
  claimId: string;
  range: Range;
}

/** The caret position at viewport point (x, y), across the engines' two APIs. */
function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const standard = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  if (standard.caretPositionFromPoint) {
    const position = standard.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** The id of the claim whose text is at viewport point (x, y), or `null`. */
export function claimAtPoint(doc: Document, x: number, y: number, claims: readonly ClaimRange[]): string | null {
  const caret = caretAt(doc, x, y);
  if (caret?.node.nodeType !== 3) return null;
  // The caret falls between characters: the point is on the claim's text only if the text box under it is.
  const hit = claims.find(({ range }) => {
    try {
      return range.isPointInRange(caret.node, caret.offset) && isOverText(caret.node, x, y);
    } catch {
      return false;
    }
  });
  return hit?.claimId ?? null;
}

function isOverText(node: Node, x: number, y: number): boolean {
  const range = node.ownerDocument?.createRange();
  if (!range) return false;
  range.selectNodeContents(node);
  for (const rect of range.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}

import { describe, expect, it } from "vitest";
import { claimAtPoint } from "../../lib/overlay/hit-test";
import { parseHtml } from "../helpers";

/** jsdom has no layout: give the document a caret API and text boxes that say where things are. */
function layOut(doc: Document, caret: { node: Node; offset: number } | null, box: DOMRect) {
  Object.assign(doc, {
    caretPositionFromPoint: () => (caret ? { offsetNode: caret.node, offset: caret.offset } : null),
  });
  doc.defaultView?.Range.prototype && Object.assign(doc.defaultView.Range.prototype, { getClientRects: () => [box] });
}

describe("claimAtPoint", () => {
  const doc = parseHtml(`<body><p>one claim here and another claim there</p></body>`);
  const text = doc.querySelector("p")?.firstChild as Text;
  const claim = (claimId: string, start: number, end: number) => {
    const range = doc.createRange();
    range.setStart(text, start);
    range.setEnd(text, end);
    return { claimId, range };
  };
  const claims = [claim("first", 4, 14), claim("second", 27, 38)];
  const box = { left: 0, top: 0, right: 500, bottom: 20, width: 500, height: 20 } as DOMRect;

  it("names the claim whose text is under the point", () => {
    layOut(doc, { node: text, offset: 30 }, box);
    expect(claimAtPoint(doc, 10, 10, claims)).toBe("second");
    layOut(doc, { node: text, offset: 5 }, box);
    expect(claimAtPoint(doc, 10, 10, claims)).toBe("first");
  });

  it("gives null between claims, off the text, or without a caret", () => {
    layOut(doc, { node: text, offset: 20 }, box);
    expect(claimAtPoint(doc, 10, 10, claims)).toBeNull();
    layOut(doc, { node: text, offset: 5 }, box);
    expect(claimAtPoint(doc, 10, 50, claims)).toBeNull();
    layOut(doc, null, box);
    expect(claimAtPoint(doc, 10, 10, claims)).toBeNull();
  });
});

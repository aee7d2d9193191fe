import { describe, expect, it } from "vitest";
import { MARK_TAG, unwrapAll, wrapRanges } from "../../lib/overlay/wrap-highlights";
import { parseHtml } from "../helpers";

describe("wrapping highlights (the fallback painter)", () => {
  it("wraps ranges in marks styled by verdict and unwraps them without a trace", () => {
    const doc = parseHtml(`<body><p id="p">one claim here</p></body>`);
    const p = doc.getElementById("p") as HTMLElement;
    const before = p.innerHTML;
    const range = doc.createRange();
    range.setStart(p.firstChild as Text, 4);
    range.setEnd(p.firstChild as Text, 9);
    const [mark] = wrapRanges([range], "inaccurate");
    expect(mark.tagName.toLowerCase()).toBe(MARK_TAG);
    expect(mark.textContent).toBe("claim");
    expect(mark.getAttribute("data-kind")).toBe("inaccurate");
    expect((mark as HTMLElement).style.getPropertyValue("text-decoration")).toContain("underline");
    unwrapAll(doc);
    expect(p.innerHTML).toBe(before);
    expect(p.childNodes).toHaveLength(1);
  });

  it("unwraps only the given kind", () => {
    const doc = parseHtml(`<body><p id="p">aaa bbb</p></body>`);
    const text = doc.getElementById("p")?.firstChild as Text;
    const second = doc.createRange();
    second.setStart(text, 4);
    second.setEnd(text, 7);
    wrapRanges([second], "flash");
    const first = doc.createRange();
    first.setStart(doc.getElementById("p")?.firstChild as Text, 0);
    first.setEnd(doc.getElementById("p")?.firstChild as Text, 3);
    wrapRanges([first], "accurate");
    unwrapAll(doc, "flash");
    expect(doc.querySelectorAll(MARK_TAG)).toHaveLength(1);
    expect(doc.querySelector(MARK_TAG)?.getAttribute("data-kind")).toBe("accurate");
  });
});

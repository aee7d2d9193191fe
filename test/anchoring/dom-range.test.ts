import { describe, expect, it } from "vitest";
import { domPointAt, rangeFromOffsets } from "../../lib/anchoring/dom-range";
import { indexHtml } from "../helpers";

describe("rangeFromOffsets", () => {
  it("maps a quote split across inline elements to one DOM range", () => {
    const index = indexHtml("<p>Trump, who has <a href='#'>since met</a> with <em>Kim</em> three times, has</p>");
    const start = index.text.indexOf("trump");
    const end = index.text.indexOf(" three times") + " three times".length;
    const range = rangeFromOffsets(index, start, end);
    expect(range.toString()).toBe("Trump, who has since met with Kim three times");
    expect(range.startContainer.textContent).toBe("Trump, who has ");
    expect(range.endContainer.textContent).toBe(" three times, has");
  });

  it("maps through soft hyphens, entities and non-breaking spaces", () => {
    const index = indexHtml("<p>a goodwill gesture not re&shy;cip&shy;ro&shy;cated by&nbsp;the US.</p>");
    const quote = "not reciprocated by the us";
    const start = index.text.indexOf(quote);
    const range = rangeFromOffsets(index, start, start + quote.length);
    expect(range.toString()).toBe("not re\u00ADcip\u00ADro\u00ADcated by\u00A0the US");
  });

  it("starts and ends inside the nodes it covers, across block boundaries", () => {
    const index = indexHtml("<p>end of one.</p><p>start of two</p>");
    const start = index.text.indexOf("one.");
    const end = index.text.indexOf(" of two");
    const range = rangeFromOffsets(index, start, end);
    expect(range.startContainer.textContent).toBe("end of one.");
    expect(range.endContainer.textContent).toBe("start of two");
    expect(range.toString()).toBe("one.start");
  });

  it("rejects offsets outside the index", () => {
    const index = indexHtml("<p>short</p>");
    expect(() => rangeFromOffsets(index, 2, 99)).toThrow(RangeError);
    expect(() => rangeFromOffsets(index, 3, 3)).toThrow(RangeError);
  });
});

describe("domPointAt", () => {
  it("resolves a boundary offset by affinity", () => {
    const index = indexHtml("<p>ab<b>cd</b></p>");
    expect(domPointAt(index, 2, "start")).toMatchObject({ node: index.segments[1].node, offset: 0 });
    expect(domPointAt(index, 2, "end")).toMatchObject({ node: index.segments[0].node, offset: 2 });
  });
});

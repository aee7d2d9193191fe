import { afterEach, describe, expect, it, vi } from "vitest";
import { createPainter, FLASH_HIGHLIGHT, highlightCss, highlightName } from "../../lib/overlay/highlights";
import { MARK_TAG } from "../../lib/overlay/wrap-highlights";
import { parseHtml } from "../helpers";

function rangeIn(doc: Document, start: number, end: number): Range {
  const range = doc.createRange();
  const text = doc.querySelector("p")?.firstChild as Text;
  range.setStart(text, start);
  range.setEnd(text, end);
  return range;
}

describe("highlightCss", () => {
  it("styles a highlight per verdict and the flash", () => {
    const css = highlightCss();
    expect(css).toContain(`::highlight(${highlightName("inaccurate")})`);
    expect(css).toContain(`::highlight(${highlightName("accurate")})`);
    expect(css).toContain(`::highlight(${FLASH_HIGHLIGHT})`);
  });
});

describe("createPainter with the Custom Highlight API", () => {
  afterEach(() => vi.useRealTimers());

  it("registers one highlight per verdict, adopts its stylesheet, and clears both", () => {
    const doc = parseHtml("<body><p>one claim here</p></body>");
    const view = doc.defaultView as Window & typeof globalThis;
    const registry = new Map<string, { ranges: Range[] }>();
    class FakeHighlight {
      ranges: Range[];
      constructor(...ranges: Range[]) {
        this.ranges = ranges;
      }
    }
    class FakeSheet {
      css = "";
      replaceSync(css: string) {
        this.css = css;
      }
    }
    Object.assign(view, { Highlight: FakeHighlight, CSSStyleSheet: FakeSheet, CSS: { highlights: registry } });
    let adopted: unknown[] = [];
    Object.defineProperty(doc, "adoptedStyleSheets", { get: () => adopted, set: (sheets) => (adopted = sheets) });

    const painter = createPainter(doc);
    painter.paint(new Map([["inaccurate", [rangeIn(doc, 4, 9)]]]));
    expect(registry.get(highlightName("inaccurate"))?.ranges.map(String)).toEqual(["claim"]);
    expect(adopted).toHaveLength(1);
    expect(doc.querySelector(MARK_TAG)).toBeNull();

    vi.useFakeTimers();
    painter.flash([rangeIn(doc, 0, 3)], 1000);
    expect(registry.has(FLASH_HIGHLIGHT)).toBe(true);
    vi.advanceTimersByTime(1000);
    expect(registry.has(FLASH_HIGHLIGHT)).toBe(false);

    painter.clear();
    expect(registry.size).toBe(0);
    expect(adopted).toHaveLength(0);
  });
});

describe("createPainter without the API", () => {
  it("falls back to wrapping the text, and clears it", () => {
    const doc = parseHtml("<body><p>one claim here</p></body>");
    const painter = createPainter(doc);
    painter.paint(new Map([["misleading", [rangeIn(doc, 4, 9)]]]));
    expect(doc.querySelector(`${MARK_TAG}[data-kind="misleading"]`)?.textContent).toBe("claim");
    painter.clear();
    expect(doc.querySelector(MARK_TAG)).toBeNull();
    expect(doc.querySelector("p")?.textContent).toBe("one claim here");
  });
});

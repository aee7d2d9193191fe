import { afterEach, describe, expect, it, vi } from "vitest";
import { createPainter, FLASH_HIGHLIGHT, highlightCss, highlightName } from "../../lib/overlay/highlights";
import { MARK_TAG } from "../../lib/overlay/wrap-highlights";
import { HIGHLIGHT_PALETTES } from "../../lib/verdicts";
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

  it("uses the palette of the site's scheme, light by default", () => {
    expect(highlightCss()).toContain(HIGHLIGHT_PALETTES.light.inaccurate.underline);
    expect(highlightCss("dark")).toContain(HIGHLIGHT_PALETTES.dark.inaccurate.underline);
    expect(highlightCss("dark")).toContain(HIGHLIGHT_PALETTES.dark.accurate.tint);
    expect(highlightCss("dark")).not.toContain(HIGHLIGHT_PALETTES.light.inaccurate.underline);
  });
});

/** A document with a fake highlight registry and constructed sheets, as Chromium has them. */
function withHighlightApi(html: string) {
  const doc = parseHtml(html);
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
  // `CSS.escape` as far as these pages' ids and classes need it.
  const css = { highlights: registry, escape: (ident: string) => ident };
  Object.assign(view, { Highlight: FakeHighlight, CSSStyleSheet: FakeSheet, CSS: css });
  let adopted: FakeSheet[] = [];
  Object.defineProperty(doc, "adoptedStyleSheets", { get: () => adopted, set: (sheets) => (adopted = sheets) });
  return { doc, registry, adopted: () => adopted };
}

describe("createPainter with the Custom Highlight API", () => {
  afterEach(() => vi.useRealTimers());

  it("paints in the palette for the background behind the claims", () => {
    const light = withHighlightApi("<body><p>one claim here</p></body>");
    createPainter(light.doc).paint(new Map([["inaccurate", [rangeIn(light.doc, 4, 9)]]]));
    expect(light.adopted()[0].css).toBe(highlightCss("light"));

    const dark = withHighlightApi(`<body style="background-color: #121212"><p>one claim here</p></body>`);
    const painter = createPainter(dark.doc);
    painter.paint(new Map([["inaccurate", [rangeIn(dark.doc, 4, 9)]]]));
    expect(dark.adopted().map((sheet) => sheet.css)).toEqual([highlightCss("dark")]);

    // The site turns light (a theme switch) and is painted again: the light sheet replaces the dark one.
    (dark.doc.body as HTMLElement).style.backgroundColor = "#ffffff";
    painter.paint(new Map([["inaccurate", [rangeIn(dark.doc, 4, 9)]]]));
    expect(dark.adopted().map((sheet) => sheet.css)).toEqual([highlightCss("light")]);
  });

  it("takes a scheme given by the caller over the background", () => {
    const page = withHighlightApi("<body><p>one claim here</p></body>");
    createPainter(page.doc, "dark").paint(new Map([["accurate", [rangeIn(page.doc, 4, 9)]]]));
    expect(page.adopted()[0].css).toBe(highlightCss("dark"));
  });

  it("registers one highlight per verdict, adopts its stylesheet, and clears both", () => {
    const { doc, registry, adopted: adoptedNow } = withHighlightApi("<body><p>one claim here</p></body>");
    const adopted = adoptedNow();
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

  it("puts the sheet for the article's background in place beforehand, and paints with it as it is", () => {
    const dark = withHighlightApi(
      `<body style="background-color: #121212"><article><p>one claim here</p></article></body>`,
    );
    const painter = createPainter(dark.doc);
    painter.prepare(dark.doc.querySelector("article") as Element);
    expect(dark.adopted().map((sheet) => sheet.css)).toEqual([highlightCss("dark")]);
    expect(dark.registry.size).toBe(0);
    // Painting in the same colours leaves the sheet alone: the page's style is not recalculated again.
    const splice = vi.spyOn(dark.adopted(), "splice");
    painter.paint(new Map([["inaccurate", [rangeIn(dark.doc, 4, 9)]]]));
    expect(splice).not.toHaveBeenCalled();
    expect(dark.adopted().map((sheet) => sheet.css)).toEqual([highlightCss("dark")]);
    expect(dark.registry.has(highlightName("inaccurate"))).toBe(true);
    painter.clear();
    expect(dark.adopted()).toHaveLength(0);
  });
});

describe("createPainter's sheet, scoped to the article", () => {
  const ARTICLE = `<body><div class="story"><p>one claim here</p></div><aside><p>another story</p></aside></body>`;

  it("scopes the rules to the article's element, which painting its claims keeps", () => {
    const page = withHighlightApi(ARTICLE);
    const painter = createPainter(page.doc);
    painter.prepare(page.doc.querySelector(".story") as Element);
    expect(page.adopted().map((sheet) => sheet.css)).toEqual([highlightCss("light", ".story")]);
    const splice = vi.spyOn(page.adopted(), "splice");
    painter.paint(new Map([["inaccurate", [rangeIn(page.doc, 4, 9)]]]));
    expect(splice).not.toHaveBeenCalled();
    expect(page.adopted().map((sheet) => sheet.css)).toEqual([highlightCss("light", ".story")]);
  });

  it("moves the scope when the claims are painted outside it (the page rendered its article again elsewhere)", () => {
    const page = withHighlightApi(ARTICLE);
    const painter = createPainter(page.doc);
    painter.prepare(page.doc.querySelector(".story") as Element);
    const moved = page.doc.createElement("section");
    moved.id = "article-2";
    moved.append(page.doc.querySelector(".story p") as Element);
    page.doc.body?.prepend(moved);
    painter.paint(new Map([["inaccurate", [rangeIn(page.doc, 4, 9)]]]));
    expect(page.adopted().map((sheet) => sheet.css)).toEqual([highlightCss("light", "#article-2")]);
  });

  it("follows the page when it changes the id or class the sheet names", async () => {
    const page = withHighlightApi(ARTICLE);
    const painter = createPainter(page.doc);
    painter.prepare(page.doc.querySelector(".story") as Element);
    painter.paint(new Map([["inaccurate", [rangeIn(page.doc, 4, 9)]]]));
    const story = page.doc.querySelector(".story") as Element;
    story.className = "story-v2 is-read";
    await vi.waitFor(() =>
      expect(page.adopted().map((sheet) => sheet.css)).toEqual([highlightCss("light", ".story-v2")]),
    );
    story.id = "main-story";
    await vi.waitFor(() =>
      expect(page.adopted().map((sheet) => sheet.css)).toEqual([highlightCss("light", "#main-story")]),
    );
    // Cleared: the page's changes no longer put a sheet in.
    painter.clear();
    story.className = "story-v3";
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(page.adopted()).toEqual([]);
  });

  it("scopes the rules to the element around the claims when painting without preparing", () => {
    const page = withHighlightApi(ARTICLE);
    createPainter(page.doc).paint(new Map([["accurate", [rangeIn(page.doc, 0, 3)]]]));
    expect(page.adopted().map((sheet) => sheet.css)).toEqual([highlightCss("light", ".story")]);
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

  it("wraps in the dark palette on a dark site", () => {
    const doc = parseHtml(`<body style="background-color: #1f1f1f"><p>one claim here</p></body>`);
    createPainter(doc).paint(new Map([["misleading", [rangeIn(doc, 4, 9)]]]));
    const mark = doc.querySelector(MARK_TAG) as HTMLElement;
    expect(mark.style.getPropertyValue("text-decoration")).toContain(HIGHLIGHT_PALETTES.dark.misleading.underline);
  });
});

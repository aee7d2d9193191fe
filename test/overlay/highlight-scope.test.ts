import { describe, expect, it } from "vitest";
import { highlightScope, scopedHighlight } from "../../lib/overlay/highlight-scope";
import { parseHtml } from "../helpers";

/** Stands in for `CSS.escape` (jsdom has no `CSS`), marking what it was given. */
const escapeIdent = (ident: string) => `esc(${ident})`;

describe("highlightScope", () => {
  it("names the element by its id, or else by its first class", () => {
    const doc = parseHtml(`<main id="story"><div class="entry-content clearfix"><p>Claim.</p></div></main>`);
    const main = doc.querySelector("main");
    const div = doc.querySelector("div");
    expect(highlightScope(main, escapeIdent)).toEqual({ element: main, selector: "#esc(story)" });
    expect(highlightScope(div, escapeIdent)).toEqual({ element: div, selector: ".esc(entry-content)" });
  });

  it("climbs to the nearest ancestor with an id or a class", () => {
    const doc = parseHtml(`<div class="col:8"><section><p>Claim.</p></section></div>`);
    expect(highlightScope(doc.querySelector("p"), escapeIdent)).toEqual({
      element: doc.querySelector("div"),
      selector: ".esc(col:8)",
    });
  });

  it("is null where nothing around the element has an id or a class: the rules stay unscoped", () => {
    const doc = parseHtml(`<article><p>Claim.</p></article>`);
    expect(highlightScope(doc.querySelector("p"), escapeIdent)).toBeNull();
    expect(highlightScope(null, escapeIdent)).toBeNull();
  });

  it("names the host of a web component, never an element of its shadow tree, which the document's rules cannot match", () => {
    const doc = parseHtml(
      `<div class="story"><news-body><template shadowrootmode="open"><div class="inner"><p>Claim.</p></div></template></news-body></div>`,
    );
    const inShadow = doc.querySelector("news-body")?.shadowRoot?.querySelector("p") ?? null;
    expect(inShadow).not.toBeNull();
    expect(highlightScope(inShadow, escapeIdent)?.selector).toBe(".esc(story)");
  });
});

describe("scopedHighlight", () => {
  it("applies to the scope's element and everything inside it, or everywhere without a scope", () => {
    expect(scopedHighlight(".story", "factcheck-accurate")).toBe(
      ".story::highlight(factcheck-accurate), .story ::highlight(factcheck-accurate)",
    );
    expect(scopedHighlight(null, "factcheck-accurate")).toBe("::highlight(factcheck-accurate)");
  });
});

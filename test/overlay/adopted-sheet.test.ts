import { describe, expect, it } from "vitest";
import { adoptableSheet } from "../../lib/overlay/adopted-sheet";
import { parseHtml } from "../helpers";

/** jsdom lacks constructed stylesheets: a stand-in that keeps its text and the window that built it. */
function sheetClass(window: string) {
  return class {
    css = "";
    built = window;
    replaceSync(css: string) {
      this.css = css;
    }
  };
}

describe("adoptableSheet", () => {
  it("adds its sheet after the document's own, once, and takes only its own out", () => {
    const doc = parseHtml("<body></body>");
    Object.assign(doc.defaultView as object, { CSSStyleSheet: sheetClass("view") });
    const own = { own: true };
    const list: unknown[] = [own];
    Object.defineProperty(doc, "adoptedStyleSheets", { get: () => list, configurable: true });
    const sheet = adoptableSheet(doc, "p { color: red }");
    sheet.attach();
    sheet.attach();
    expect(list).toHaveLength(2);
    expect(list[1]).toMatchObject({ css: "p { color: red }", built: "view" });
    sheet.detach();
    sheet.detach();
    expect(list).toEqual([own]);
  });

  it("in Firefox, builds the sheet with the page's constructor and changes the page's own list", () => {
    const doc = parseHtml("<body></body>");
    const pageList: unknown[] = [];
    // What a content script sees through Xray wrappers: the page's objects under `wrappedJSObject`,
    // and a list without array methods.
    const xrayList = { length: 0, indexOf: () => -1 };
    Object.assign(doc.defaultView as object, {
      CSSStyleSheet: sheetClass("content script"),
      wrappedJSObject: { CSSStyleSheet: sheetClass("page") },
    });
    Object.defineProperty(doc, "adoptedStyleSheets", { get: () => xrayList, configurable: true });
    Object.assign(doc, { wrappedJSObject: { adoptedStyleSheets: pageList } });
    const sheet = adoptableSheet(doc, "::highlight(x) { color: red }");
    sheet.attach();
    expect(pageList).toEqual([expect.objectContaining({ built: "page", css: "::highlight(x) { color: red }" })]);
    sheet.detach();
    expect(pageList).toEqual([]);
  });

  it("styles a shadow root, giving it a list where the engine has none", () => {
    const doc = parseHtml("<body><div></div></body>");
    Object.assign(doc.defaultView as object, { CSSStyleSheet: sheetClass("view") });
    const shadow = (doc.querySelector("div") as HTMLElement).attachShadow({ mode: "open" });
    const sheet = adoptableSheet(shadow, ".layer {}");
    sheet.attach();
    expect(shadow.adoptedStyleSheets).toHaveLength(1);
    sheet.detach();
    expect(shadow.adoptedStyleSheets).toHaveLength(0);
  });
});

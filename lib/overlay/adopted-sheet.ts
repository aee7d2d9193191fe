/**
 * A constructed stylesheet in a document's or a shadow root's
 * `adoptedStyleSheets`, made so that both engines take it. A page CSP does
 * not block a constructed stylesheet (a `<style>` may be blocked).
 *
 * In Chromium a content script's DOM objects are the page's own, so the
 * sheet is built and adopted as any page would. In Firefox a content script
 * sees the page through Xray wrappers: a sheet built in the script's own
 * compartment cannot go into the page's list ("Accessing from Xray wrapper
 * is not supported"), and the list seen through the wrapper lacks the array
 * methods (Mozilla bugs 1770592 and 1817675). There the sheet is built with the page window's own constructor
 * and the list is changed through the page's own view of it
 * (`wrappedJSObject`). This runs only once the article is found, where the
 * page may see the overlay anyway; a page that tampers with those
 * constructors can only spoil its own annotations.
 */

/** What Firefox adds to an object a content script sees through an Xray wrapper. */
type Waivable<T> = T & { wrappedJSObject?: T };

/** The part of a list of adopted sheets used here (an ObservableArray: changed in place). */
interface SheetList {
  indexOf(sheet: CSSStyleSheet): number;
  push(sheet: CSSStyleSheet): number;
  splice(start: number, count: number): unknown;
}

/** Something that adopts stylesheets: a document or a shadow root (without a list where the engine lacks one). */
interface Adopter {
  adoptedStyleSheets?: SheetList;
}

/** A stylesheet that can be put into its target's `adoptedStyleSheets` and taken out again. */
export interface AdoptableSheet {
  /** Adds the sheet after the target's own sheets (once, however often called). */
  attach(): void;
  /** Takes the sheet out; the target's own sheets stay. */
  detach(): void;
}

/** Builds a stylesheet with `css` for `target` (a document or a shadow root) from the target window's own constructor. */
export function adoptableSheet(target: Document | ShadowRoot, css: string): AdoptableSheet {
  const doc = target.nodeType === target.DOCUMENT_NODE ? (target as Document) : target.ownerDocument;
  const view = doc?.defaultView as Waivable<Window & typeof globalThis> | null | undefined;
  if (!view) throw new Error("the stylesheet's target has no window");
  const page = view.wrappedJSObject ?? view;
  const owner = ((target as Waivable<Document | ShadowRoot>).wrappedJSObject ?? target) as unknown as Adopter;
  const sheet = new page.CSSStyleSheet();
  sheet.replaceSync(css);

  return {
    attach() {
      const list = owner.adoptedStyleSheets;
      if (!list) owner.adoptedStyleSheets = [sheet];
      else if (list.indexOf(sheet) < 0) list.push(sheet);
    },
    detach() {
      const list = owner.adoptedStyleSheets;
      const index = list ? list.indexOf(sheet) : -1;
      if (list && index >= 0) list.splice(index, 1);
    },
  };
}

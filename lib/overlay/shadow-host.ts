/**
 * The overlay's layer: one host element at the document's origin with an
 * open shadow root (outside checks find the markers through it), styled by
 * a constructed stylesheet so that no page CSP blocks it and no page style
 * leaks in. Mounted once, removed without a trace.
 *
 * An open shadow root is open to the page's scripts too: they can click,
 * type and submit in it with events they make up. The layer answers only the
 * reader: every interaction event that the browser did not make
 * (`isTrusted` false) is stopped at the shadow root, before any control
 * sees it, and its default action (following a link) cancelled.
 */

import { adoptableSheet } from "./adopted-sheet";

/** Events through which the layer's controls act; made-up ones never reach them. */
export const GUARDED_EVENTS = [
  "click",
  "auxclick",
  "dblclick",
  "contextmenu",
  "mousedown",
  "mouseup",
  "pointerdown",
  "pointerup",
  "keydown",
  "keyup",
  "keypress",
  "beforeinput",
  "input",
  "change",
  "submit",
] as const;

/** Stops an event the browser did not make (a page's script dispatched it). */
function dropUntrusted(event: Event): void {
  if (event.isTrusted) return;
  event.stopImmediatePropagation();
  event.preventDefault();
}

/** A mounted shadow layer. */
export interface ShadowLayer {
  host: HTMLElement;
  shadow: ShadowRoot;
  /** The element to render into. */
  container: HTMLElement;
  /** Removes the layer from the page. */
  remove(): void;
}

/** Tag of the overlay's host element. */
export const HOST_TAG = "factcheck-overlay";

/**
 * Adds the layer to `doc` with `css` for its contents. The host is absolutely
 * positioned at the origin with no size, so it shifts no layout; its children
 * are positioned in document coordinates.
 */
export function mountShadowLayer(doc: Document, css: string): ShadowLayer {
  const view = doc.defaultView;
  if (!view) throw new Error("the document has no window");
  const host = doc.createElement(HOST_TAG);
  // CSSOM, not a style attribute: allowed under any page CSP; important, so page rules cannot move it.
  for (const [property, value] of Object.entries(HOST_STYLE)) host.style.setProperty(property, value, "important");
  const shadow = host.attachShadow({ mode: "open" });
  for (const type of GUARDED_EVENTS) shadow.addEventListener(type, dropUntrusted, { capture: true });
  adoptableSheet(shadow, css).attach();
  const container = doc.createElement("div");
  container.className = "layer";
  shadow.append(container);
  doc.documentElement.append(host);
  return { host, shadow, container, remove: () => host.remove() };
}

const HOST_STYLE: Record<string, string> = {
  all: "initial",
  position: "absolute",
  top: "0",
  left: "0",
  width: "0",
  height: "0",
  overflow: "visible",
  "z-index": "2147483646",
  display: "block",
  contain: "none",
};

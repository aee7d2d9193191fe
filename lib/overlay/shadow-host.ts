/**
 * The overlay's hosts: elements with an open shadow root (outside checks
 * find the markers through it), styled by a constructed stylesheet so that
 * no page CSP blocks it and no page style leaks in. A host is an empty
 * inline element, wherever in the page it goes (after a claim's text, or
 * after the article): it takes no room, so it shifts no layout. Its
 * contents are positioned in document coordinates, wherever the host is
 * (`alignToDocument`). Removed without a trace.
 *
 * An open shadow root is open to the page's scripts too: they can click,
 * type and submit in it with events they make up. A host answers only the
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

/** Where a host goes: into `parent`, before `before` (at the end when null). */
export interface HostPlace {
  parent: Node;
  before: Node | null;
}

/** A mounted shadow layer. */
export interface ShadowLayer {
  host: HTMLElement;
  shadow: ShadowRoot;
  /** The element to render into. */
  container: HTMLElement;
  /** How far the container is moved to put its origin at the document's (see `alignToDocument`). */
  shift: { x: number; y: number };
  /** Removes the layer from the page. */
  remove(): void;
}

/** Tag of the overlay's host elements. */
export const HOST_TAG = "factcheck-overlay";

/** Adds a layer to `doc` at `place` (by default, the document's end) with `css` for its contents. */
export function mountShadowLayer(
  doc: Document,
  css: string,
  place: HostPlace = { parent: doc.documentElement, before: null },
): ShadowLayer {
  const host = doc.createElement(HOST_TAG);
  // Initial values make it an empty inline box; CSSOM, not a style attribute (allowed under any page CSP);
  // important, so page rules cannot give it a size or a place.
  host.style.setProperty("all", "initial", "important");
  const shadow = host.attachShadow({ mode: "open" });
  for (const type of GUARDED_EVENTS) shadow.addEventListener(type, dropUntrusted, { capture: true });
  adoptableSheet(shadow, css).attach();
  const container = doc.createElement("div");
  container.className = "layer";
  shadow.append(container);
  place.parent.insertBefore(host, place.before);
  return { host, shadow, container, shift: { x: 0, y: 0 }, remove: () => host.remove() };
}

/**
 * Moves each layer's container (absolutely positioned, at its host's place
 * in the text) so that its origin is the document's: its contents keep
 * document coordinates wherever in the page their host is. All reads
 * first, then all writes (one layout). A layer not rendered is left as is.
 */
export function alignToDocument(layers: readonly ShadowLayer[], view: Window): void {
  const rects = layers.map((layer) => layer.container.getClientRects()[0]);
  layers.forEach(({ container, shift }, index) => {
    const rect = rects[index];
    if (!rect) return;
    shift.x -= rect.left + view.scrollX;
    shift.y -= rect.top + view.scrollY;
    container.style.transform = `translate(${shift.x}px,${shift.y}px)`;
  });
}

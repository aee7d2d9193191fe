/**
 * The reader's pointer and keys on the page: clicking or hovering a claim's
 * text opens its card, clicking elsewhere closes a pinned card, Esc closes.
 * Only the reader's own input counts (`event.isTrusted`): events the page's
 * scripts make up are ignored. Registered through `ctx`.
 */
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import type { CardState } from "./card-state";
import { claimAtPoint } from "./hit-test";
import { HOST_TAG } from "./shadow-host";

/** What the reader's input reaches. */
export interface ReaderTargets {
  /** The claims shown, with their text (hit-tested under the pointer). */
  shownClaims(): { claimId: string; range: Range }[];
  /** Whether the markers are in the page (nothing to open while they are not). */
  isMounted(): boolean;
  cards: CardState;
}

/** Listens to the reader's clicks, pointer moves and Esc on `doc` until `ctx` is invalidated. */
export function listenToReader(
  ctx: ContentScriptContext,
  doc: Document,
  { shownClaims, isMounted, cards }: ReaderTargets,
): void {
  // Through the event's path: a host inside a page's shadow tree reaches the document as that tree's host.
  const onLayer = (event: Event) => event.composedPath().some((node) => (node as Element).localName === HOST_TAG);
  ctx.addEventListener(doc, "click", (event) => {
    if (!event.isTrusted || onLayer(event)) return;
    const { clientX, clientY } = event as MouseEvent;
    const claimId = isMounted() ? claimAtPoint(doc, clientX, clientY, shownClaims()) : null;
    if (claimId) cards.pin(claimId);
    else cards.clickOutside();
  });
  let pointerFrame = 0;
  ctx.addEventListener(doc, "pointermove", (event) => {
    if (!event.isTrusted) return;
    const { clientX, clientY } = event as PointerEvent;
    if (pointerFrame || !isMounted() || onLayer(event)) return;
    // Hit-testing reads layout: once a frame at most.
    pointerFrame = ctx.requestAnimationFrame(() => {
      pointerFrame = 0;
      const claimId = claimAtPoint(doc, clientX, clientY, shownClaims());
      if (claimId !== cards.hoveredClaimId) cards.hover(claimId);
    });
  });
  ctx.addEventListener(
    doc,
    "keydown",
    (event) => {
      if (event.isTrusted && (event as KeyboardEvent).key === "Escape") cards.close(true);
    },
    { capture: true },
  );
}

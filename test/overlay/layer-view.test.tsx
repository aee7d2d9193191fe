/**
 * The overlay's view in jsdom: markers rendered into the shadow layer with
 * their DOM contract, found again for focus, and removed without a trace.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { OverlayItem } from "../../components/OverlayApp";
import { dataset } from "../../lib/dataset";
import { createLayerView, type LayerHandlers } from "../../lib/overlay/layer-view";
import { HOST_TAG } from "../../lib/overlay/shadow-host";

const items: OverlayItem[] = dataset.claims.slice(0, 3).map((claim, index) => ({
  claim,
  anchor: { claimId: claim.id, match: "exact", score: 1 },
  position: { left: 10, top: 20 + index * 40, lineHeight: 20 },
}));

describe("createLayerView", () => {
  let handlers: LayerHandlers;
  const shadow = () => document.querySelector(HOST_TAG)?.shadowRoot as ShadowRoot;

  beforeEach(() => {
    Object.assign(window, {
      CSSStyleSheet: class {
        replaceSync() {}
      },
    });
    handlers = {
      onActivate: vi.fn(),
      onHoverMarker: vi.fn(),
      onHoverCard: vi.fn(),
      onClose: vi.fn(),
      onPinCard: vi.fn(),
    };
  });
  afterEach(() => {
    document.querySelector(HOST_TAG)?.remove();
  });

  it("renders nothing until mounted, then one marker per claim with its verdict, role and name", () => {
    const view = createLayerView(document, "", dataset, handlers);
    view.render(items, null);
    expect(document.querySelector(HOST_TAG)).toBeNull();
    expect(view.mounted).toBe(false);
    view.mount();
    view.mount();
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
    view.render(items, null);
    const markers = [...shadow().querySelectorAll("[data-claim-id]")];
    expect(markers.map((marker) => marker.getAttribute("data-claim-id"))).toEqual(items.map((item) => item.claim.id));
    expect(markers[0].getAttribute("data-verdict")).toBe(items[0].claim.verdict);
    expect(markers[0].tagName.toLowerCase()).toBe("button");
    expect(markers[0].getAttribute("aria-label")).toContain(items[0].claim.summary);
  });

  it("renders the open card, finds a marker by claim and tells which has focus", () => {
    const view = createLayerView(document, "", dataset, handlers);
    view.mount();
    view.render(items, { claimId: items[1].claim.id, takeFocus: false });
    expect(shadow().querySelector('[role="dialog"]')?.getAttribute("data-card-for")).toBe(items[1].claim.id);
    expect(view.marker("no-such-claim")).toBeNull();
    view.marker(items[2].claim.id)?.focus();
    expect(view.focusedClaimId()).toBe(items[2].claim.id);
  });

  it("hands its handlers none of the page's made-up clicks", () => {
    const view = createLayerView(document, "", dataset, handlers);
    view.mount();
    view.render(items, null);
    view.marker(items[0].claim.id)?.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    // A made-up click is stopped at the shadow root; the handler is not called for it.
    expect(handlers.onActivate).not.toHaveBeenCalled();
  });

  it("removes the layer and all in it", () => {
    const view = createLayerView(document, "", dataset, handlers);
    view.mount();
    view.render(items, null);
    view.unmount();
    view.unmount();
    expect(document.querySelector(HOST_TAG)).toBeNull();
    expect(view.mounted).toBe(false);
    expect(view.marker(items[0].claim.id)).toBeNull();
    expect(view.focusedClaimId()).toBeNull();
  });
});

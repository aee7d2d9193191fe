/**
 * The overlay's view in jsdom: markers rendered into their claims' own
 * hosts (or the shared layer) with their DOM contract, each open card right
 * after its marker, found again for focus, and removed without a trace.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { OverlayItem } from "../../components/OverlayApp";
import { dataset } from "../../lib/dataset";
import { createLayerView, type LayerHandlers } from "../../lib/overlay/layer-view";
import type { HostPlaces } from "../../lib/overlay/marker-hosts";
import { HOST_TAG } from "../../lib/overlay/shadow-host";
import { layerHandlerSpies } from "../helpers";

const items: OverlayItem[] = dataset.claims.slice(0, 3).map((claim, index) => ({
  claim,
  anchor: { claimId: claim.id, match: "exact", score: 1 },
  position: { left: 10, top: 20 + index * 40, lineHeight: 20 },
}));

describe("createLayerView", () => {
  let handlers: LayerHandlers;
  const shadow = () => document.querySelector(HOST_TAG)?.shadowRoot as ShadowRoot;
  const markersIn = (root: ParentNode) =>
    [...root.querySelectorAll("[data-claim-id]")].map((marker) => marker.getAttribute("data-claim-id"));

  beforeEach(() => {
    Object.assign(window, {
      CSSStyleSheet: class {
        replaceSync() {}
      },
    });
    handlers = layerHandlerSpies();
  });
  afterEach(() => {
    for (const host of document.querySelectorAll(HOST_TAG)) host.remove();
    document.body.replaceChildren();
  });
  /** Everything in the shared layer at the document's end. */
  const inLayer = (): HostPlaces => ({ inline: new Map(), layer: { parent: document.documentElement, before: null } });

  it("renders nothing until mounted, then one marker per claim with its verdict, role and name", () => {
    const view = createLayerView(document, "", dataset, handlers);
    view.render(items, null);
    expect(document.querySelector(HOST_TAG)).toBeNull();
    expect(view.mounted).toBe(false);
    view.mount(inLayer());
    view.mount(inLayer());
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
    view.mount(inLayer());
    view.render(items, { claimId: items[1].claim.id, takeFocus: false });
    expect(shadow().querySelector('[role="dialog"]')?.getAttribute("data-card-for")).toBe(items[1].claim.id);
    expect(view.marker("no-such-claim")).toBeNull();
    view.marker(items[2].claim.id)?.focus();
    expect(view.focusedClaimId()).toBe(items[2].claim.id);
  });

  it("puts each claim that has a place in its own host there, its card right after its marker, the rest in the layer", () => {
    document.body.innerHTML = "<p>First claim. Second claim.</p><p>Third claim.</p>";
    const [first, second] = [...document.querySelectorAll("p")].map((paragraph) => paragraph.firstChild as Text);
    const view = createLayerView(document, "", dataset, handlers);
    view.mount({
      inline: new Map([
        [items[0].claim.id, { parent: first.parentNode as Node, before: null }],
        [items[1].claim.id, { parent: second.parentNode as Node, before: null }],
      ]),
      layer: { parent: document.body, before: null },
    });
    view.render(items, { claimId: items[0].claim.id, takeFocus: false });
    const hosts = [...document.querySelectorAll(HOST_TAG)];
    expect(hosts.map((host) => host.previousSibling)).toEqual([first, second, document.querySelectorAll("p")[1]]);
    const [own, , layer] = hosts.map((host) => host.shadowRoot as ShadowRoot);
    expect(hosts.map((host) => markersIn(host.shadowRoot as ShadowRoot))).toEqual([
      [items[0].claim.id],
      [items[1].claim.id],
      [items[2].claim.id],
    ]);
    expect(own.querySelector("[data-claim-id]")?.nextElementSibling?.getAttribute("data-card-for")).toBe(
      items[0].claim.id,
    );
    expect(layer.querySelector('[role="dialog"]')).toBeNull();
    view.unmount();
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(0);
    expect(document.body.innerHTML).toBe("<p>First claim. Second claim.</p><p>Third claim.</p>");
  });

  it("hands its handlers none of the page's made-up clicks", () => {
    const view = createLayerView(document, "", dataset, handlers);
    view.mount(inLayer());
    view.render(items, null);
    view.marker(items[0].claim.id)?.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    // A made-up click is stopped at the shadow root; the handler is not called for it.
    expect(handlers.onActivate).not.toHaveBeenCalled();
  });

  it("removes the layer and all in it", () => {
    const view = createLayerView(document, "", dataset, handlers);
    view.mount(inLayer());
    view.render(items, null);
    view.unmount();
    view.unmount();
    expect(document.querySelector(HOST_TAG)).toBeNull();
    expect(view.mounted).toBe(false);
    expect(view.marker(items[0].claim.id)).toBeNull();
    expect(view.focusedClaimId()).toBeNull();
  });
});

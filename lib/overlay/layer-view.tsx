/**
 * The overlay's view: renders each claim's marker, and its card when open
 * (`OverlayApp`), into the claim's own host after its text, or into the
 * shared layer for claims that cannot have one (marker-hosts.ts); mounts
 * the hosts and removes them without a trace, and finds the markers there
 * again (to move focus to them). No state of its own beyond the hosts: the
 * controller renders it again with what changed.
 */
import { render } from "preact";
import { OverlayApp, type OverlayAppProps, type OverlayItem } from "../../components/OverlayApp";
import type { HostPlaces } from "./marker-hosts";
import { alignToDocument, mountShadowLayer, type ShadowLayer } from "./shadow-host";

/** What the markers and cards call back when the reader acts on them. */
export type LayerHandlers = Pick<
  OverlayAppProps,
  "onActivate" | "onHoverMarker" | "onHoverCard" | "onClose" | "onLeaveCard" | "onPinCard"
>;

/** The rendered layer. */
export interface LayerView {
  /** Whether hosts are in the page (none when no claim is shown). */
  readonly mounted: boolean;
  /** Puts the hosts in the page at `places` (replacing those there before). */
  mount(places: HostPlaces): void;
  /** Renders the markers and the open card; nothing while the hosts are not mounted. */
  render(items: readonly OverlayItem[], open: OverlayAppProps["open"]): void;
  /** Removes the hosts and everything in them from the page. */
  unmount(): void;
  /** The marker of a claim, or null. */
  marker(claimId: string): HTMLElement | null;
  /** The claim whose marker has focus, or null. */
  focusedClaimId(): string | null;
}

/** The view of the overlay on `doc`, styled by `css`, its cards drawing on `data`. */
export function createLayerView(
  doc: Document,
  css: string,
  data: OverlayAppProps["data"],
  handlers: LayerHandlers,
): LayerView {
  const view = doc.defaultView as Window;
  /** Each claim's own host, by claim id. */
  let inline = new Map<string, ShadowLayer>();
  /** The layer of the claims that have no host of their own (none when all have). */
  let shared: ShadowLayer | null = null;
  const layers = () => [...inline.values(), ...(shared ? [shared] : [])];
  const markers = () => layers().flatMap((layer) => [...layer.shadow.querySelectorAll<HTMLElement>("[data-claim-id]")]);
  const unmount = () => {
    for (const layer of layers()) {
      // Unmount the components first: their effects and listeners go with them.
      render(null, layer.container);
      layer.remove();
    }
    inline = new Map();
    shared = null;
  };
  return {
    get mounted() {
      return layers().length > 0;
    },
    mount(places) {
      unmount();
      for (const [claimId, place] of places.inline) inline.set(claimId, mountShadowLayer(doc, css, place));
      if (places.layer) shared = mountShadowLayer(doc, css, places.layer);
    },
    render(items, open) {
      const into = (layer: ShadowLayer, shown: readonly OverlayItem[]) =>
        render(
          <OverlayApp
            items={shown}
            data={data}
            open={open}
            // Cards must fit in what the reader sees of the page, horizontally.
            viewport={{ left: view.scrollX, width: doc.documentElement.clientWidth || view.innerWidth }}
            {...handlers}
          />,
          layer.container,
        );
      for (const [claimId, layer] of inline)
        into(
          layer,
          items.filter((item) => item.claim.id === claimId),
        );
      if (shared)
        into(
          shared,
          items.filter((item) => !inline.has(item.claim.id)),
        );
      alignToDocument(layers(), view);
    },
    unmount,
    marker(claimId) {
      // Claim ids come from the dataset; compared as strings, never put into a selector.
      return markers().find((marker) => marker.getAttribute("data-claim-id") === claimId) ?? null;
    },
    focusedClaimId() {
      return (
        layers()
          .map((layer) => layer.shadow.activeElement?.getAttribute("data-claim-id"))
          .find(Boolean) ?? null
      );
    },
  };
}

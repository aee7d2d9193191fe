/**
 * The overlay's view: renders the markers and the open card (`OverlayApp`)
 * into the shadow layer, which it mounts on first use and removes without a
 * trace, and finds the markers there again (to move focus to them). No state
 * of its own: the controller renders it again with what changed.
 */
import { render } from "preact";
import { OverlayApp, type OverlayAppProps, type OverlayItem } from "../../components/OverlayApp";
import { mountShadowLayer, type ShadowLayer } from "./shadow-host";

/** What the markers and cards call back when the reader acts on them. */
export type LayerHandlers = Pick<
  OverlayAppProps,
  "onActivate" | "onHoverMarker" | "onHoverCard" | "onClose" | "onPinCard"
>;

/** The rendered layer. */
export interface LayerView {
  /** Whether the layer is in the page. */
  readonly mounted: boolean;
  /** Adds the layer to the page, once. */
  mount(): void;
  /** Renders the markers and the open card; nothing while the layer is not mounted. */
  render(items: readonly OverlayItem[], open: OverlayAppProps["open"]): void;
  /** Removes the layer and everything in it from the page. */
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
  let layer: ShadowLayer | null = null;
  return {
    get mounted() {
      return layer !== null;
    },
    mount() {
      layer ??= mountShadowLayer(doc, css);
    },
    render(items, open) {
      if (!layer) return;
      render(
        <OverlayApp
          items={items}
          data={data}
          open={open}
          // Cards must fit in what the reader sees of the page, horizontally.
          viewport={{ left: view.scrollX, width: doc.documentElement.clientWidth || view.innerWidth }}
          {...handlers}
        />,
        layer.container,
      );
    },
    unmount() {
      if (!layer) return;
      // Unmount the components first: their effects and listeners go with them.
      render(null, layer.container);
      layer.remove();
      layer = null;
    },
    marker(claimId) {
      // Claim ids come from the dataset; compared as strings, never put into a selector.
      return (
        [...(layer?.shadow.querySelectorAll<HTMLElement>("[data-claim-id]") ?? [])].find(
          (marker) => marker.getAttribute("data-claim-id") === claimId,
        ) ?? null
      );
    },
    focusedClaimId() {
      return layer?.shadow.activeElement?.getAttribute("data-claim-id") ?? null;
    },
  };
}

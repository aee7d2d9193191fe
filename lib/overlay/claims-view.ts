/**
 * What the reader sees of the claims: their text painted by verdict and,
 * once the cards' data is in, a marker after each claim with its card. It
 * keeps which claims are painted and which markers are shown, and which
 * card is open (`card-state.ts`); the controller says when to paint, hide
 * and move them, from the anchoring runs' latest result.
 */
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import type { OverlayItem } from "../../components/OverlayApp";
import type { Annotation } from "../pipeline";
import type { ClaimAnchor, Dataset, Verdict } from "../schema";
import type { AnchoringRuns } from "./anchoring-runs";
import { CardState } from "./card-state";
import { positionItems, scrollToRange, stepTarget } from "./claim-layout";
import { claimTextRanges } from "./claim-ranges";
import type { Painter } from "./highlights";
import type { ClaimRange } from "./hit-test";
import type { LayerKit } from "./layer-kit";
import type { LayerView } from "./layer-view";
import { hostPlaces } from "./marker-hosts";

/** How long a claim flashes when shown from the popup. */
const FLASH_MS = 1600;

/** The claims as the reader sees them. */
export interface ClaimsView {
  /** Which card is open, and how. */
  readonly cards: CardState;
  /** Whether markers are in the page. */
  readonly mounted: boolean;
  /** Paints the anchored claims for which `isShown` holds and places their markers (once the cards' data is in). */
  paint(isShown: (claimId: string) => boolean): void;
  /** Takes the cards' data and the kit that draws them: from now on each painted claim has its marker and card. */
  useCards(dataset: Dataset, kit: Pick<LayerKit, "createLayerView">): void;
  /** Takes everything off the page. */
  hide(): void;
  /** Moves the markers to where their claims are now. */
  reposition(): void;
  /** The claims' anchors changed (their links were built): the cards show the new ones. */
  refreshAnchors(): void;
  /** The claims with markers, with their text (the reader's pointer is hit-tested against them). */
  shownClaims(): ClaimRange[];
  /** Scrolls to a claim, flashes it and focuses its marker (the popup's "Show in page"). */
  showClaim(claimId: string): void;
  /** Goes to the next or previous claim and opens its card (the keyboard commands). */
  stepClaim(direction: "next" | "previous"): void;
}

/** What the view draws on. */
export interface ClaimsViewParts {
  painter: Painter;
  anchoring: AnchoringRuns;
  /** Each claim's verdict and topic, from the anchors the overlay bundles. */
  claims: readonly ClaimAnchor[];
  /** Called after the view changed the page itself (hosts mounted, text wrapped): those mutations are not the page's. */
  changedPage(): void;
}

/** The view of the claims on `doc`. */
export function createClaimsView(
  ctx: ContentScriptContext,
  doc: Document,
  { painter, anchoring, claims, changedPage }: ClaimsViewParts,
): ClaimsView {
  const view = doc.defaultView as Window;
  const verdictOf = new Map(claims.map((claim) => [claim.id, claim.verdict]));
  let painted: Annotation[] | null = null;
  let items: OverlayItem[] = [];
  let layer: LayerView | undefined;
  let claimById = new Map<string, Dataset["claims"][number]>();

  const render = () => layer?.render(items, cards.open);
  const focusMarker = (claimId: string) => layer?.marker(claimId)?.focus({ preventScroll: true });
  const cards = new CardState(
    { setTimeout: (handler, ms) => ctx.setTimeout(handler, ms), clearTimeout: (id) => view.clearTimeout(id) },
    { changed: render, returnFocus: focusMarker },
  );

  const reposition = () => {
    items = positionItems(items, anchoring.result.annotations, view);
    render();
  };
  const rangeOf = (claimId: string) =>
    anchoring.result.annotations.find((annotation) => annotation.claimId === claimId)?.range;
  const scrollTo = (range: Range) => {
    if (scrollToRange(view, range)) reposition();
  };

  /** The painted claims' markers, in their hosts after the claims (once the layer exists). */
  const placeMarkers = () => {
    const { container } = anchoring.result;
    if (!layer || !painted || !container) return;
    items = painted.flatMap(({ claimId, match, score }) => {
      const claim = claimById.get(claimId);
      return claim ? [{ claim, anchor: anchoring.anchorOf(claimId) ?? { claimId, match, score }, position: null }] : [];
    });
    // Each marker after its claim's text where that is safe; in one layer after the article where not.
    layer.mount(hostPlaces(painted, container));
    changedPage();
    cards.retain((claimId) => items.some((item) => item.claim.id === claimId));
    reposition();
  };

  const hide = () => {
    layer?.unmount();
    painter.clear();
    changedPage();
    painted = null;
    items = [];
    cards.reset();
  };

  return {
    cards,
    get mounted() {
      return !!layer?.mounted;
    },
    paint(isShown) {
      const { container, annotations } = anchoring.result;
      if (!container) {
        hide();
        return;
      }
      // The hosts out first: the painter and the new places must meet the page's own nodes only.
      layer?.unmount();
      painted = annotations.filter((annotation) => isShown(annotation.claimId));
      const groups = new Map<Verdict, Range[]>();
      for (const annotation of painted) {
        const verdict = verdictOf.get(annotation.claimId);
        if (verdict)
          groups.set(verdict, [...(groups.get(verdict) ?? []), ...claimTextRanges(annotation.range, container)]);
      }
      painter.paint(groups);
      placeMarkers();
    },
    useCards(dataset, kit) {
      claimById = new Map(dataset.claims.map((claim) => [claim.id, claim]));
      layer = kit.createLayerView(doc, dataset, {
        onActivate: (claimId) => cards.activate(claimId),
        onHoverMarker: (claimId) => cards.hover(claimId),
        onHoverCard: (inside) => cards.hoverCard(inside),
        onClose: () => cards.close(true),
        onLeaveCard: () => cards.close(false),
        onPinCard: () => cards.pinOpen(),
      });
      placeMarkers();
    },
    hide,
    reposition,
    refreshAnchors() {
      items = items.map((item) => ({ ...item, anchor: anchoring.anchorOf(item.claim.id) ?? item.anchor }));
      render();
    },
    shownClaims: () =>
      anchoring.result.annotations
        .filter((annotation) => items.some((item) => item.claim.id === annotation.claimId))
        .map(({ claimId, range }) => ({ claimId, range })),
    showClaim(claimId) {
      const range = rangeOf(claimId);
      const { container } = anchoring.result;
      if (!range || !container) return;
      scrollTo(range);
      // In an iframe, the page around it must scroll to the frame too: scrolling the claim's marker into view
      // scrolls every scrollable ancestor, across frames (cross-origin ones included, in Chromium and Firefox).
      if (view !== view.top) layer?.marker(claimId)?.scrollIntoView({ block: "center", behavior: "instant" });
      painter.flash(claimTextRanges(range, container), FLASH_MS);
      focusMarker(claimId);
    },
    stepClaim(direction) {
      const next = stepTarget(items, layer?.focusedClaimId() ?? cards.open?.claimId, direction, view.scrollY);
      if (!next) return;
      const range = rangeOf(next.claim.id);
      if (range) scrollTo(range);
      cards.pin(next.claim.id);
      focusMarker(next.claim.id);
    },
  };
}

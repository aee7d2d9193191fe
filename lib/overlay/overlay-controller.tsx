/**
 * The overlay on a page that carries the article: wires its parts together.
 * It asks the background for what it needs (`start-data.ts`) and detects
 * the article while the answers travel; anchors the claims and reports them
 * (`anchoring-runs.ts`), paints them (`highlights.ts`), places their markers
 * (`claim-layout.ts`) and renders markers and cards in their shadow hosts
 * after the claims (`marker-hosts.ts`, `layer-view.tsx`), keeps which card
 * is open (`card-state.ts`), answers the reader (`reader-input.ts`), the
 * popup and the commands (`tab-messages.ts`), follows the page
 * (`follow-page.ts`), and waits, bounded, for an article that completes
 * late (`lib/detect/bounded-watch.ts`). Every listener, observer and timer
 * is registered through `ctx` and dies with it.
 */
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import type { OverlayItem } from "../../components/OverlayApp";
import { watchForChanges } from "../detect/bounded-watch";
import { runSliced } from "../detect/sliced";
import { installLocale } from "../i18n/translate";
import { sendToBackground } from "../messaging";
import { type Annotation, articleSteps } from "../pipeline";
import type { Claim, Settings, Verdict } from "../schema";
import { annotationsEnabledOn, siteHostname } from "../settings";
import { afterNextPaint } from "./after-paint";
import { createAnchoringRuns } from "./anchoring-runs";
import { CardState } from "./card-state";
import { positionItems, scrollToRange, stepTarget } from "./claim-layout";
import { claimTextRanges } from "./claim-ranges";
import { followPage, type PageFollower } from "./follow-page";
import { createPainter } from "./highlights";
import { createLayerView, type LayerView } from "./layer-view";
import { hostPlaces } from "./marker-hosts";
import { listenToReader } from "./reader-input";
import { OVERLAY_ARTICLE, requestCards, requestStart } from "./start-data";
import { listenToTabMessages } from "./tab-messages";

/** How long a claim flashes when shown from the popup. */
const FLASH_MS = 1600;

/**
 * Starts the overlay on `doc`; resolves once the first annotations are shown
 * (or, when the article is not complete yet, once it is being watched for).
 * The highlights come first: the markers and cards (Preact, layout reads,
 * the dataset's prose) follow once they are on screen. A language chosen
 * meanwhile applies when the page is next loaded.
 */
export async function runOverlay(ctx: ContentScriptContext, doc: Document, css: string): Promise<void> {
  const view = doc.defaultView;
  if (!view) return;
  // The small answer first (the article is detected while it travels), then the cards' one, which comes
  // while the claims are anchored: asked for together, the larger answer would hold up the smaller.
  const starting = requestStart();
  const painter = createPainter(doc);
  ctx.onInvalidated(() => painter.clear());
  const detecting = runSliced(articleSteps(doc, OVERLAY_ARTICLE)).then((detection) => {
    if (detection.container && ctx.isValid) painter.prepare(detection.container);
    return detection;
  });
  const start = await starting;
  if (!start) {
    // Nothing to paint after all: what was prepared for it goes.
    void detecting.then(() => painter.clear());
    return;
  }
  const readCards = requestCards();

  // The overlay's state: the switches, the claims painted, and the markers shown (once the cards' data is here).
  let settings: Settings = start.settings;
  let painted: Annotation[] | null = null;
  let items: OverlayItem[] = [];
  let layer: LayerView | undefined;
  let claimById = new Map<string, Claim>();
  let follower: PageFollower | undefined;

  const anchorById = new Map(start.claims.map((claim) => [claim.id, claim]));
  const anchoring = createAnchoringRuns(ctx, doc, start.claims, () => {
    items = items.map((item) => ({ ...item, anchor: anchoring.anchorOf(item.claim.id) ?? item.anchor }));
    render();
  });

  const render = () => layer?.render(items, cards.open);
  const focusMarker = (claimId: string) => layer?.marker(claimId)?.focus({ preventScroll: true });
  const cards = new CardState(
    { setTimeout: (handler, ms) => ctx.setTimeout(handler, ms), clearTimeout: (id) => view.clearTimeout(id) },
    { changed: render, returnFocus: focusMarker },
  );

  const isVisible = (claimId: string) => {
    const claim = anchorById.get(claimId);
    return !!claim && !settings.hiddenTopics.includes(claim.topic) && !settings.hiddenVerdicts.includes(claim.verdict);
  };

  /** Paints the visible claims, with the markers' hosts taken out; nothing when switched off or no article. */
  const paintHighlights = () => {
    const { container, annotations } = anchoring.result;
    if (!container || !annotationsEnabledOn(settings, siteHostname(view.location))) {
      hide();
      return;
    }
    // The hosts out first: the painter and the new places must meet the page's own nodes only.
    layer?.unmount();
    painted = annotations.filter((annotation) => isVisible(annotation.claimId));
    const groups = new Map<Verdict, Range[]>();
    for (const annotation of painted) {
      const verdict = anchorById.get(annotation.claimId)?.verdict;
      if (verdict)
        groups.set(verdict, [...(groups.get(verdict) ?? []), ...claimTextRanges(annotation.range, container)]);
    }
    painter.paint(groups);
  };

  /** Builds the marker list of the painted claims, mounts their hosts and renders them (once the layer exists). */
  const placeMarkers = () => {
    const { container } = anchoring.result;
    if (!layer || !painted || !container) return;
    items = painted.flatMap(({ claimId, match, score }) => {
      const claim = claimById.get(claimId);
      return claim ? [{ claim, anchor: anchoring.anchorOf(claimId) ?? { claimId, match, score }, position: null }] : [];
    });
    // Each marker after its claim's text where that is safe; in one layer after the article where not.
    layer.mount(hostPlaces(painted, container));
    // Those mutations (the hosts, the fallback painter's marks) are ours, not a re-render.
    follower?.discardOwnMutations();
    cards.retain((claimId) => items.some((item) => item.claim.id === claimId));
    reposition();
  };

  /** Paints the visible claims and (re)builds the marker list; hides everything when switched off. */
  const paint = () => {
    paintHighlights();
    placeMarkers();
  };

  const hide = () => {
    layer?.unmount();
    painter.clear();
    follower?.discardOwnMutations();
    painted = null;
    items = [];
    cards.reset();
  };

  /** Moves the markers to where their claims are now, and renders. */
  const reposition = () => {
    items = positionItems(items, anchoring.result.annotations, view);
    render();
  };

  const rangeOf = (claimId: string) =>
    anchoring.result.annotations.find((annotation) => annotation.claimId === claimId)?.range;
  const scrollTo = (range: Range) => {
    if (scrollToRange(view, range)) reposition();
  };

  listenToTabMessages(ctx, {
    // The popup's "Show in page": scroll to the claim, flash it, focus its marker.
    showClaim: (claimId) => {
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
    // The next and previous claim commands: go to the claim and open its card.
    stepClaim: (direction) => {
      const next = stepTarget(items, layer?.focusedClaimId() ?? cards.open?.claimId, direction, view.scrollY);
      if (!next) return;
      const range = rangeOf(next.claim.id);
      if (range) scrollTo(range);
      cards.pin(next.claim.id);
      focusMarker(next.claim.id);
    },
    // The switches, live. Listened to from the start: switches changed while the article is still
    // completing apply once it is shown.
    applySettings: (next) => {
      settings = next;
      if (anchoring.result.article.detected) paint();
    },
  });
  ctx.onInvalidated(hide);

  /** The markers and cards: their data (asked for at the start), their layer, and the markers placed. False when the data is missing. */
  const showMarkers = async (): Promise<boolean> => {
    const data = await readCards();
    if (!data) return false;
    installLocale(
      data.messages.locale,
      Object.fromEntries(data.messages.messages.map((entry) => [entry.key, entry.message])),
    );
    claimById = new Map(data.dataset.claims.map((claim) => [claim.id, claim]));
    layer = createLayerView(doc, css, data.dataset, {
      onActivate: (claimId) => cards.activate(claimId),
      onHoverMarker: (claimId) => cards.hover(claimId),
      onHoverCard: (inside) => cards.hoverCard(inside),
      onClose: () => cards.close(true),
      onLeaveCard: () => cards.close(false),
      onPinCard: () => cards.pinOpen(),
    });
    placeMarkers();
    return true;
  };

  /**
   * The article is annotated: show it, and from now on answer the reader and follow the page. The
   * highlights first: the markers and cards wait until they are on screen.
   */
  const show = async () => {
    paintHighlights();
    await afterNextPaint(ctx);
    // Without the cards' data there is nothing to explain the highlights with: nothing shown, nothing claimed.
    if (!(await showMarkers())) {
      hide();
      void sendToBackground({ type: "article-gone" });
      return;
    }
    listenToReader(ctx, doc, {
      shownClaims: () =>
        anchoring.result.annotations
          .filter((annotation) => items.some((item) => item.claim.id === annotation.claimId))
          .map(({ claimId, range }) => ({ claimId, range })),
      isMounted: () => !!layer?.mounted,
      cards,
    });
    // The document goes (its frame navigates elsewhere): the background forgets this frame's claims, and
    // hears them again if the browser brings the document back from its back-forward cache.
    ctx.addEventListener(view, "pagehide", (event) => {
      if (event.isTrusted && anchoring.result.article.detected) void sendToBackground({ type: "article-gone" });
    });
    ctx.addEventListener(view, "pageshow", (event) => {
      if (event.isTrusted && (event as PageTransitionEvent).persisted && anchoring.result.article.detected)
        anchoring.run();
    });
    follower = followPage(ctx, doc, {
      container: () => anchoring.result.container,
      reflow: () => {
        if (layer?.mounted) reposition();
      },
      // The page re-rendered: anchor again when the article's text changed, follow it, or go when it went.
      reanchor: async () => {
        const wasShown = anchoring.result.article.detected;
        const shown = await anchoring.run();
        if (shown) {
          paint();
          const { container } = anchoring.result;
          if (container) follower?.observeSize(container);
        } else if (shown === false && wasShown) hide();
      },
    });
  };

  // First look, from the detection made while the answers travelled. The detector found the article, but
  // this stricter pipeline may not agree yet (its last paragraphs still loading): then keep looking,
  // bounded, as the detector did until it found it.
  if (await anchoring.run(await detecting)) await show();
  else
    watchForChanges(ctx, doc, async () => {
      if (!(await anchoring.run())) return false;
      await show();
      return true;
    });
}

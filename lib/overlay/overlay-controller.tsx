/**
 * The overlay on a page that carries the article: wires its parts together.
 * It anchors the claims (the pipeline of `annotateDocument`) and reports
 * them (`anchor-report.ts`), paints them (`highlights.ts`), places their
 * markers (`claim-layout.ts`) and renders markers and cards in their
 * shadow hosts after the claims (`marker-hosts.ts`, `layer-view.tsx`), keeps which card is open (`card-state.ts`),
 * answers the popup and the commands (`tab-messages.ts`), follows the page
 * (`follow-page.ts`), and waits, bounded, for an article that completes
 * late (`lib/detect/bounded-watch.ts`). Every listener, observer and timer is
 * registered through `ctx` and dies with it.
 */
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import type { OverlayItem } from "../../components/OverlayApp";
import { watchForChanges } from "../detect/bounded-watch";
import { runSliced } from "../detect/sliced";
import { installLocale } from "../i18n/translate";
import { sendToBackground } from "../messaging";
import { type Annotation, type AnnotationResult, pipelineSteps } from "../pipeline";
import { type AnchoredClaim, OverlayStart, type Settings, type Verdict } from "../schema";
import { annotationsEnabledOn, siteHostname } from "../settings";
import { afterNextPaint } from "./after-paint";
import { tabStateOf, withTextDirectives } from "./anchor-report";
import { CardState } from "./card-state";
import { positionItems, scrollToRange, stepTarget } from "./claim-layout";
import { claimTextRanges } from "./claim-ranges";
import { followPage, type PageFollower } from "./follow-page";
import { createPainter } from "./highlights";
import { claimAtPoint } from "./hit-test";
import { createLayerView } from "./layer-view";
import { hostPlaces } from "./marker-hosts";
import { HOST_TAG } from "./shadow-host";
import { listenToTabMessages } from "./tab-messages";

/** How long a claim flashes when shown from the popup. */
const FLASH_MS = 1600;

/**
 * Starts the overlay on `doc`; resolves once the first annotations are shown
 * (or, when the article is not complete yet, once it is being watched for).
 * Content scripts cannot read the extension's storage, and the overlay
 * carries no dataset of its own (it loads on every article page: kept
 * small), so the background hands over the switches, the dataset and the
 * interface's words, all in the reader's language, in one answer (its start
 * waits for it), checked against the schema on arrival like any message. A
 * language chosen meanwhile applies when the page is next loaded.
 */
export async function runOverlay(ctx: ContentScriptContext, doc: Document, css: string): Promise<void> {
  const view = doc.defaultView;
  if (!view) return;
  const received = OverlayStart.safeParse(await sendToBackground({ type: "get-start" }));
  if (!received.success) return;
  const { dataset: data, messages: words } = received.data;
  installLocale(words.locale, Object.fromEntries(words.messages.map((entry) => [entry.key, entry.message])));
  const claimById = (claimId: string) => data.claims.find((claim) => claim.id === claimId);
  const painter = createPainter(doc);

  // The overlay's state: the switches, the last anchoring, and the claims shown (with their markers' places).
  let settings: Settings = received.data.settings;
  let result: AnnotationResult = { article: { detected: false, id: null, score: 0 }, annotations: [], container: null };
  let items: OverlayItem[] = [];
  /** How each claim anchored, as reported to the background (with its text directive once built). */
  let anchors = new Map<string, AnchoredClaim>();
  let follower: PageFollower | undefined;

  const render = () => layer.render(items, cards.open);
  const focusMarker = (claimId: string) => layer.marker(claimId)?.focus({ preventScroll: true });
  const cards = new CardState(
    { setTimeout: (handler, ms) => ctx.setTimeout(handler, ms), clearTimeout: (id) => view.clearTimeout(id) },
    { changed: render, returnFocus: focusMarker },
  );
  const layer = createLayerView(doc, css, data, {
    onActivate: (claimId) => cards.activate(claimId),
    onHoverMarker: (claimId) => cards.hover(claimId),
    onHoverCard: (inside) => cards.hoverCard(inside),
    onClose: () => cards.close(true),
    onLeaveCard: () => cards.close(false),
    onPinCard: () => cards.pinOpen(),
  });

  /** Anchoring runs started: a run that a newer one overtook is dropped. */
  let anchorings = 0;
  /**
   * Anchors the claims again and reports them; false when the article is not (or no longer) here,
   * null when a newer run started meanwhile (its result counts, not this one's). Sliced: a few
   * milliseconds at a time, the page's own tasks in between.
   */
  const annotate = async (): Promise<boolean | null> => {
    const run = ++anchorings;
    const next = await runSliced(pipelineSteps(doc, data));
    if (run !== anchorings) return null;
    const wasDetected = result.article.detected;
    result = next;
    const state = tabStateOf(result, view.location.href);
    if (!state) {
      if (wasDetected) void sendToBackground({ type: "article-gone" });
      return false;
    }
    anchors = new Map(state.claims.map((anchor) => [anchor.claimId, anchor]));
    void sendToBackground({ type: "annotated", state });
    // Each claim's link, once the highlights are painted (reading the page's styles must not delay the first paint).
    const annotated = result;
    void afterNextPaint(ctx).then(() => {
      // Anchored again meanwhile: that run builds its own.
      if (result !== annotated) return;
      const claims = withTextDirectives(doc, annotated.annotations);
      anchors = new Map(claims.map((anchor) => [anchor.claimId, anchor]));
      items = items.map((item) => ({ ...item, anchor: anchors.get(item.claim.id) ?? item.anchor }));
      render();
      void sendToBackground({ type: "annotated", state: { ...state, claims } });
    });
    return true;
  };

  const isVisible = (claimId: string) => {
    const claim = claimById(claimId);
    return !!claim && !settings.hiddenTopics.includes(claim.topic) && !settings.hiddenVerdicts.includes(claim.verdict);
  };

  /** Paints started: markers placed for an older one are not placed any more. */
  let paints = 0;

  /**
   * Paints the visible claims, with the markers' hosts taken out; returns the claims painted, or
   * null when everything was hidden (switched off, or no article).
   */
  const paintHighlights = (): Annotation[] | null => {
    paints++;
    const container = result.container;
    if (!container || !annotationsEnabledOn(settings, siteHostname(view.location))) {
      hide();
      return null;
    }
    // The hosts out first: the painter and the new places must meet the page's own nodes only.
    layer.unmount();
    const visible = result.annotations.filter((annotation) => isVisible(annotation.claimId));
    const groups = new Map<Verdict, Range[]>();
    for (const annotation of visible) {
      const verdict = claimById(annotation.claimId)?.verdict;
      if (verdict)
        groups.set(verdict, [...(groups.get(verdict) ?? []), ...claimTextRanges(annotation.range, container)]);
    }
    painter.paint(groups);
    return visible;
  };

  /** Builds the marker list of the painted claims `visible`, mounts their hosts and renders them. */
  const placeMarkers = (visible: Annotation[], container: Element) => {
    items = visible.flatMap(({ claimId, match, score }) => {
      const claim = claimById(claimId);
      return claim ? [{ claim, anchor: anchors.get(claimId) ?? { claimId, match, score }, position: null }] : [];
    });
    // Each marker after its claim's text where that is safe; in one layer after the article where not.
    layer.mount(hostPlaces(visible, container));
    // Those mutations (the hosts, the fallback painter's marks) are ours, not a re-render.
    follower?.discardOwnMutations();
    cards.retain((claimId) => items.some((item) => item.claim.id === claimId));
    reposition();
  };

  /** Paints the visible claims and (re)builds the marker list; hides everything when switched off. */
  const paint = () => {
    const visible = paintHighlights();
    if (visible && result.container) placeMarkers(visible, result.container);
  };

  const hide = () => {
    layer.unmount();
    painter.clear();
    follower?.discardOwnMutations();
    items = [];
    cards.reset();
  };

  /** Moves the markers to where their claims are now, and renders. */
  const reposition = () => {
    items = positionItems(items, result.annotations, view);
    render();
  };

  const rangeOf = (claimId: string) => result.annotations.find((annotation) => annotation.claimId === claimId)?.range;
  const scrollTo = (range: Range) => {
    if (scrollToRange(view, range)) reposition();
  };

  listenToTabMessages(ctx, {
    // The popup's "Show in page": scroll to the claim, flash it, focus its marker.
    showClaim: (claimId) => {
      const range = rangeOf(claimId);
      if (!range || !result.container) return;
      scrollTo(range);
      // In an iframe, the page around it must scroll to the frame too: scrolling the claim's marker into view
      // scrolls every scrollable ancestor, across frames (cross-origin ones included, in Chromium and Firefox).
      if (view !== view.top) layer.marker(claimId)?.scrollIntoView({ block: "center", behavior: "instant" });
      painter.flash(claimTextRanges(range, result.container), FLASH_MS);
      focusMarker(claimId);
    },
    // The next and previous claim commands: go to the claim and open its card.
    stepClaim: (direction) => {
      const next = stepTarget(items, layer.focusedClaimId() ?? cards.open?.claimId, direction, view.scrollY);
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
      if (result.article.detected) paint();
    },
  });
  ctx.onInvalidated(hide);

  const visibleClaimRanges = () =>
    result.annotations
      .filter((annotation) => items.some((item) => item.claim.id === annotation.claimId))
      .map(({ claimId, range }) => ({ claimId, range }));

  /** Clicking or hovering a claim's text opens its card; clicking elsewhere closes a pinned card; Esc closes. */
  const listenToReader = () => {
    // Only the reader's own input counts: events the page's scripts make up are ignored.
    // Through the event's path: a host inside a page's shadow tree reaches the document as that tree's host.
    const onLayer = (event: Event) => event.composedPath().some((node) => (node as Element).localName === HOST_TAG);
    ctx.addEventListener(doc, "click", (event) => {
      if (!event.isTrusted) return;
      const { clientX, clientY } = event as MouseEvent;
      if (onLayer(event)) return;
      const claimId = layer.mounted ? claimAtPoint(doc, clientX, clientY, visibleClaimRanges()) : null;
      if (claimId) cards.pin(claimId);
      else cards.clickOutside();
    });
    let pointerFrame = 0;
    ctx.addEventListener(doc, "pointermove", (event) => {
      if (!event.isTrusted) return;
      const { clientX, clientY } = event as PointerEvent;
      if (pointerFrame || !layer.mounted || onLayer(event)) return;
      // Hit-testing reads layout: once a frame at most.
      pointerFrame = ctx.requestAnimationFrame(() => {
        pointerFrame = 0;
        const claimId = claimAtPoint(doc, clientX, clientY, visibleClaimRanges());
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
  };

  /**
   * The article is annotated: show it, and from now on answer the reader and follow the page. The
   * highlights first: the markers and cards (Preact, layout reads) wait until they are on screen.
   */
  const start = async () => {
    const visible = paintHighlights();
    const painted = paints;
    await afterNextPaint(ctx);
    // Painted again meanwhile (the switches changed): that paint placed its own markers.
    if (visible && result.container && painted === paints) placeMarkers(visible, result.container);
    listenToReader();
    // The document goes (its frame navigates elsewhere): the background forgets this frame's claims, and
    // hears them again if the browser brings the document back from its back-forward cache.
    ctx.addEventListener(view, "pagehide", (event) => {
      if (event.isTrusted && result.article.detected) void sendToBackground({ type: "article-gone" });
    });
    ctx.addEventListener(view, "pageshow", (event) => {
      if (event.isTrusted && (event as PageTransitionEvent).persisted && result.article.detected) annotate();
    });
    follower = followPage(ctx, doc, {
      container: () => result.container,
      reflow: () => {
        if (layer.mounted) reposition();
      },
      // The page re-rendered: anchor again when the article's text changed, follow it, or go when it went.
      reanchor: async () => {
        const wasShown = result.article.detected;
        const shown = await annotate();
        if (shown) {
          paint();
          if (result.container) follower?.observeSize(result.container);
        } else if (shown === false && wasShown) hide();
      },
    });
  };

  // First look. The detector found the article, but this stricter pipeline may not agree yet (its last
  // paragraphs still loading): then keep looking, bounded, as the detector did until it found it.
  if (await annotate()) await start();
  else
    watchForChanges(ctx, doc, async () => {
      if (!(await annotate())) return false;
      await start();
      return true;
    });
}

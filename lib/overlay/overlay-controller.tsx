/**
 * The overlay on a page that carries the article: anchors the claims
 * (the pipeline of `annotateDocument`), paints them, shows their markers and cards in a
 * shadow layer, applies the user's switches live, answers the popup and the
 * keyboard commands, follows the page when it re-renders the article, and
 * goes away when the article does. Every listener, observer and timer is
 * registered through `ctx` and dies with it.
 */
import { render } from "preact";
import { browser } from "wxt/browser";
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import { OverlayApp, type OverlayItem } from "../../components/OverlayApp";
import { rangeParts } from "../anchoring/dom-range";
import { acceptTabMessage, type MessageSender, sendToBackground } from "../messaging";
import { type Annotation, type AnnotationResult, runPipeline } from "../pipeline";
import { type AnchoredClaim, Dataset, type Settings, type TabMessage, type TabState, type Verdict } from "../schema";
import { annotationsEnabledOn, parseSettings } from "../settings";
import { buildTextDirective } from "../text-fragment";
import { CardState } from "./card-state";
import { claimTextRanges } from "./claim-ranges";
import { followPage, type PageFollower } from "./follow-page";
import { createPainter } from "./highlights";
import { claimAtPoint } from "./hit-test";
import { watchForLateArticle } from "./late-article";
import { markerPosition } from "./marker-position";
import { createPageQuoter } from "./page-quote";
import { HOST_TAG, mountShadowLayer, type ShadowLayer } from "./shadow-host";

/** How long a claim flashes when shown from the popup. */
const FLASH_MS = 1600;

/**
 * Starts the overlay on `doc`; resolves once the first annotations are shown
 * (or found missing). Content scripts cannot read the extension's storage,
 * and the overlay carries no dataset of its own (it loads on every article
 * page: kept small), so the background hands over both the switches and the
 * dataset, which is checked against the schema on arrival like any message.
 */
export async function runOverlay(ctx: ContentScriptContext, doc: Document, css: string): Promise<void> {
  const view = doc.defaultView;
  if (!view) return;
  const [storedSettings, sentDataset] = await Promise.all([
    sendToBackground({ type: "get-settings" }),
    sendToBackground({ type: "get-dataset" }),
  ]);
  const received = Dataset.safeParse(sentDataset);
  if (!received.success) return;
  const data = received.data;
  const claimById = (claimId: string) => data.claims.find((claim) => claim.id === claimId);
  const painter = createPainter(doc);
  let settings: Settings = parseSettings(storedSettings);
  let result: AnnotationResult = { article: { detected: false, id: null, score: 0 }, annotations: [], container: null };
  let layer: ShadowLayer | null = null;
  let items: OverlayItem[] = [];
  /** How each claim anchored, as reported to the background (with its text directive). */
  let anchors = new Map<string, AnchoredClaim>();
  const cards = new CardState(
    { setTimeout: (handler, ms) => ctx.setTimeout(handler, ms), clearTimeout: (id) => view.clearTimeout(id) },
    { changed: () => renderLayer(), returnFocus: (claimId) => markerOf(claimId)?.focus({ preventScroll: true }) },
  );
  let follower: PageFollower | undefined;
  // The fallback painter wraps text in the page: those mutations are ours, not a re-render.
  const discardOwnMutations = () => follower?.discardOwnMutations();

  const enabled = () => annotationsEnabledOn(settings, view.location.hostname);
  const isVisible = (annotation: Annotation) => {
    const claim = claimById(annotation.claimId);
    return !!claim && !settings.hiddenTopics.includes(claim.topic) && !settings.hiddenVerdicts.includes(claim.verdict);
  };

  /** Anchors the claims again and reports them; false when the article is not (or no longer) here. */
  const annotate = (): boolean => {
    const wasDetected = result.article.detected;
    result = runPipeline(doc, data);
    if (!result.article.detected || !result.article.id) {
      if (wasDetected) void sendToBackground({ type: "article-gone" });
      return false;
    }
    const claims = result.annotations.map(({ claimId, match, score }) => ({ claimId, match, score }));
    const state: TabState = {
      url: view.location.href,
      article: { id: result.article.id, score: result.article.score },
      claims,
    };
    anchors = new Map(claims.map((anchor) => [anchor.claimId, anchor]));
    scheduleLinks(result, state);
    void sendToBackground({ type: "annotated", state });
    return true;
  };

  /**
   * Adds each claim's text directive (its link, built from this page's text)
   * once the highlights are painted: reading the page's computed styles costs
   * a few milliseconds that must not delay the first paint. Then the cards
   * get it, and the background (for the popup) gets the state again.
   */
  const scheduleLinks = (annotated: AnnotationResult, state: TabState) => {
    ctx.setTimeout(() => {
      // Anchored again meanwhile: that run schedules its own.
      if (result !== annotated) return;
      const quoteOf = createPageQuoter(doc);
      const claims = annotated.annotations.map(({ claimId, match, score, range }) => {
        // The wrapping fallback moves the claim's text into its marks, which collapses the range:
        // such a claim gets no directive, and its links use the dataset's quote.
        const textDirective = range.collapsed ? null : buildTextDirective(quoteOf(range));
        return { claimId, match, score, ...(textDirective ? { textDirective } : {}) };
      });
      anchors = new Map(claims.map((anchor) => [anchor.claimId, anchor]));
      items = items.map((item) => ({ ...item, anchor: anchors.get(item.claim.id) ?? item.anchor }));
      renderLayer();
      void sendToBackground({ type: "annotated", state: { ...state, claims } });
    }, 0);
  };

  /** Paints the visible claims and (re)builds the marker list. */
  const paint = () => {
    if (!enabled() || !result.container) {
      hide();
      return;
    }
    const container = result.container;
    const visible = result.annotations.filter(isVisible);
    const groups = new Map<Verdict, Range[]>();
    for (const annotation of visible) {
      const verdict = claimById(annotation.claimId)?.verdict;
      if (!verdict) continue;
      groups.set(verdict, [...(groups.get(verdict) ?? []), ...claimTextRanges(annotation.range, container)]);
    }
    painter.paint(groups);
    discardOwnMutations();
    layer ??= mountShadowLayer(doc, css);
    items = visible.flatMap((annotation) => {
      const claim = claimById(annotation.claimId);
      if (!claim) return [];
      const { claimId, match, score } = annotation;
      return [{ claim, anchor: anchors.get(claimId) ?? { claimId, match, score }, position: null }];
    });
    cards.retain((claimId) => items.some((item) => item.claim.id === claimId));
    reposition();
  };

  const hide = () => {
    painter.clear();
    discardOwnMutations();
    if (layer) render(null, layer.container);
    layer?.remove();
    layer = null;
    items = [];
    cards.reset();
  };

  /** Recomputes marker positions from the live ranges and renders. */
  const reposition = () => {
    const ranges = new Map(result.annotations.map((annotation) => [annotation.claimId, annotation.range]));
    items = items.map((item) => {
      const range = ranges.get(item.claim.id);
      // Every part of a claim that crosses a shadow boundary: the marker goes at the end of its last line.
      const rects = range ? rangeParts(range).flatMap((part) => [...part.getClientRects()]) : [];
      return { ...item, position: range ? markerPosition(rects, view.scrollX, view.scrollY) : null };
    });
    renderLayer();
  };

  const renderLayer = () => {
    if (!layer) return;
    render(
      <OverlayApp
        items={items}
        data={data}
        open={cards.open}
        viewport={{ left: view.scrollX, width: doc.documentElement.clientWidth || view.innerWidth }}
        onActivate={(claimId) => cards.activate(claimId)}
        onHoverMarker={(claimId) => cards.hover(claimId)}
        onHoverCard={(inside) => cards.hoverCard(inside)}
        onClose={() => cards.close(true)}
        onPinCard={() => cards.pinOpen()}
      />,
      layer.container,
    );
  };

  const markerOf = (claimId: string) =>
    [...(layer?.shadow.querySelectorAll<HTMLElement>("[data-claim-id]") ?? [])].find(
      (marker) => marker.getAttribute("data-claim-id") === claimId,
    ) ?? null;

  const visibleClaimRanges = () =>
    result.annotations
      .filter((annotation) => items.some((item) => item.claim.id === annotation.claimId))
      .map(({ claimId, range }) => ({ claimId, range }));

  /** Shows a claim: scrolls to it, flashes it, focuses its marker (popup's "Show in page"). */
  const showClaim = (claimId: string) => {
    const annotation = result.annotations.find((candidate) => candidate.claimId === claimId);
    if (!annotation || !result.container) return;
    scrollToRange(annotation.range);
    painter.flash(claimTextRanges(annotation.range, result.container), FLASH_MS);
    markerOf(claimId)?.focus({ preventScroll: true });
  };

  const scrollToRange = (range: Range) => {
    const rect = range.getBoundingClientRect();
    if (rect.top >= 0 && rect.bottom <= view.innerHeight) return;
    view.scrollTo({ top: view.scrollY + rect.top - view.innerHeight / 3, behavior: "instant" });
    reposition();
  };

  /** Moves to the next or previous visible claim (keyboard command) and opens its card. */
  const stepClaim = (direction: "next" | "previous") => {
    // Claims whose text is not rendered (a collapsed part of the page) have no place to go to.
    const shown = items.filter((item) => item.position);
    if (shown.length === 0) return;
    const focused = layer?.shadow.activeElement?.getAttribute("data-claim-id") ?? cards.open?.claimId;
    let index = shown.findIndex((item) => item.claim.id === focused);
    if (index === -1) {
      // Nothing focused yet: start from the first claim below the top of the viewport.
      index = shown.findIndex((item) => (item.position?.top ?? 0) >= view.scrollY);
      index = direction === "next" ? index - 1 : index;
    }
    const next = shown[(index + (direction === "next" ? 1 : -1) + shown.length) % shown.length];
    const annotation = result.annotations.find((candidate) => candidate.claimId === next.claim.id);
    if (annotation) scrollToRange(annotation.range);
    cards.pin(next.claim.id);
    markerOf(next.claim.id)?.focus({ preventScroll: true });
  };

  const onMessage = (raw: unknown, sender: MessageSender) => {
    const message: TabMessage | null = acceptTabMessage(raw, sender);
    if (!message) return;
    if (message.type === "show-claim") showClaim(message.claimId);
    else if (message.type === "step-claim") stepClaim(message.direction);
    else {
      settings = message.settings;
      paint();
    }
  };

  // Messages from the popup and the background (the switches, live, among them), from the start:
  // switches changed while the article is still completing apply when it is shown.
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  ctx.onInvalidated(hide);

  /** The article is annotated: show it, and from now on answer the reader and follow the page. */
  const start = () => {
    paint();
    listenToReader();
    follower = followPage(ctx, doc, {
      container: () => result.container,
      reflow: () => {
        if (layer) reposition();
      },
      reanchor: () => {
        const wasShown = result.article.detected;
        if (annotate()) {
          paint();
          if (result.container) follower?.observeSize(result.container);
        } else if (wasShown) hide();
      },
    });
  };

  /** Clicking or hovering a claim's text opens its card; clicking elsewhere closes a clicked-open card. */
  const listenToReader = () => {
    // Only the reader's own input counts: events the page's scripts make up are ignored.
    ctx.addEventListener(doc, "click", (event) => {
      if (!event.isTrusted) return;
      const { clientX, clientY, target } = event as MouseEvent;
      if (target instanceof Element && target.tagName.toLowerCase() === HOST_TAG) return;
      const claimId = layer ? claimAtPoint(doc, clientX, clientY, visibleClaimRanges()) : null;
      if (claimId) cards.pin(claimId);
      else cards.clickOutside();
    });
    let pointerFrame = 0;
    ctx.addEventListener(doc, "pointermove", (event) => {
      if (!event.isTrusted) return;
      const { clientX, clientY, target } = event as PointerEvent;
      if (pointerFrame || !layer || (target instanceof Element && target.tagName.toLowerCase() === HOST_TAG)) return;
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

  // First look. The detector found the article, but this stricter pipeline may not agree yet (its last
  // paragraphs still loading): then keep looking, bounded, as the detector did until it found it.
  if (annotate()) start();
  else
    watchForLateArticle(ctx, doc, () => {
      if (!annotate()) return false;
      start();
      return true;
    });
}

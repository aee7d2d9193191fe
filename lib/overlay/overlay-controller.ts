/**
 * The overlay on a page that carries the article: wires its parts together.
 * It detects the article and anchors the claims while the switches the
 * background hands it arrive (`handed-start.ts`), then reports them
 * (`anchoring-runs.ts`); shows them: highlights first, then markers and
 * cards, drawn by its second script (`claims-view.ts`, `layer-kit.ts`);
 * answers the reader (`reader-input.ts`), the popup and the commands
 * (`tab-messages.ts`, read with the second script's schemas); follows the
 * page (`follow-page.ts`); and waits,
 * bounded, for an article that completes late
 * (`lib/detect/bounded-watch.ts`). Every listener, observer and timer is
 * registered through `ctx` and dies with it.
 */
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import { watchForChanges } from "../detect/bounded-watch";
import { runSliced } from "../detect/sliced";
import { sendToBackground } from "../messaging";
import { anchoringSteps, articleSteps } from "../pipeline";
import type { Settings } from "../schema";
import { annotationsEnabledOn, siteHostname } from "../settings";
import { afterNextPaint } from "./after-paint";
import { createAnchoringRuns } from "./anchoring-runs";
import { createClaimsView } from "./claims-view";
import { followPage, type PageFollower } from "./follow-page";
import { handedStart } from "./handed-start";
import { createPainter } from "./highlights";
import { loadLayerKit } from "./layer-kit";
import { listenToReader } from "./reader-input";
import { OVERLAY_ARTICLE, OVERLAY_CLAIMS, requestCards } from "./start-data";
import { listenToTabMessages } from "./tab-messages";

/**
 * Starts the overlay on `doc`; resolves once the first annotations are shown
 * (or, when the article is not complete yet, once it is being watched for).
 * The highlights come first: the markers and cards (a second script:
 * Preact, layout reads, the dataset's prose) follow once they are on
 * screen. A language chosen meanwhile applies when the page is next loaded.
 */
export async function runOverlay(ctx: ContentScriptContext, doc: Document): Promise<void> {
  const view = doc.defaultView;
  if (!view) return;
  // The background hands the switches over as it injects the overlay; if they are not here yet, the claims are
  // anchored while they come.
  const starting = handedStart(ctx.signal);
  const painter = createPainter(doc);
  ctx.onInvalidated(() => painter.clear());
  const anchored = runSliced(articleSteps(doc, OVERLAY_ARTICLE)).then((detection) => {
    if (detection.container && ctx.isValid) painter.prepare(detection.container);
    return runSliced(anchoringSteps(detection, OVERLAY_CLAIMS));
  });
  const start = await starting;

  // The overlay's state: the switches and the page follower; the claims' own in the view.
  let settings: Settings = start.settings;
  let follower: PageFollower | undefined;
  const anchoring = createAnchoringRuns(ctx, doc, OVERLAY_CLAIMS, () => claims.refreshAnchors());
  const claims = createClaimsView(ctx, doc, {
    painter,
    anchoring,
    claims: OVERLAY_CLAIMS,
    changedPage: () => follower?.discardOwnMutations(),
  });

  const anchorById = new Map(OVERLAY_CLAIMS.map((claim) => [claim.id, claim]));
  const isVisible = (claimId: string) => {
    const claim = anchorById.get(claimId);
    return !!claim && !settings.hiddenTopics.includes(claim.topic) && !settings.hiddenVerdicts.includes(claim.verdict);
  };
  /** Paints the visible claims (and their markers once the cards' data is in); hides everything when switched off. */
  const paint = () => {
    if (annotationsEnabledOn(settings, siteHostname(view.location))) claims.paint(isVisible);
    else claims.hide();
  };

  const tabMessages = listenToTabMessages(ctx, {
    showClaim: (claimId) => claims.showClaim(claimId),
    stepClaim: (direction) => claims.stepClaim(direction),
    // The switches, live. Listened to from the start: switches changed while the article is still
    // completing apply once it is shown.
    applySettings: (next) => {
      settings = next;
      if (anchoring.result.article.detected) paint();
    },
  });
  ctx.onInvalidated(() => claims.hide());

  /**
   * The markers and cards, from the cards' answer and the script that draws
   * them, both asked for now; false when either is missing or the answer is
   * malformed.
   */
  const showMarkers = async (): Promise<boolean> => {
    const [answer, kit] = await Promise.all([requestCards(), loadLayerKit()]);
    const dataset = kit?.readCards(answer);
    if (!kit || !dataset || !ctx.isValid) return false;
    claims.useCards(dataset, kit);
    tabMessages.readWith(kit.readTabMessage);
    return true;
  };

  /**
   * The article is annotated: show it, and from now on answer the reader and follow the page. The
   * highlights first: the markers and cards wait until they are on screen.
   */
  const show = async () => {
    paint();
    await afterNextPaint(ctx);
    // Without the cards' data there is nothing to explain the highlights with: nothing shown, nothing claimed.
    if (!(await showMarkers())) {
      claims.hide();
      void sendToBackground({ type: "article-gone" });
      return;
    }
    listenToReader(ctx, doc, {
      shownClaims: () => claims.shownClaims(),
      isMounted: () => claims.mounted,
      cards: claims.cards,
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
        if (claims.mounted) claims.reposition();
      },
      // The page re-rendered: anchor again when the article's text changed, follow it, or go when it went.
      reanchor: async () => {
        const wasShown = anchoring.result.article.detected;
        const shown = await anchoring.run();
        if (shown) {
          paint();
          const { container } = anchoring.result;
          if (container) follower?.observeSize(container);
        } else if (shown === false && wasShown) claims.hide();
      },
    });
  };

  // First look, from the claims anchored while the switches came. The detector found the article, but
  // this stricter pipeline may not agree yet (its last paragraphs still loading): then keep looking,
  // bounded, as the detector did until it found it.
  if (await anchoring.run(await anchored)) await show();
  else
    watchForChanges(ctx, doc, async () => {
      if (!(await anchoring.run())) return false;
      await show();
      return true;
    });
}

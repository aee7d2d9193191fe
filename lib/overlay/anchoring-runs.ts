/**
 * The overlay's anchoring runs: the claims anchored (again whenever the page
 * re-renders), a run that a newer one overtook dropped, and each result
 * reported to the background, which the popup and the badge read, once the
 * highlights are painted: first as anchored, then with each claim's link
 * (its text directive, read from the page's rendered text). Sliced: a few
 * milliseconds at a time, the page's own tasks in between.
 */
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import { runSliced } from "../detect/sliced";
import { sendToBackground } from "../messaging";
import { type AnnotationResult, pipelineSteps } from "../pipeline";
import type { AnchoredClaim, ClaimAnchor } from "../schema";
import { afterNextPaint } from "./after-paint";
import { tabStateOf, withTextDirectives } from "./anchor-report";
import { OVERLAY_ARTICLE } from "./start-data";

/** The claims' anchoring on one page. */
export interface AnchoringRuns {
  /** The last run's result (nothing anchored before the first). */
  readonly result: AnnotationResult;
  /** How a claim anchored, as reported (with its link once built). */
  anchorOf(claimId: string): AnchoredClaim | undefined;
  /**
   * Anchors the claims (detecting the article again), or takes `anchored`,
   * the result of a run the caller has just made, and reports them: true
   * when the article is here, false when it is not (or no longer), null when
   * a newer run started meanwhile (its result counts, not this one's).
   */
  run(anchored?: AnnotationResult): Promise<boolean | null>;
}

/** Anchoring runs of `claims` on `doc`; `onLinks` is called when the claims' links are built after a paint. */
export function createAnchoringRuns(
  ctx: ContentScriptContext,
  doc: Document,
  claims: readonly ClaimAnchor[],
  onLinks: () => void,
): AnchoringRuns {
  const view = doc.defaultView as Window;
  let result: AnnotationResult = { article: { detected: false, id: null, score: 0 }, annotations: [], container: null };
  let anchors = new Map<string, AnchoredClaim>();
  let runs = 0;

  return {
    get result() {
      return result;
    },
    anchorOf: (claimId) => anchors.get(claimId),
    async run(anchored) {
      const run = ++runs;
      const next = anchored ?? (await runSliced(pipelineSteps(doc, { article: OVERLAY_ARTICLE, claims })));
      if (run !== runs) return null;
      const wasDetected = result.article.detected;
      result = next;
      const state = tabStateOf(result, view.location.href);
      if (!state) {
        if (wasDetected) void sendToBackground({ type: "article-gone" });
        return false;
      }
      anchors = new Map(state.claims.map((anchor) => [anchor.claimId, anchor]));
      // Reported once the highlights are painted (sending the claims takes a millisecond the first paint need not
      // wait for), then with each claim's link (reading the page's styles must not delay the first paint either).
      const annotated = result;
      void afterNextPaint(ctx).then(() => {
        // Anchored again meanwhile: that run reports its own.
        if (result !== annotated) return;
        void sendToBackground({ type: "annotated", state });
        const linked = withTextDirectives(doc, annotated.annotations);
        anchors = new Map(linked.map((anchor) => [anchor.claimId, anchor]));
        onLinks();
        void sendToBackground({ type: "annotated", state: { ...state, claims: linked } });
      });
      return true;
    },
  };
}

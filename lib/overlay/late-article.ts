/**
 * A bounded watch for an article whose text completes late. The detector
 * stops watching once it finds the article, but the overlay's stricter
 * pipeline (the content filter, the whole body) may not yet agree, say
 * while the last paragraphs are still loading. Then the overlay keeps
 * looking itself, as the detector does: after each burst of mutations
 * (debounced), for a bounded time and a bounded number of looks, so a page
 * that keeps changing never keeps it busy. Registered through `ctx`.
 */
import type { ContentScriptContext } from "wxt/utils/content-script-context";

/** How the watch is bounded. */
export interface LateArticleBounds {
  /** Quiet time after the last mutation before looking again: pages mutate in bursts. */
  debounceMs: number;
  /** How long after the overlay started the article may still complete. */
  forMs: number;
  /** Looks at most this many times, whatever the page does. */
  maxLooks: number;
}

/** The detector's bounds (lib/detect/watch-for-article.ts): 250 ms quiet, 15 s, 30 looks. */
export const LATE_ARTICLE_BOUNDS: LateArticleBounds = { debounceMs: 250, forMs: 15_000, maxLooks: 30 };

/**
 * Calls `look` after each burst of mutations in `doc` until it returns true
 * (the article is annotated) or the bounds run out. Returns a function that
 * stops the watch early.
 */
export function watchForLateArticle(
  ctx: ContentScriptContext,
  doc: Document,
  look: () => boolean,
  bounds: LateArticleBounds = LATE_ARTICLE_BOUNDS,
): () => void {
  const view = doc.defaultView as Window;
  let looks = 0;
  let debounce: number | undefined;
  let stopped = false;
  let deadline: number | undefined;

  const observer = new MutationObserver(() => {
    view.clearTimeout(debounce);
    debounce = ctx.setTimeout(() => {
      if (stopped) return;
      looks++;
      if (look() || looks >= bounds.maxLooks) stop();
    }, bounds.debounceMs);
  });
  const stop = () => {
    stopped = true;
    observer.disconnect();
    view.clearTimeout(debounce);
    view.clearTimeout(deadline);
  };
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  deadline = ctx.setTimeout(stop, bounds.forMs);
  ctx.onInvalidated(stop);
  return stop;
}

/**
 * A bounded watch for an article whose text arrives (or completes) late:
 * look again after each burst of mutations (debounced), for a bounded time
 * and a bounded number of looks, so that a page that keeps changing never
 * keeps us busy. The detector watches so for the article to arrive (lazy
 * loading, single-page apps); the overlay, when its stricter pipeline does
 * not yet agree with the detector, for the article to complete. Registered
 * through `ctx`.
 */
import type { ContentScriptContext } from "wxt/utils/content-script-context";

/** How the watch is bounded. */
export interface WatchBounds {
  /** Quiet time after the last mutation before looking again: pages mutate in bursts. */
  debounceMs: number;
  /** How long after the watch starts the article may still come. */
  forMs: number;
  /** Looks at most this many times, whatever the page does. */
  maxLooks: number;
}

/** 250 ms quiet, 15 s, 30 looks. */
export const WATCH_BOUNDS: WatchBounds = { debounceMs: 250, forMs: 15_000, maxLooks: 30 };

/**
 * Calls `look` after each burst of mutations in `doc` until it returns (or
 * resolves to) true (the article is annotated) or the bounds run out.
 * Returns a function that stops the watch early.
 */
export function watchForChanges(
  ctx: ContentScriptContext,
  doc: Document,
  look: () => boolean | Promise<boolean>,
): () => void {
  const view = doc.defaultView as Window;
  let looks = 0;
  let debounce: number | undefined;
  let stopped = false;
  let deadline: number | undefined;

  // A look may take several tasks (sliced); one that overlaps the next burst's is rare and harmless.
  const observer = new MutationObserver(() => {
    view.clearTimeout(debounce);
    debounce = ctx.setTimeout(async () => {
      if (stopped) return;
      looks++;
      if ((await look()) || looks >= WATCH_BOUNDS.maxLooks) stop();
    }, WATCH_BOUNDS.debounceMs);
  });
  const stop = () => {
    stopped = true;
    observer.disconnect();
    view.clearTimeout(debounce);
    view.clearTimeout(deadline);
  };
  // Started after a sliced look, the context may have ended meanwhile: then there is nothing to watch for.
  if (!ctx.isValid) return stop;
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  deadline = ctx.setTimeout(stop, WATCH_BOUNDS.forMs);
  ctx.onInvalidated(stop);
  return stop;
}

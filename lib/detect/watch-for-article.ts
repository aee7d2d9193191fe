/**
 * The detector's life on a page: look once, then keep looking, for a
 * bounded time, as content arrives late (lazy loading, single-page apps)
 * or the address changes without a page load.
 */
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import { isCodeElement } from "../anchoring/content-filter";
import { type ArticleFingerprint, detectArticle } from "./detect-article";

/** Quiet time after the last mutation before looking again: pages mutate in bursts. */
const DEBOUNCE_MS = 250;

/** How long after the page (or a navigation) content may still bring the article. */
const OBSERVE_FOR_MS = 15_000;

/** Looks at most this many times per page or navigation, whatever the page does. */
const MAX_LOOKS = 30;

/**
 * Calls `onFound` once when `doc` carries the article (now, or when it
 * arrives), and again after a same-document navigation that brings it.
 * Everything is registered through `ctx` and stops with it.
 */
export function watchForArticle(
  ctx: ContentScriptContext,
  doc: Document,
  article: ArticleFingerprint,
  onFound: (score: number) => void,
): void {
  let observer: MutationObserver | undefined;
  let debounce: number | undefined;
  let deadline: number | undefined;
  let looks = 0;

  const stop = () => {
    observer?.disconnect();
    observer = undefined;
    clearTimeout(debounce);
    clearTimeout(deadline);
  };

  /** One look; true when the article was found (and watching stopped). */
  const look = (): boolean => {
    looks++;
    const result = detectArticle(doc, article, isCodeElement);
    if (result.detected) {
      stop();
      onFound(result.score);
      return true;
    }
    if (looks >= MAX_LOOKS) stop();
    return false;
  };

  const observe = () => {
    stop();
    looks = 0;
    if (look()) return;
    observer = new MutationObserver(() => {
      clearTimeout(debounce);
      debounce = ctx.setTimeout(look, DEBOUNCE_MS);
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    deadline = ctx.setTimeout(stop, OBSERVE_FOR_MS);
  };

  ctx.onInvalidated(stop);
  ctx.addEventListener(window, "wxt:locationchange", observe);
  observe();
}

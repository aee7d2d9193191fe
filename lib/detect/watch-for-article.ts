/**
 * The detector's life on a page: look once, then keep looking, for a
 * bounded time, as content arrives late (lazy loading, single-page apps)
 * or the address changes without a page load.
 */
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import type { Fingerprint } from "../schema";
import { watchForChanges } from "./bounded-watch";
import { presenceSteps } from "./detect-article";
import { runSliced } from "./sliced";

/**
 * Calls `onFound` once when `doc` carries the article (by its `fingerprint`: now, or when it
 * arrives), and again after a same-document navigation that brings it.
 * Everything is registered through `ctx` and stops with it.
 */
export function watchForArticle(
  ctx: ContentScriptContext,
  doc: Document,
  fingerprint: Fingerprint,
  onFound: (score: number) => void,
): void {
  let stop = () => {};
  let navigations = 0;

  /** One look, sliced (no long task on a huge page); true when the article was found. */
  const look = async (): Promise<boolean> => {
    const result = await runSliced(presenceSteps(doc, fingerprint));
    if (result.detected) onFound(result.score);
    return result.detected;
  };

  // Look now, then as content arrives; again from the start after a same-document navigation.
  const observe = async () => {
    stop();
    const navigation = ++navigations;
    // A navigation during the look started its own watch.
    if (!(await look()) && navigation === navigations) stop = watchForChanges(ctx, doc, look);
  };

  ctx.addEventListener(window, "wxt:locationchange", observe);
  observe();
}

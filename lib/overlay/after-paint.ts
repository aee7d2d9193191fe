/**
 * Waiting for the next frame to reach the screen, so that the first thing
 * the reader needs (the highlights) is painted before the work that can
 * wait (the markers and cards: Preact, layout reads) takes the main thread.
 */
import type { ContentScriptContext } from "wxt/utils/content-script-context";

/** How long to wait for a frame at most: a hidden tab renders none, and what waits must still come. */
export const FRAME_WAIT_MS = 100;

/**
 * Resolves after the next frame is painted: in a task queued from that
 * frame's animation callback, which runs once the frame is out. Resolves
 * after `FRAME_WAIT_MS` where no frame comes (a tab in the background), at
 * once where the browser has no frames at all (a document without a view).
 * Nothing resolves once `ctx` is invalidated: what waits is no longer wanted.
 */
export function afterNextPaint(ctx: ContentScriptContext): Promise<void> {
  return new Promise((resolve) => {
    if (typeof globalThis.requestAnimationFrame !== "function") {
      resolve();
      return;
    }
    ctx.requestAnimationFrame(() => ctx.setTimeout(resolve, 0));
    ctx.setTimeout(resolve, FRAME_WAIT_MS);
  });
}

/**
 * One overlay per page. The background injects the overlay again when the
 * detector finds the article again (after a single-page-app navigation, for
 * example); the newer copy stops the older one. Content scripts share their
 * isolated world's globals with each other, never with the page, so the
 * copies find each other there, without any message or event that the page
 * could see or send (WXT's own context uses `postMessage`, which a page can
 * forge to tear the overlay down).
 */
import type { ContentScriptContext } from "wxt/utils/content-script-context";

/** Where the live contexts are kept, by script name, in the isolated world. */
const LIVE_CONTEXTS = Symbol.for("factcheck.live-contexts");

type LiveContext = Pick<ContentScriptContext, "notifyInvalidated" | "onInvalidated">;
type Registry = Map<string, LiveContext>;

/** Stops the running copy of script `name` in this page, if any, and records `ctx` as the live one. */
export function replacePreviousCopy(name: string, ctx: LiveContext): void {
  const scope = globalThis as { [LIVE_CONTEXTS]?: Registry };
  scope[LIVE_CONTEXTS] ??= new Map();
  const live = scope[LIVE_CONTEXTS];
  live.get(name)?.notifyInvalidated();
  live.set(name, ctx);
  ctx.onInvalidated(() => {
    if (live.get(name) === ctx) live.delete(name);
  });
}

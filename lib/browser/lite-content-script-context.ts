/**
 * A small stand-in for WXT's `ContentScriptContext`, substituted in the
 * builds of every content script (see wxt.config.ts): the detector must stay
 * under 6 KB, and neither script may leave a trace the page can see or
 * drive. WXT's own context posts a `content-script-started` message to the
 * page and stops when the page posts one back, and announces address changes
 * as events on `window`, which the page hears and can fake. This one keeps
 * the part of the contract our scripts rely on without any of that:
 * listeners and timers registered through it stop when the context is
 * invalidated (the extension reloaded, updated or removed), and
 * `wxt:locationchange` handlers are called directly on single-page-app
 * navigation. (A script injected a second time stops its older copy itself:
 * lib/overlay/single-instance.ts.) The scripts are typed against WXT's
 * class; the tests run them against this one. The detector's build gets
 * this class as it is; the overlay's adds animation frames
 * (`overlay-content-script-context.ts`): every byte here counts against the
 * detector's budget.
 */
import { browser } from "wxt/browser";

/** The subset of WXT's `ContentScriptContext` that our content scripts use. */
export class ContentScriptContext {
  private readonly controller = new AbortController();
  /** Called without an event: ours take none, and making one costs the detector's bytes. */
  private readonly locationHandlers = new Set<() => void>();
  private watching = false;

  /** Aborted when the context is invalidated. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** False once the extension was reloaded, updated or removed. */
  get isValid(): boolean {
    if (browser.runtime?.id == null) this.notifyInvalidated();
    return !this.signal.aborted;
  }

  /** Runs `callback` when the context is invalidated; returns a function that cancels that. */
  onInvalidated(callback: () => void): () => void {
    this.signal.addEventListener("abort", callback);
    return () => this.signal.removeEventListener("abort", callback);
  }

  /**
   * `setTimeout` whose handler never runs after invalidation. The check is
   * made when the timer fires, rather than by clearing every timer at
   * invalidation: that would keep a listener per timer, and a debounced
   * observer on a busy page sets thousands.
   */
  setTimeout(handler: () => void, timeout?: number): number {
    return window.setTimeout(() => this.isValid && handler(), timeout);
  }

  /**
   * `addEventListener` removed at invalidation. `wxt:locationchange` is not
   * an event on `target`: the handler is kept here and called when the
   * address changes, so the page can neither hear nor fake it.
   */
  addEventListener(
    target: EventTarget,
    type: string,
    handler: (event: Event) => void,
    options?: AddEventListenerOptions,
  ): void {
    if (type === "wxt:locationchange") {
      this.locationHandlers.add(handler as () => void);
      this.watchLocation();
      return;
    }
    target.addEventListener(type, handler, { ...options, signal: this.signal });
  }

  /** Invalidates the context. */
  notifyInvalidated(): void {
    this.controller.abort();
  }

  /**
   * Calls the `wxt:locationchange` handlers when the address changes without
   * a page load: after each Navigation API `navigate` event where there is
   * one (listening to it is invisible to the page), else by checking every
   * second (as WXT does).
   */
  private watchLocation(): void {
    if (this.watching) return;
    this.watching = true;
    let last = location.href;
    const check = (): void => {
      if (location.href !== last) {
        last = location.href;
        for (const handler of this.locationHandlers) handler();
      }
      if (!navigation) this.setTimeout(check, 1000);
    };
    const navigation = (globalThis as { navigation?: EventTarget }).navigation;
    if (navigation) navigation.addEventListener("navigate", () => this.setTimeout(check), { signal: this.signal });
    else check();
  }
}

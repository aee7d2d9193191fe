/**
 * A small stand-in for WXT's `ContentScriptContext`, substituted in the
 * detector build only (see wxt.config.ts), which must stay under 6 KB.
 * It keeps the part of the contract the detector relies on: listeners and
 * timers registered through it stop when the context is invalidated (the
 * extension reloaded, updated or removed: its runtime goes away), and
 * `wxt:locationchange` fires on single-page-app navigation. The detector is
 * typed against WXT's class; the tests run it against this one.
 */
import { browser } from "wxt/browser";

/** The subset of WXT's `ContentScriptContext` that the detector uses. */
export class ContentScriptContext {
  private readonly controller = new AbortController();
  /** Prefix of this script's private event names, as WXT makes them. */
  private readonly prefix: string;
  private watching = false;

  constructor(name: string) {
    this.prefix = `${browser.runtime?.id}:${name}:`;
  }

  /** Aborted when the context is invalidated. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** False once the extension was reloaded, updated or removed. */
  get isValid(): boolean {
    if (browser.runtime?.id == null) this.notifyInvalidated();
    return !this.signal.aborted;
  }

  /** Runs `callback` when the context is invalidated. */
  onInvalidated(callback: () => void): void {
    this.signal.addEventListener("abort", callback);
  }

  /** `setTimeout` that never fires after invalidation. */
  setTimeout(handler: () => void, timeout?: number): number {
    const id = window.setTimeout(() => this.isValid && handler(), timeout);
    this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  /** `addEventListener` removed at invalidation; supports `wxt:locationchange`. */
  addEventListener(target: EventTarget, type: string, handler: (event: Event) => void): void {
    if (type === "wxt:locationchange") this.watchLocation();
    target.addEventListener(type.startsWith("wxt:") ? this.prefix + type : type, handler, { signal: this.signal });
  }

  /** Invalidates the context. */
  notifyInvalidated(): void {
    this.controller.abort();
  }

  /**
   * Fires `wxt:locationchange` on `window` when the address changes without
   * a page load: after each Navigation API `navigate` event where there is
   * one, else by checking every second (as WXT does).
   */
  private watchLocation(): void {
    if (this.watching) return;
    this.watching = true;
    let last = location.href;
    const check = (): void => {
      if (location.href !== last) {
        last = location.href;
        window.dispatchEvent(new Event(`${this.prefix}wxt:locationchange`));
      }
      if (!navigation) this.setTimeout(check, 1000);
    };
    const navigation = (globalThis as { navigation?: EventTarget }).navigation;
    if (navigation) navigation.addEventListener("navigate", () => this.setTimeout(check), { signal: this.signal });
    else check();
  }
}

/**
 * The overlay's bounded watch for an article that completes late, with fake
 * timers and a stand-in `look`.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import type { ContentScriptContext as WxtContext } from "wxt/utils/content-script-context";
import { ContentScriptContext } from "../../lib/browser/lite-content-script-context";
import { WATCH_BOUNDS, watchForChanges } from "../../lib/detect/bounded-watch";

describe("watchForChanges", () => {
  let ctx: ContentScriptContext;
  const mutate = () => document.body.append(document.createElement("p"));
  const watch = (look: () => boolean) => watchForChanges(ctx as unknown as WxtContext, document, look);

  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers();
    document.body.replaceChildren();
    ctx = new ContentScriptContext();
  });
  afterEach(() => {
    ctx.notifyInvalidated();
    vi.useRealTimers();
  });

  it("looks once per burst of mutations, after the page is quiet, until the look succeeds", async () => {
    let complete = false;
    const look = vi.fn(() => complete);
    watch(look);
    expect(look).not.toHaveBeenCalled();
    mutate();
    await vi.advanceTimersByTimeAsync(100);
    mutate();
    await vi.advanceTimersByTimeAsync(WATCH_BOUNDS.debounceMs - 1);
    expect(look).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(look).toHaveBeenCalledTimes(1);
    complete = true;
    mutate();
    await vi.advanceTimersByTimeAsync(WATCH_BOUNDS.debounceMs);
    expect(look).toHaveBeenCalledTimes(2);
    // Found: the watch is over.
    mutate();
    await vi.advanceTimersByTimeAsync(WATCH_BOUNDS.debounceMs * 4);
    expect(look).toHaveBeenCalledTimes(2);
  });

  it("stops after its time bound", async () => {
    const look = vi.fn(() => false);
    watch(look);
    await vi.advanceTimersByTimeAsync(WATCH_BOUNDS.forMs);
    mutate();
    await vi.advanceTimersByTimeAsync(WATCH_BOUNDS.debounceMs * 4);
    expect(look).not.toHaveBeenCalled();
  });

  it("stops after its number of looks, however much the page changes", async () => {
    const look = vi.fn(() => false);
    watch(look);
    for (let burst = 0; burst < WATCH_BOUNDS.maxLooks + 10; burst++) {
      mutate();
      await vi.advanceTimersByTimeAsync(WATCH_BOUNDS.debounceMs);
    }
    expect(look).toHaveBeenCalledTimes(WATCH_BOUNDS.maxLooks);
  });

  it("stops when told, and with its context", async () => {
    const look = vi.fn(() => false);
    const stop = watch(look);
    stop();
    mutate();
    await vi.advanceTimersByTimeAsync(WATCH_BOUNDS.debounceMs * 4);
    watch(look);
    mutate();
    ctx.notifyInvalidated();
    await vi.advanceTimersByTimeAsync(WATCH_BOUNDS.debounceMs * 4);
    expect(look).not.toHaveBeenCalled();
  });
});

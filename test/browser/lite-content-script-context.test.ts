import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { ContentScriptContext } from "../../lib/browser/lite-content-script-context";

describe("the detector's ContentScriptContext", () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it("stops timers and listeners registered through it when invalidated", () => {
    const ctx = new ContentScriptContext("detector");
    const timer = vi.fn();
    const listener = vi.fn();
    const invalidated = vi.fn();
    ctx.setTimeout(timer, 100);
    ctx.addEventListener(document, "custom-event", listener);
    ctx.onInvalidated(invalidated);
    document.dispatchEvent(new Event("custom-event"));
    expect(listener).toHaveBeenCalledTimes(1);

    ctx.notifyInvalidated();
    vi.advanceTimersByTime(200);
    document.dispatchEvent(new Event("custom-event"));
    expect(timer).not.toHaveBeenCalled();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(invalidated).toHaveBeenCalledTimes(1);
    expect(ctx.isValid).toBe(false);
  });

  it("becomes invalid when the extension's runtime goes away", () => {
    const ctx = new ContentScriptContext("detector");
    const timer = vi.fn();
    ctx.setTimeout(timer, 100);
    const runtime = vi.spyOn(fakeBrowser.runtime, "id", "get").mockReturnValue(undefined as unknown as string);
    vi.advanceTimersByTime(100);
    expect(timer).not.toHaveBeenCalled();
    expect(ctx.signal.aborted).toBe(true);
    runtime.mockRestore();
  });

  it("fires wxt:locationchange on a same-document navigation", () => {
    const ctx = new ContentScriptContext("detector");
    const changed = vi.fn();
    ctx.addEventListener(window, "wxt:locationchange", changed);
    history.pushState({}, "", "/article");
    vi.advanceTimersByTime(1000);
    expect(changed).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(3000);
    expect(changed).toHaveBeenCalledTimes(1);
    history.pushState({}, "", "/home");
    vi.advanceTimersByTime(1000);
    expect(changed).toHaveBeenCalledTimes(2);
    ctx.notifyInvalidated();
  });

  it("keeps the location event private to this script", () => {
    const ctx = new ContentScriptContext("detector");
    const changed = vi.fn();
    ctx.addEventListener(window, "wxt:locationchange", changed);
    window.dispatchEvent(new Event("wxt:locationchange"));
    expect(changed).not.toHaveBeenCalled();
    ctx.notifyInvalidated();
  });
});

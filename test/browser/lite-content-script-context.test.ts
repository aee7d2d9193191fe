import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { ContentScriptContext } from "../../lib/browser/lite-content-script-context";

/**
 * The content scripts' ContentScriptContext (lib/browser/): timers and
 * listeners die with it, and it tells of address changes without any event
 * or message the page could hear or fake.
 */
describe("the content scripts' ContentScriptContext", () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it("stops timers and listeners registered through it when invalidated", () => {
    const ctx = new ContentScriptContext();
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
    const ctx = new ContentScriptContext();
    const timer = vi.fn();
    ctx.setTimeout(timer, 100);
    const runtime = vi.spyOn(fakeBrowser.runtime, "id", "get").mockReturnValue(undefined as unknown as string);
    vi.advanceTimersByTime(100);
    expect(timer).not.toHaveBeenCalled();
    expect(ctx.signal.aborted).toBe(true);
    runtime.mockRestore();
  });

  it("fires wxt:locationchange on a same-document navigation", () => {
    const ctx = new ContentScriptContext();
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

  it("keeps the location change private: the page can neither hear nor fake it", () => {
    const heard: string[] = [];
    const record = (event: Event) => heard.push(event.type);
    const spy = vi.spyOn(window, "dispatchEvent");
    const post = vi.spyOn(window, "postMessage");
    const ctx = new ContentScriptContext();
    const changed = vi.fn();
    ctx.addEventListener(window, "wxt:locationchange", changed);
    window.addEventListener("message", record);
    // The page dispatches the names WXT's own context would listen to.
    window.dispatchEvent(new Event("wxt:locationchange"));
    window.dispatchEvent(new CustomEvent(`${fakeBrowser.runtime.id}:detector:wxt:locationchange`));
    expect(changed).not.toHaveBeenCalled();
    spy.mockClear();

    history.pushState({}, "", "/elsewhere");
    vi.advanceTimersByTime(1000);
    expect(changed).toHaveBeenCalledTimes(1);
    expect(spy).not.toHaveBeenCalled();
    expect(post).not.toHaveBeenCalled();
    expect(heard).toEqual([]);
    window.removeEventListener("message", record);
    ctx.notifyInvalidated();
  });

  it("keeps no listener per timer, however many a busy page makes it set", () => {
    const ctx = new ContentScriptContext();
    const added = vi.spyOn(ctx.signal, "addEventListener");
    for (let i = 0; i < 1000; i++) clearTimeout(ctx.setTimeout(() => undefined, 10));
    expect(added).not.toHaveBeenCalled();
    ctx.notifyInvalidated();
  });
});

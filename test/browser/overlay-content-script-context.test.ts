import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { ContentScriptContext } from "../../lib/browser/overlay-content-script-context";

/** The overlay's ContentScriptContext: the detector's, with animation frames that die with it. */
describe("the overlay's ContentScriptContext", () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it("calls rAF callbacks only while valid", () => {
    const ctx = new ContentScriptContext();
    const frame = vi.fn();
    ctx.requestAnimationFrame(frame);
    vi.advanceTimersToNextFrame();
    expect(frame).toHaveBeenCalledTimes(1);
    ctx.requestAnimationFrame(frame);
    ctx.notifyInvalidated();
    vi.advanceTimersToNextFrame();
    expect(frame).toHaveBeenCalledTimes(1);
  });

  it("keeps no listener per frame", () => {
    const ctx = new ContentScriptContext();
    const added = vi.spyOn(ctx.signal, "addEventListener");
    for (let i = 0; i < 100; i++) cancelAnimationFrame(ctx.requestAnimationFrame(() => undefined));
    expect(added).not.toHaveBeenCalled();
    ctx.notifyInvalidated();
  });
});

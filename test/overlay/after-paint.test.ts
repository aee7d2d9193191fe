/**
 * Waiting for the next frame (lib/overlay/after-paint.ts), with a stand-in
 * for the browser's frames (jsdom renders none).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ContentScriptContext as WxtContext } from "wxt/utils/content-script-context";
import { ContentScriptContext } from "../../lib/browser/overlay-content-script-context";
import { afterNextPaint, FRAME_WAIT_MS } from "../../lib/overlay/after-paint";

describe("afterNextPaint", () => {
  let ctx: ContentScriptContext;
  let frames: FrameRequestCallback[];
  const wait = () => afterNextPaint(ctx as unknown as WxtContext);
  /** The browser renders a frame: its animation callbacks run. */
  const renderFrame = () => {
    const due = frames;
    frames = [];
    for (const callback of due) callback(performance.now());
  };

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    frames = [];
    vi.stubGlobal("requestAnimationFrame", (callback: FrameRequestCallback) => frames.push(callback));
    ctx = new ContentScriptContext();
  });
  afterEach(() => {
    ctx.notifyInvalidated();
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it("resolves in a task after the next frame, not before it", async () => {
    let resolved = false;
    void wait().then(() => {
      resolved = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(resolved).toBe(false);
    renderFrame();
    expect(resolved).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(resolved).toBe(true);
  });

  it("resolves after its bound where no frame comes (a tab in the background)", async () => {
    let resolved = false;
    void wait().then(() => {
      resolved = true;
    });
    await vi.advanceTimersByTimeAsync(FRAME_WAIT_MS - 1);
    expect(resolved).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(resolved).toBe(true);
  });

  it("never resolves once the context is invalidated", async () => {
    let resolved = false;
    void wait().then(() => {
      resolved = true;
    });
    ctx.notifyInvalidated();
    renderFrame();
    await vi.advanceTimersByTimeAsync(FRAME_WAIT_MS * 2);
    expect(resolved).toBe(false);
  });
});

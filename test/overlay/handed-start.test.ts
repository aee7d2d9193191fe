import { afterEach, describe, expect, it } from "vitest";
import { handedStart, handOverlayStart, OVERLAY_START_KEY } from "../../lib/overlay/handed-start";
import type { OverlayStart } from "../../lib/schema";
import { DEFAULT_SETTINGS } from "../../lib/settings";

describe("the start handed to the overlay", () => {
  const start: OverlayStart = { settings: { ...DEFAULT_SETTINGS, hiddenVerdicts: ["accurate"] } };
  let gone: AbortController;
  afterEach(() => {
    gone.abort();
    Reflect.deleteProperty(globalThis, Symbol.for(OVERLAY_START_KEY));
  });

  it("is there at once when it came before the overlay, and taken", async () => {
    gone = new AbortController();
    handOverlayStart(OVERLAY_START_KEY, start);
    await expect(handedStart(gone.signal)).resolves.toEqual(start);
    expect(Symbol.for(OVERLAY_START_KEY) in globalThis).toBe(false);
  });

  it("reaches the overlay that waits for it, when the overlay came first", async () => {
    gone = new AbortController();
    const waiting = handedStart(gone.signal);
    handOverlayStart(OVERLAY_START_KEY, start);
    await expect(waiting).resolves.toEqual(start);
    expect(Symbol.for(OVERLAY_START_KEY) in globalThis).toBe(false);
  });

  it("is left for the next overlay when the one that waited is gone", async () => {
    gone = new AbortController();
    void handedStart(gone.signal);
    gone.abort();
    handOverlayStart(OVERLAY_START_KEY, start);
    gone = new AbortController();
    await expect(handedStart(gone.signal)).resolves.toEqual(start);
  });

  it("is handed by a function that uses nothing from outside its own source, as the browser runs it", async () => {
    gone = new AbortController();
    // `executeScript` sends the function's source and runs it in the frame: rebuilt from its source alone here.
    const rebuilt = new Function(`return (${handOverlayStart.toString()})`)() as typeof handOverlayStart;
    const waiting = handedStart(gone.signal);
    rebuilt(OVERLAY_START_KEY, start);
    await expect(waiting).resolves.toEqual(start);
  });
});

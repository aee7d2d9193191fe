/**
 * The overlay's start, handed over by the background as it injects the
 * overlay: the switches, which the first paint follows. Content scripts
 * cannot read the extension's storage; rather than ask for the switches and
 * wait for the answer (and check it with schemas the first script would
 * have to carry), the overlay gets them as it runs. The background injects
 * the overlay's script and, at the same time, runs `handOverlayStart` in the
 * frame (`scripting.executeScript`), whichever comes first: the start waits
 * for the overlay, or the overlay (detecting and anchoring meanwhile) for
 * the start. They meet in the isolated world the two share, where no page
 * script and no other extension can read or write. It is not a message:
 * nothing outside the extension can send it, and the background made it
 * from the stored switches it read and checked (`parseSettings` in
 * storage.ts).
 */
import type { OverlayStart } from "../schema";

/** The `Symbol.for` key under which the start, or the overlay waiting for it, is found in the isolated world. */
export const OVERLAY_START_KEY = "factcheck.overlay-start";

/** The start, or the overlay waiting for it. */
type Meeting = OverlayStart | ((start: OverlayStart) => void);

type Scope = Record<symbol, Meeting | undefined>;

/**
 * Hands `start` to the overlay waiting under `key`, or leaves it there for
 * the overlay about to run. The browser runs it in the frame from its
 * source alone (`executeScript`'s `func`): it uses nothing from outside.
 */
export function handOverlayStart(key: string, start: OverlayStart): void {
  const scope = globalThis as Scope;
  const slot = Symbol.for(key);
  const waiting = scope[slot];
  if (typeof waiting === "function") {
    delete scope[slot];
    waiting(start);
  } else scope[slot] = start;
}

/**
 * The start the background hands this overlay: at once when it is already
 * there (taken: a later injection brings its own), else when it comes.
 * `signal` ends the wait (the overlay is gone).
 */
export function handedStart(signal: AbortSignal): Promise<OverlayStart> {
  const scope = globalThis as Scope;
  const slot = Symbol.for(OVERLAY_START_KEY);
  const left = scope[slot];
  if (left && typeof left === "object") {
    delete scope[slot];
    return Promise.resolve(left);
  }
  return new Promise((resolve) => {
    scope[slot] = resolve;
    signal.addEventListener("abort", () => {
      if (scope[slot] === resolve) delete scope[slot];
    });
  });
}

/**
 * How the overlay gets its markers' and cards' parts: it asks the background
 * to inject their script, which leaves them in the isolated world; a kit
 * left there before (by an earlier injection, or an earlier version of the
 * extension) is never used.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { cardsLayerKit } from "../../lib/overlay/cards-layer";
import { loadLayerKit, provideLayerKit } from "../../lib/overlay/layer-kit";

describe("loadLayerKit", () => {
  const injected = cardsLayerKit("");
  let asked: unknown[];
  let inject: boolean;

  beforeEach(() => {
    fakeBrowser.reset();
    asked = [];
    inject = true;
    vi.spyOn(fakeBrowser.runtime, "sendMessage").mockImplementation(async (message: unknown) => {
      asked.push(message);
      // The background injects the script, which provides its kit as it runs, then answers.
      if (inject) provideLayerKit(injected);
      return inject;
    });
  });

  it("has the script injected and gives the kit it left", async () => {
    await expect(loadLayerKit()).resolves.toBe(injected);
    expect(asked).toEqual([{ type: "load-layer" }]);
  });

  it("gives null when the script could not be injected, whatever an earlier one left", async () => {
    provideLayerKit(cardsLayerKit("stale"));
    inject = false;
    await expect(loadLayerKit()).resolves.toBeNull();
  });
});

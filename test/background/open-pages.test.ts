/**
 * Opening extension pages for a content script (lib/background/open-pages.ts):
 * the "How we check" page opens in a new tab beside the reader's.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { HOW_WE_CHECK_PAGE, openHowWeCheck } from "../../lib/background/open-pages";

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe("openHowWeCheck", () => {
  it("opens the extension's own page in a new active tab after the tab that asked", async () => {
    const create = vi.spyOn(fakeBrowser.tabs, "create");
    expect(await openHowWeCheck(7)).toBe(true);
    expect(create).toHaveBeenCalledExactlyOnceWith({
      url: fakeBrowser.runtime.getURL(HOW_WE_CHECK_PAGE),
      active: true,
      openerTabId: 7,
    });
    expect(create.mock.calls[0][0].url).toMatch(/^chrome-extension:\/\/[^/]+\/how-we-check\.html$/);
  });

  it("opens it without an opener when none is known", async () => {
    const create = vi.spyOn(fakeBrowser.tabs, "create");
    await openHowWeCheck();
    expect(create).toHaveBeenCalledExactlyOnceWith({
      url: fakeBrowser.runtime.getURL(HOW_WE_CHECK_PAGE),
      active: true,
    });
  });

  it("fails when the tab cannot be created, so the card can say so", async () => {
    vi.spyOn(fakeBrowser.tabs, "create").mockRejectedValue(new Error("no window"));
    await expect(openHowWeCheck(7)).rejects.toThrow("no window");
  });
});

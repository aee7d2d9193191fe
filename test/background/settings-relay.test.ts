/**
 * The settings relay (lib/background/settings-relay.ts): the overlay gets
 * the switches by message, and every change reaches the tabs that carry the
 * article, and only those.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { answerSettings, relaySettings, relaySettingsChanges } from "../../lib/background/settings-relay";
import type { TabState } from "../../lib/schema";
import { DEFAULT_SETTINGS } from "../../lib/settings";
import { setTabState, updateSettings } from "../../lib/storage";

const STATE: TabState = {
  url: "https://news.example/nk",
  article: { id: "nk-bolster-military-might-2020-06-12", score: 0.9 },
  claims: [],
};

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe("answerSettings", () => {
  it("answers the stored settings, or the defaults", async () => {
    expect(await answerSettings()).toEqual(DEFAULT_SETTINGS);
    await updateSettings((current) => ({ ...current, enabled: false }));
    expect(await answerSettings()).toEqual({ ...DEFAULT_SETTINGS, enabled: false });
  });
});

describe("relaySettings", () => {
  it("sends the settings to the overlay of each tab that carries the article", async () => {
    const send = vi.spyOn(fakeBrowser.tabs, "sendMessage").mockResolvedValue(undefined);
    await setTabState(3, STATE);
    await setTabState(9, STATE);
    const settings = { ...DEFAULT_SETTINGS, hiddenVerdicts: ["accurate" as const] };
    await relaySettings(settings);
    const tabs = send.mock.calls.map(([tabId]) => tabId).sort();
    expect(tabs).toEqual([3, 9]);
    for (const call of send.mock.calls) expect(call.slice(1)).toEqual([{ type: "settings", settings }, { frameId: 0 }]);
  });

  it("still reaches the other tabs when one overlay is gone", async () => {
    const send = vi
      .spyOn(fakeBrowser.tabs, "sendMessage")
      .mockImplementation(async (tabId: number) => (tabId === 3 ? Promise.reject(new Error("gone")) : undefined));
    await setTabState(3, STATE);
    await setTabState(4, STATE);
    await expect(relaySettings(DEFAULT_SETTINGS)).resolves.toBeUndefined();
    expect(send).toHaveBeenCalledTimes(2);
  });
});

describe("relaySettingsChanges", () => {
  it("relays each change until stopped", async () => {
    const send = vi.spyOn(fakeBrowser.tabs, "sendMessage").mockResolvedValue(undefined);
    await setTabState(5, STATE);
    const stop = relaySettingsChanges();
    await updateSettings((current) => ({ ...current, disabledSites: ["news.example"] }));
    await vi.waitFor(() => expect(send).toHaveBeenCalledOnce());
    expect(send.mock.calls[0][1]).toEqual({
      type: "settings",
      settings: { ...DEFAULT_SETTINGS, disabledSites: ["news.example"] },
    });
    stop();
    await updateSettings((current) => ({ ...current, enabled: false }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(send).toHaveBeenCalledOnce();
  });
});

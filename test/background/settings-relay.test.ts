/**
 * The settings relay (lib/background/settings-relay.ts): the overlay gets
 * the switches by message, and every change reaches the frames (of the
 * tabs) that carry the article, and only those.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { answerSettings, relaySettings, relaySettingsChanges } from "../../lib/background/settings-relay";
import type { TabState } from "../../lib/schema";
import { DEFAULT_SETTINGS } from "../../lib/settings";
import { setFrameState, setTabState, updateSettings } from "../../lib/storage";

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

  it("sends them to each frame of a tab that carries the article, and to no other frame", async () => {
    const send = vi.spyOn(fakeBrowser.tabs, "sendMessage").mockResolvedValue(undefined);
    await setFrameState(3, 4, STATE.url, STATE);
    await setFrameState(3, 11, STATE.url, STATE);
    await relaySettings(DEFAULT_SETTINGS);
    const frames = send.mock.calls.map(([tabId, , options]) => [tabId, options?.frameId]);
    expect(frames.sort()).toEqual([
      [3, 11],
      [3, 4],
    ]);
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

import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import type { Settings, TabState } from "../lib/schema";
import { DEFAULT_SETTINGS } from "../lib/settings";
import {
  getSettings,
  getTabFrames,
  getTabState,
  parseSettings,
  restrictStorageToExtension,
  setFrameState,
  setTabState,
  trackedTabIds,
  updateSettings,
  watchSettings,
  watchTabState,
} from "../lib/storage";

const CUSTOM: Settings = {
  enabled: false,
  disabledSites: ["a.example"],
  hiddenTopics: ["sanctions"],
  hiddenVerdicts: ["accurate", "unverifiable"],
  language: "ko",
};

const STATE: TabState = {
  url: "https://news.example/world/north-korea",
  article: { id: "north-korea-military-might", score: 0.91 },
  claims: [
    { claimId: "test-site", match: "exact", score: 1 },
    { claimId: "pronoun", match: "fuzzy", score: 0.77 },
  ],
};

/** `state`, found in frame `frameId`, as the view of a tab at `STATE.url` shows it: each claim with its frame. */
function viewOf(state: TabState, frameId = 0) {
  return {
    ...state,
    url: STATE.url,
    claims: state.claims.map((claim) => ({ ...claim, frameId, frameUrl: state.url })),
  };
}

/** `STATE` as stored: the top frame's part of the tab's record. */
const STORED = { url: STATE.url, frames: { 0: STATE } };

/** Puts `value` where the settings item keeps it, as another context would. */
async function storeSettings(value: unknown): Promise<void> {
  await fakeBrowser.storage.local.set({ settings: value });
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe("parseSettings", () => {
  it("keeps every valid field and gives each corrupt or missing one its default", () => {
    expect(
      parseSettings({ enabled: false, disabledSites: "a.example", hiddenVerdicts: ["accurate", "bogus"], language: 7 }),
    ).toEqual({
      enabled: false,
      disabledSites: [],
      hiddenTopics: [],
      hiddenVerdicts: [],
      language: "auto",
    });
    expect(parseSettings({ language: "ko" }).language).toBe("ko");
  });

  it("parses anything that is not an object to the defaults", () => {
    for (const value of [null, undefined, "garbage", 42, []]) expect(parseSettings(value)).toEqual(DEFAULT_SETTINGS);
  });
});

describe("settings", () => {
  it("are the defaults when nothing is stored", async () => {
    expect(DEFAULT_SETTINGS).toEqual({
      enabled: true,
      disabledSites: [],
      hiddenTopics: [],
      hiddenVerdicts: [],
      language: "auto",
    });
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it("read back what is stored", async () => {
    await storeSettings(CUSTOM);
    expect(await getSettings()).toEqual(CUSTOM);
  });

  it("fall back field by field when the stored value is corrupt", async () => {
    await storeSettings({
      enabled: "yes",
      hiddenTopics: ["sanctions", "bogus"],
      disabledSites: ["a.example"],
      language: "klingon",
    });
    expect(await getSettings()).toEqual({
      enabled: true,
      disabledSites: ["a.example"],
      hiddenTopics: [],
      hiddenVerdicts: [],
      language: "auto",
    });
  });

  it.each([["garbage"], [42], [true], [[false, ["a.example"]]]])(
    "fall back entirely when %j is stored",
    async (value) => {
      await storeSettings(value);
      expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
    },
  );

  it("fall back to the defaults when storage cannot be read", async () => {
    vi.spyOn(fakeBrowser.storage.local, "get").mockRejectedValueOnce(new Error("storage unavailable"));
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });
});

describe("updateSettings", () => {
  it("applies the change to the current settings and stores the result", async () => {
    await storeSettings({ ...DEFAULT_SETTINGS, disabledSites: ["a.example"] });
    const next = await updateSettings((current) => ({
      ...current,
      disabledSites: [...current.disabledSites, "b.example"],
    }));
    expect(next).toEqual({ ...DEFAULT_SETTINGS, disabledSites: ["a.example", "b.example"] });
    expect(await fakeBrowser.storage.local.get("settings")).toEqual({ settings: next });
    expect(await getSettings()).toEqual(next);
  });

  it("rejects a result that is not settings at all and stores nothing", async () => {
    await storeSettings(CUSTOM);
    await expect(updateSettings(() => null as unknown as Settings)).rejects.toThrow();
    await expect(updateSettings(() => "off" as unknown as Settings)).rejects.toThrow();
    expect(await fakeBrowser.storage.local.get("settings")).toEqual({ settings: CUSTOM });
  });

  it("rejects a result with an invalid field and stores nothing", async () => {
    const before = await fakeBrowser.storage.local.get("settings");
    await expect(
      updateSettings((current) => ({
        ...current,
        hiddenTopics: ["sanctions", "bogus"] as Settings["hiddenTopics"],
        hiddenVerdicts: ["misleading"],
      })),
    ).rejects.toThrow();
    await expect(updateSettings((current) => ({ ...current, enabled: "no" as unknown as boolean }))).rejects.toThrow();
    expect(await fakeBrowser.storage.local.get("settings")).toEqual(before);
  });
});

describe("watchSettings", () => {
  it("reports the parsed settings whenever they change, until unwatched", async () => {
    const callback = vi.fn();
    const unwatch = watchSettings(callback);
    await updateSettings((current) => ({ ...current, enabled: false }));
    expect(callback).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, enabled: false });

    await storeSettings({ enabled: false, hiddenTopics: ["talks", "bogus"] });
    expect(callback).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, enabled: false });

    await storeSettings({ enabled: false, hiddenTopics: ["talks"] });
    expect(callback).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, enabled: false, hiddenTopics: ["talks"] });

    await fakeBrowser.storage.local.remove("settings");
    expect(callback).toHaveBeenLastCalledWith(DEFAULT_SETTINGS);
    expect(callback).toHaveBeenCalledTimes(4);

    unwatch();
    await storeSettings(CUSTOM);
    expect(callback).toHaveBeenCalledTimes(4);
  });

  it("ignores changes to other values", async () => {
    const callback = vi.fn();
    watchSettings(callback);
    await fakeBrowser.storage.local.set({ other: 1 });
    await setTabState(1, STATE);
    expect(callback).not.toHaveBeenCalled();
  });
});

describe("tab state", () => {
  it("is null for a tab never recorded", async () => {
    expect(await getTabState(3)).toBeNull();
    expect(await getTabFrames(3)).toBeNull();
  });

  it("round-trips through storage.session, per tab, as the top frame's part", async () => {
    await setTabState(3, STATE);
    expect(await getTabState(3)).toEqual(viewOf(STATE));
    expect(await getTabState(4)).toBeNull();
    expect(await fakeBrowser.storage.session.get("tab-state:3")).toEqual({ "tab-state:3": STORED });
    expect(await fakeBrowser.storage.local.get()).toEqual({});
  });

  it("is removed by null", async () => {
    await setTabState(3, STATE);
    await setTabState(4, STATE);
    await setTabState(3, null);
    expect(await getTabState(3)).toBeNull();
    expect(await fakeBrowser.storage.session.get()).toEqual({ "tab-state:4": STORED });
  });

  it("is null when the stored value is corrupt", async () => {
    const corrupt = [
      "garbage",
      42,
      STATE, // a record of an older version, with no frames
      { ...STORED, url: 1 },
      { ...STORED, extra: true },
      { ...STORED, frames: { 0: { ...STATE, claims: [{}] } } },
      { ...STORED, frames: { top: STATE } },
      { ...STORED, frames: { "-1": STATE } },
    ];
    for (const value of corrupt) {
      await fakeBrowser.storage.session.set({ "tab-state:3": value });
      expect(await getTabState(3)).toBeNull();
      expect(await getTabFrames(3)).toBeNull();
    }
  });

  it("rejects an invalid state and stores nothing", async () => {
    const invalid = { ...STATE, article: { id: "Not A Slug", score: 0.5 } };
    await expect(setTabState(3, invalid)).rejects.toThrow();
    await expect(setFrameState(3, 2, STATE.url, invalid)).rejects.toThrow();
    expect(await fakeBrowser.storage.session.get()).toEqual({});
  });
});

describe("setFrameState", () => {
  const EMBED = { ...STATE, url: "https://embed.wire.example/story" };

  it("keeps each frame's part, and the tab's view counts each claim once", async () => {
    await expect(setFrameState(3, 5, STATE.url, EMBED)).resolves.toEqual(viewOf(EMBED, 5));
    await setFrameState(3, 0, STATE.url, STATE);
    expect(await getTabFrames(3)).toEqual({ url: STATE.url, frames: { 0: STATE, 5: EMBED } });
    // Both frames carry both claims: the top frame's are shown.
    expect(await getTabState(3)).toEqual(viewOf(STATE, 0));
  });

  it("removes one frame's part only, and the record with the last one", async () => {
    await setFrameState(3, 5, STATE.url, EMBED);
    await setFrameState(3, 7, STATE.url, STATE);
    await expect(setFrameState(3, 5, STATE.url, null)).resolves.toEqual(viewOf(STATE, 7));
    expect(await getTabFrames(3)).toEqual({ url: STATE.url, frames: { 7: STATE } });
    await expect(setFrameState(3, 7, STATE.url, null)).resolves.toBeNull();
    expect(await fakeBrowser.storage.session.get()).toEqual({});
  });

  it("loses no frame's report when frames report at once", async () => {
    await Promise.all([1, 2, 3, 4, 5].map((frameId) => setFrameState(3, frameId, STATE.url, EMBED)));
    expect(Object.keys((await getTabFrames(3))?.frames ?? {})).toEqual(["1", "2", "3", "4", "5"]);
    await Promise.all([
      setFrameState(3, 2, STATE.url, null),
      setFrameState(3, 4, STATE.url, null),
      setTabState(9, STATE),
    ]);
    expect(Object.keys((await getTabFrames(3))?.frames ?? {})).toEqual(["1", "3", "5"]);
  });

  it("replaces a corrupt record rather than failing", async () => {
    await fakeBrowser.storage.session.set({ "tab-state:3": "garbage" });
    await setFrameState(3, 2, STATE.url, EMBED);
    expect(await getTabFrames(3)).toEqual({ url: STATE.url, frames: { 2: EMBED } });
  });
});

describe("watchTabState", () => {
  it("reports the tab's state whenever it changes, until unwatched", async () => {
    const callback = vi.fn();
    const unwatch = watchTabState(3, callback);
    await setTabState(3, STATE);
    expect(callback).toHaveBeenLastCalledWith(viewOf(STATE));

    await fakeBrowser.storage.session.set({ "tab-state:3": { ...STORED, url: 1 } });
    expect(callback).toHaveBeenLastCalledWith(null);

    await setFrameState(3, 6, STATE.url, STATE);
    expect(callback).toHaveBeenLastCalledWith(viewOf(STATE, 6));
    await setTabState(3, null);
    expect(callback).toHaveBeenLastCalledWith(null);
    expect(callback).toHaveBeenCalledTimes(4);

    unwatch();
    await setTabState(3, STATE);
    expect(callback).toHaveBeenCalledTimes(4);
  });

  it("ignores other tabs", async () => {
    const callback = vi.fn();
    watchTabState(3, callback);
    await setTabState(4, STATE);
    await setTabState(30, STATE);
    expect(callback).not.toHaveBeenCalled();
  });
});

describe("trackedTabIds", () => {
  it("lists the tabs that have a state, and only those", async () => {
    expect(await trackedTabIds()).toEqual([]);
    await setTabState(4, STATE);
    await setTabState(12, STATE);
    await fakeBrowser.storage.session.set({ "report-subject:abc": {}, "tab-state:x": {} });
    expect((await trackedTabIds()).sort((a, b) => a - b)).toEqual([4, 12]);
    await setTabState(4, null);
    expect(await trackedTabIds()).toEqual([12]);
  });
});

describe("restrictStorageToExtension", () => {
  it("restricts storage.local to trusted contexts where the browser can", async () => {
    const setAccessLevel = vi.fn(async () => undefined);
    Object.assign(fakeBrowser.storage.local, { setAccessLevel });
    expect(await restrictStorageToExtension()).toBe(true);
    expect(setAccessLevel).toHaveBeenCalledExactlyOnceWith({ accessLevel: "TRUSTED_CONTEXTS" });
    delete (fakeBrowser.storage.local as { setAccessLevel?: unknown }).setAccessLevel;
  });

  it("says so, without failing, where the browser cannot", async () => {
    expect(await restrictStorageToExtension()).toBe(false);
    Object.assign(fakeBrowser.storage.local, { setAccessLevel: vi.fn(async () => Promise.reject(new Error("no"))) });
    expect(await restrictStorageToExtension()).toBe(false);
    delete (fakeBrowser.storage.local as { setAccessLevel?: unknown }).setAccessLevel;
  });
});

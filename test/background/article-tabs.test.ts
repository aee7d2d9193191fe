import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import {
  forgetFrame,
  forgetTab,
  handleArticleMessage,
  handleNavigation,
  injectOverlayCards,
} from "../../lib/background/article-tabs";
import { dataset } from "../../lib/dataset";
import { handOverlayStart, OVERLAY_START_KEY } from "../../lib/overlay/handed-start";
import type { TabState } from "../../lib/schema";
import { DEFAULT_SETTINGS } from "../../lib/settings";
import { getTabFrames, getTabState, setFrameState, setTabState, updateSettings } from "../../lib/storage";
import { VERDICTS } from "../../lib/verdicts";

const URL_OF_ARTICLE = "https://news.example/world/north-korea#top";

/** All claims of the dataset anchored on tab content at `url`. */
function fullState(url = URL_OF_ARTICLE): TabState {
  return {
    url,
    article: { id: dataset.article.id, score: 0.93 },
    claims: dataset.claims.map((claim) => ({ claimId: claim.id, match: "exact", score: 1 })),
  };
}

/** `state` as the tab's view shows it, found in frame `frameId` of a tab at `tabUrl`. */
function viewOf(state: TabState, frameId = 0, tabUrl = state.url) {
  return { ...state, url: tabUrl, claims: state.claims.map((claim) => ({ ...claim, frameId, frameUrl: state.url })) };
}

/** An embed's copy of the article, in an iframe of the tab, with the claims `claimIds`. */
function embedState(claimIds: string[]): TabState {
  return {
    url: "https://embed.wire.example/story",
    article: { id: dataset.article.id, score: 0.9 },
    claims: claimIds.map((claimId) => ({ claimId, match: "exact", score: 1 })),
  };
}

function stubBrowser() {
  return {
    executeScript: vi.spyOn(fakeBrowser.scripting, "executeScript").mockResolvedValue([]),
    setBadgeText: vi.spyOn(fakeBrowser.action, "setBadgeText").mockResolvedValue(undefined),
    setBadgeColor: vi.spyOn(fakeBrowser.action, "setBadgeBackgroundColor").mockResolvedValue(undefined),
  };
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe("handleArticleMessage", () => {
  it("injects the overlay into the top frame of the tab where the article was detected, and hands it its switches", async () => {
    const stubs = stubBrowser();
    await updateSettings((current) => ({ ...current, hiddenTopics: ["sanctions"] }));
    const message = { type: "article-detected", score: 0.8 } as const;
    await handleArticleMessage({ message, tabId: 4, frameId: 0, url: URL_OF_ARTICLE });
    // Both at once: the script does not wait for the stored switches to be read, nor they for the script.
    expect(stubs.executeScript.mock.calls).toEqual([
      [{ target: { tabId: 4, frameIds: [0] }, files: ["/content-scripts/overlay.js"] }],
      [
        {
          target: { tabId: 4, frameIds: [0] },
          func: handOverlayStart,
          args: [OVERLAY_START_KEY, { settings: { ...DEFAULT_SETTINGS, hiddenTopics: ["sanctions"] } }],
        },
      ],
    ]);
    expect(await getTabState(4)).toBeNull();
    expect(stubs.setBadgeText).not.toHaveBeenCalled();
  });

  it("injects the overlay into the iframe that carries the article, and only there", async () => {
    const stubs = stubBrowser();
    const message = { type: "article-detected", score: 0.8 } as const;
    await handleArticleMessage({ message, tabId: 4, frameId: 7, url: URL_OF_ARTICLE });
    expect(stubs.executeScript.mock.calls.map(([injection]) => injection.target)).toEqual([
      { tabId: 4, frameIds: [7] },
      { tabId: 4, frameIds: [7] },
    ]);
  });

  it("injects the overlay's markers and cards into the frame whose overlay asks, and says whether it could", async () => {
    const stubs = stubBrowser();
    const message = { type: "load-layer" } as const;
    await expect(injectOverlayCards({ message, tabId: 4, frameId: 7, url: URL_OF_ARTICLE })).resolves.toBe(true);
    expect(stubs.executeScript).toHaveBeenCalledExactlyOnceWith({
      target: { tabId: 4, frameIds: [7] },
      files: ["/content-scripts/overlay-cards.js"],
    });
    // The frame went meanwhile: nothing to inject into.
    stubs.executeScript.mockRejectedValueOnce(new Error("No frame with id 7 in tab 4."));
    await expect(injectOverlayCards({ message, tabId: 4, frameId: 7, url: URL_OF_ARTICLE })).resolves.toBe(false);
    // The message itself changes no state.
    await handleArticleMessage({ message, tabId: 4, frameId: 7, url: URL_OF_ARTICLE });
    expect(stubs.executeScript).toHaveBeenCalledTimes(2);
    expect(await getTabState(4)).toBeNull();
  });

  it("records what the overlay anchored and shows the badge", async () => {
    const stubs = stubBrowser();
    const state = fullState();
    await handleArticleMessage({ message: { type: "annotated", state }, tabId: 4, frameId: 0, url: URL_OF_ARTICLE });
    expect(await getTabState(4)).toEqual(viewOf(state));
    expect(await fakeBrowser.storage.session.get("tab-state:4")).toEqual({
      "tab-state:4": { url: URL_OF_ARTICLE, frames: { 0: state } },
    });
    expect(stubs.setBadgeText).toHaveBeenCalledExactlyOnceWith({ tabId: 4, text: "6" });
    expect(stubs.setBadgeColor).toHaveBeenCalledExactlyOnceWith({ tabId: 4, color: VERDICTS.inaccurate.color });
    expect(stubs.executeScript).not.toHaveBeenCalled();
  });

  it("records each frame's claims, and the badge counts a claim found in two frames once", async () => {
    const stubs = stubBrowser();
    const embed = embedState(["friday", "test-site"]); // accurate, inaccurate
    const annotated = (state: TabState, frameId: number) =>
      handleArticleMessage({ message: { type: "annotated", state }, tabId: 4, frameId, url: URL_OF_ARTICLE });
    await annotated(embed, 3);
    expect(stubs.setBadgeText).toHaveBeenLastCalledWith({ tabId: 4, text: "1" });
    expect(await getTabState(4)).toEqual(viewOf(embed, 3, URL_OF_ARTICLE));

    await annotated(fullState(), 8);
    expect(stubs.setBadgeText).toHaveBeenLastCalledWith({ tabId: 4, text: "6" });
    expect((await getTabState(4))?.claims).toHaveLength(dataset.claims.length);
    expect(Object.keys((await getTabFrames(4))?.frames ?? {})).toEqual(["3", "8"]);
  });

  it("forgets only the frame whose article is gone", async () => {
    const stubs = stubBrowser();
    await setFrameState(4, 0, URL_OF_ARTICLE, fullState());
    await setFrameState(4, 6, URL_OF_ARTICLE, embedState(["test-site"]));
    await handleArticleMessage({ message: { type: "article-gone" }, tabId: 4, frameId: 0, url: URL_OF_ARTICLE });
    expect(await getTabState(4)).toEqual(viewOf(embedState(["test-site"]), 6, URL_OF_ARTICLE));
    expect(stubs.setBadgeText).toHaveBeenLastCalledWith({ tabId: 4, text: "1" });
  });

  it("forgets the tab when the article is gone from its last frame", async () => {
    const stubs = stubBrowser();
    await setTabState(4, fullState());
    await setTabState(5, fullState());
    await handleArticleMessage({ message: { type: "article-gone" }, tabId: 4, frameId: 0, url: URL_OF_ARTICLE });
    expect(await getTabState(4)).toBeNull();
    expect(await fakeBrowser.storage.session.get("tab-state:4")).toEqual({});
    expect(await getTabState(5)).toEqual(viewOf(fullState()));
    expect(stubs.setBadgeText).toHaveBeenCalledExactlyOnceWith({ tabId: 4, text: "" });
  });
});

describe("forgetFrame", () => {
  it("clears one frame's part and updates the badge", async () => {
    const stubs = stubBrowser();
    await setFrameState(4, 2, URL_OF_ARTICLE, fullState());
    await setFrameState(4, 5, URL_OF_ARTICLE, embedState(["friday"]));
    await forgetFrame({ message: { type: "article-gone" }, tabId: 4, frameId: 2, url: URL_OF_ARTICLE });
    expect(Object.keys((await getTabFrames(4))?.frames ?? {})).toEqual(["5"]);
    // "friday" is accurate: nothing flagged is left.
    expect(stubs.setBadgeText).toHaveBeenCalledExactlyOnceWith({ tabId: 4, text: "" });
  });
});

describe("forgetTab", () => {
  it("clears the tab's state, every frame's part, and the badge", async () => {
    const stubs = stubBrowser();
    await setTabState(2, fullState());
    await setFrameState(2, 9, URL_OF_ARTICLE, embedState(["friday"]));
    await forgetTab(2);
    expect(await getTabState(2)).toBeNull();
    expect(stubs.setBadgeText).toHaveBeenCalledExactlyOnceWith({ tabId: 2, text: "" });
  });
});

describe("handleNavigation", () => {
  it("forgets the tab, every frame's part, when it navigates to another address", async () => {
    const stubs = stubBrowser();
    await setTabState(4, fullState());
    await setFrameState(4, 3, URL_OF_ARTICLE, embedState(["friday"]));
    await handleNavigation(4, "https://news.example/world/another-story");
    expect(await getTabState(4)).toBeNull();
    expect(stubs.setBadgeText).toHaveBeenCalledExactlyOnceWith({ tabId: 4, text: "" });
  });

  it("forgets the tab when only the query changes", async () => {
    stubBrowser();
    await setTabState(4, fullState("https://news.example/world/north-korea"));
    await handleNavigation(4, "https://news.example/world/north-korea?page=2");
    expect(await getTabState(4)).toBeNull();
  });

  it("keeps the state when only the fragment changes", async () => {
    const stubs = stubBrowser();
    await setTabState(4, fullState());
    await handleNavigation(4, "https://news.example/world/north-korea#claims");
    await handleNavigation(4, "https://news.example/world/north-korea");
    expect(await getTabState(4)).toEqual(viewOf(fullState()));
    expect(stubs.setBadgeText).not.toHaveBeenCalled();
  });

  it("does nothing for a tab without state", async () => {
    const stubs = stubBrowser();
    await setTabState(5, fullState());
    await handleNavigation(4, "https://elsewhere.example/");
    expect(stubs.setBadgeText).not.toHaveBeenCalled();
    expect(stubs.setBadgeColor).not.toHaveBeenCalled();
    expect(await fakeBrowser.storage.session.get()).toEqual({
      "tab-state:5": { url: URL_OF_ARTICLE, frames: { 0: fullState() } },
    });
  });
});

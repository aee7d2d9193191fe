import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { forgetTab, handleArticleMessage, handleNavigation } from "../../lib/background/article-tabs";
import { dataset } from "../../lib/dataset";
import type { TabState } from "../../lib/schema";
import { getTabState, setTabState } from "../../lib/storage";
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
  it("injects the overlay into the top frame of the tab where the article was detected", async () => {
    const stubs = stubBrowser();
    await handleArticleMessage({ message: { type: "article-detected", score: 0.8 }, tabId: 4, url: URL_OF_ARTICLE });
    expect(stubs.executeScript).toHaveBeenCalledExactlyOnceWith({
      target: { tabId: 4, frameIds: [0] },
      files: ["/content-scripts/overlay.js"],
    });
    expect(await getTabState(4)).toBeNull();
    expect(stubs.setBadgeText).not.toHaveBeenCalled();
  });

  it("records what the overlay anchored and shows the badge", async () => {
    const stubs = stubBrowser();
    const state = fullState();
    await handleArticleMessage({ message: { type: "annotated", state }, tabId: 4, url: URL_OF_ARTICLE });
    expect(await getTabState(4)).toEqual(state);
    expect(await fakeBrowser.storage.session.get("tab-state:4")).toEqual({ "tab-state:4": state });
    expect(stubs.setBadgeText).toHaveBeenCalledExactlyOnceWith({ tabId: 4, text: "6" });
    expect(stubs.setBadgeColor).toHaveBeenCalledExactlyOnceWith({ tabId: 4, color: VERDICTS.inaccurate.color });
    expect(stubs.executeScript).not.toHaveBeenCalled();
  });

  it("forgets the tab when the article is gone", async () => {
    const stubs = stubBrowser();
    await setTabState(4, fullState());
    await setTabState(5, fullState());
    await handleArticleMessage({ message: { type: "article-gone" }, tabId: 4, url: URL_OF_ARTICLE });
    expect(await getTabState(4)).toBeNull();
    expect(await fakeBrowser.storage.session.get("tab-state:4")).toEqual({});
    expect(await getTabState(5)).toEqual(fullState());
    expect(stubs.setBadgeText).toHaveBeenCalledExactlyOnceWith({ tabId: 4, text: "" });
  });
});

describe("forgetTab", () => {
  it("clears the tab's state and badge", async () => {
    const stubs = stubBrowser();
    await setTabState(2, fullState());
    await forgetTab(2);
    expect(await getTabState(2)).toBeNull();
    expect(stubs.setBadgeText).toHaveBeenCalledExactlyOnceWith({ tabId: 2, text: "" });
  });
});

describe("handleNavigation", () => {
  it("forgets the tab when it navigates to another address", async () => {
    const stubs = stubBrowser();
    await setTabState(4, fullState());
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
    expect(await getTabState(4)).toEqual(fullState());
    expect(stubs.setBadgeText).not.toHaveBeenCalled();
  });

  it("does nothing for a tab without state", async () => {
    const stubs = stubBrowser();
    await setTabState(5, fullState());
    await handleNavigation(4, "https://elsewhere.example/");
    expect(stubs.setBadgeText).not.toHaveBeenCalled();
    expect(stubs.setBadgeColor).not.toHaveBeenCalled();
    expect(await fakeBrowser.storage.session.get()).toEqual({ "tab-state:5": fullState() });
  });
});

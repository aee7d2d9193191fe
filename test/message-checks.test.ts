import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { acceptRuntimeMessage, acceptTabMessage } from "../lib/message-checks";
import type { TabState } from "../lib/schema";
import { contentScriptSender, popupSender, SENDER_PAGE } from "./helpers";

const STATE: TabState = {
  url: SENDER_PAGE,
  article: { id: "north-korea-military-might", score: 0.9 },
  claims: [
    { claimId: "test-site", match: "exact", score: 1 },
    { claimId: "meetings-count", match: "fuzzy", score: 0.82 },
  ],
};

/** An "annotated" message whose state carries `claims`. */
function annotatedWith(claims: unknown[]) {
  return { type: "annotated", state: { ...STATE, claims } };
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe("acceptRuntimeMessage", () => {
  it("accepts each message from this extension's content script in any frame of a tab, with its tab and frame", () => {
    for (const message of [
      { type: "article-detected", score: 0.75 },
      { type: "annotated", state: STATE },
      { type: "article-gone" },
      { type: "get-cards" },
      { type: "open-how-we-check" },
    ]) {
      expect(acceptRuntimeMessage(message, contentScriptSender())).toEqual({
        message,
        tabId: 7,
        frameId: 0,
        url: SENDER_PAGE,
      });
      // The article may sit in an iframe: its detector and overlay speak from there.
      const framed = contentScriptSender({ frameId: 12, url: "https://embed.wire.example/story" });
      expect(acceptRuntimeMessage(message, framed)).toEqual({ message, tabId: 7, frameId: 12, url: SENDER_PAGE });
    }
  });

  it("takes the address from the tab, else from the sender, else empty", () => {
    const message = { type: "article-gone" };
    const frameUrl = "https://news.example/frame";
    expect(acceptRuntimeMessage(message, contentScriptSender({ url: frameUrl }))?.url).toBe(SENDER_PAGE);
    expect(acceptRuntimeMessage(message, contentScriptSender({ tab: { id: 7 }, url: frameUrl }))?.url).toBe(frameUrl);
    expect(acceptRuntimeMessage(message, contentScriptSender({ tab: { id: 7 }, url: undefined }))?.url).toBe("");
  });

  it("rejects messages from other extensions or without an id", () => {
    const message = { type: "article-detected", score: 0.9 };
    expect(acceptRuntimeMessage(message, contentScriptSender({ id: "another-extension" }))).toBeNull();
    expect(acceptRuntimeMessage(message, contentScriptSender({ id: undefined }))).toBeNull();
  });

  it("rejects messages not from a frame of a tab", () => {
    const message = { type: "article-detected", score: 0.9 };
    expect(acceptRuntimeMessage(message, popupSender())).toBeNull();
    const page = `chrome-extension://${fakeBrowser.runtime.id}/popup.html?tabId=7`;
    expect(
      acceptRuntimeMessage(message, { ...popupSender(), url: page, tab: { id: 9, url: page }, frameId: 0 }),
    ).toBeNull();
    expect(acceptRuntimeMessage(message, contentScriptSender({ tab: { url: SENDER_PAGE } }))).toBeNull();
    expect(acceptRuntimeMessage(message, contentScriptSender({ tab: { id: -1, url: SENDER_PAGE } }))).toBeNull();
    for (const frameId of [undefined, -1, 1.5, Number.NaN])
      expect(acceptRuntimeMessage(message, contentScriptSender({ frameId }))).toBeNull();
  });

  it.each([
    ["not an object", "article-gone"],
    ["null", null],
    ["an unknown type", { type: "show-claim", claimId: "test-site" }],
    ["a report request", { type: "submit-report", draft: {} }],
    ["no type", { score: 0.5 }],
    ["an extra key", { type: "article-gone", tabId: 3 }],
    ["a page to open named by the page", { type: "open-how-we-check", url: "https://evil.example/" }],
    ["a score above 1", { type: "article-detected", score: 1.2 }],
    ["a negative score", { type: "article-detected", score: -0.1 }],
    ["a score that is not a number", { type: "article-detected", score: "0.9" }],
    ["no state", { type: "annotated" }],
    ["a claim id that is not a slug", annotatedWith([{ claimId: "Test Site", match: "exact", score: 1 }])],
    ["an unknown match kind", annotatedWith([{ claimId: "test-site", match: "close", score: 1 }])],
    ["a claim without a score", annotatedWith([{ claimId: "test-site", match: "exact" }])],
    ["a claim with an extra key", annotatedWith([{ ...STATE.claims[0], verdict: "accurate" }])],
    ["an article score above 1", { type: "annotated", state: { ...STATE, article: { id: "x", score: 2 } } }],
  ])("rejects a message with %s", (_, message) => {
    expect(acceptRuntimeMessage(message, contentScriptSender())).toBeNull();
  });
});

describe("acceptTabMessage", () => {
  it("accepts show-claim and step-claim from this extension's pages and background", () => {
    expect(acceptTabMessage({ type: "show-claim", claimId: "test-site" }, popupSender())).toEqual({
      type: "show-claim",
      claimId: "test-site",
    });
    expect(acceptTabMessage({ type: "step-claim", direction: "next" }, { id: fakeBrowser.runtime.id })).toEqual({
      type: "step-claim",
      direction: "next",
    });
    expect(acceptTabMessage({ type: "step-claim", direction: "previous" }, popupSender())).toEqual({
      type: "step-claim",
      direction: "previous",
    });
  });

  it("accepts the settings from the background", () => {
    const settings = {
      enabled: false,
      disabledSites: ["a.example"],
      hiddenTopics: [],
      hiddenVerdicts: ["accurate"],
      language: "ko",
    };
    expect(acceptTabMessage({ type: "settings", settings }, { id: fakeBrowser.runtime.id })).toEqual({
      type: "settings",
      settings,
    });
    expect(
      acceptTabMessage({ type: "settings", settings: { enabled: "no" } }, { id: fakeBrowser.runtime.id }),
    ).toBeNull();
  });

  it("accepts this extension's page shown in a tab's top frame (Firefox names the tab of the popup opened as a page)", () => {
    const url = `chrome-extension://${fakeBrowser.runtime.id}/popup.html?tabId=7`;
    const asPage = { ...popupSender(), url, tab: { id: 40, url }, frameId: 0 };
    expect(acceptTabMessage({ type: "show-claim", claimId: "test-site" }, asPage)).toEqual({
      type: "show-claim",
      claimId: "test-site",
    });
    // Not when framed by a web page, nor in another tab's frame.
    expect(acceptTabMessage({ type: "show-claim", claimId: "test-site" }, { ...asPage, frameId: 2 })).toBeNull();
    expect(
      acceptTabMessage({ type: "show-claim", claimId: "test-site" }, { ...asPage, tab: { id: 7, url: SENDER_PAGE } }),
    ).toBeNull();
  });

  it("rejects anything sent from a content script, even this extension's", () => {
    expect(acceptTabMessage({ type: "show-claim", claimId: "test-site" }, contentScriptSender())).toBeNull();
    expect(acceptTabMessage({ type: "step-claim", direction: "next" }, { ...popupSender(), tab: {} })).toBeNull();
  });

  it("rejects other extensions and senders without an id", () => {
    const message = { type: "step-claim", direction: "next" };
    expect(acceptTabMessage(message, { id: "another-extension" })).toBeNull();
    expect(acceptTabMessage(message, {})).toBeNull();
  });

  it.each([
    ["not an object", "step-claim"],
    ["an unknown type", { type: "article-gone" }],
    ["a claim id that is not a slug", { type: "show-claim", claimId: "Test Site" }],
    ["no claim id", { type: "show-claim" }],
    ["an unknown direction", { type: "step-claim", direction: "up" }],
    ["an extra key", { type: "step-claim", direction: "next", repeat: 2 }],
  ])("rejects a message with %s", (_, message) => {
    expect(acceptTabMessage(message, popupSender())).toBeNull();
  });
});

import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import {
  acceptPageMessage,
  acceptRuntimeMessage,
  acceptTabMessage,
  askBackground,
  type MessageSender,
  sendToBackground,
  sendToTab,
} from "../lib/messaging";
import type { TabState } from "../lib/schema";

const PAGE = "https://news.example/world/north-korea";

const STATE: TabState = {
  url: PAGE,
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

/** This extension's content script in the top frame of tab 7. */
function contentScript(overrides: Partial<MessageSender> = {}): MessageSender {
  return { id: fakeBrowser.runtime.id, tab: { id: 7, url: PAGE }, frameId: 0, url: PAGE, ...overrides };
}

/** This extension's popup (no tab). */
function popup(): MessageSender {
  return { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/popup.html` };
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe("acceptRuntimeMessage", () => {
  it("accepts each message from this extension's content script in a top frame, with its tab", () => {
    for (const message of [
      { type: "article-detected", score: 0.75 },
      { type: "annotated", state: STATE },
      { type: "article-gone" },
    ]) {
      expect(acceptRuntimeMessage(message, contentScript())).toEqual({ message, tabId: 7, url: PAGE });
    }
  });

  it("takes the address from the tab, else from the sender, else empty", () => {
    const message = { type: "article-gone" };
    const frameUrl = "https://news.example/frame";
    expect(acceptRuntimeMessage(message, contentScript({ url: frameUrl }))?.url).toBe(PAGE);
    expect(acceptRuntimeMessage(message, contentScript({ tab: { id: 7 }, url: frameUrl }))?.url).toBe(frameUrl);
    expect(acceptRuntimeMessage(message, contentScript({ tab: { id: 7 }, url: undefined }))?.url).toBe("");
  });

  it("rejects messages from other extensions or without an id", () => {
    const message = { type: "article-detected", score: 0.9 };
    expect(acceptRuntimeMessage(message, contentScript({ id: "another-extension" }))).toBeNull();
    expect(acceptRuntimeMessage(message, contentScript({ id: undefined }))).toBeNull();
  });

  it("rejects messages not from a tab's top frame", () => {
    const message = { type: "article-detected", score: 0.9 };
    expect(acceptRuntimeMessage(message, popup())).toBeNull();
    expect(acceptRuntimeMessage(message, contentScript({ tab: { url: PAGE } }))).toBeNull();
    expect(acceptRuntimeMessage(message, contentScript({ tab: { id: -1, url: PAGE } }))).toBeNull();
    expect(acceptRuntimeMessage(message, contentScript({ frameId: 3 }))).toBeNull();
    expect(acceptRuntimeMessage(message, contentScript({ frameId: undefined }))).toBeNull();
  });

  it.each([
    ["not an object", "article-gone"],
    ["null", null],
    ["an unknown type", { type: "show-claim", claimId: "test-site" }],
    ["no type", { score: 0.5 }],
    ["an extra key", { type: "article-gone", tabId: 3 }],
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
    expect(acceptRuntimeMessage(message, contentScript())).toBeNull();
  });
});

describe("acceptTabMessage", () => {
  it("accepts show-claim and step-claim from this extension's pages and background", () => {
    expect(acceptTabMessage({ type: "show-claim", claimId: "test-site" }, popup())).toEqual({
      type: "show-claim",
      claimId: "test-site",
    });
    expect(acceptTabMessage({ type: "step-claim", direction: "next" }, { id: fakeBrowser.runtime.id })).toEqual({
      type: "step-claim",
      direction: "next",
    });
    expect(acceptTabMessage({ type: "step-claim", direction: "previous" }, popup())).toEqual({
      type: "step-claim",
      direction: "previous",
    });
  });

  it("rejects anything sent from a content script, even this extension's", () => {
    expect(acceptTabMessage({ type: "show-claim", claimId: "test-site" }, contentScript())).toBeNull();
    expect(acceptTabMessage({ type: "step-claim", direction: "next" }, { ...popup(), tab: {} })).toBeNull();
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
    expect(acceptTabMessage(message, popup())).toBeNull();
  });
});

describe("acceptPageMessage", () => {
  const ID = "5d5f3c7e-8d1b-4a57-b0d2-7c9d4e6f1a22";
  const origin = () => `chrome-extension://${fakeBrowser.runtime.id}/`;
  const page = (path: string): MessageSender => ({ id: fakeBrowser.runtime.id, url: `${origin()}${path}` });
  const MESSAGES = [
    { type: "submit-report", draft: { anything: "the outbox validates it" } },
    { type: "retry-report", id: ID },
    { type: "delete-report", id: ID },
    { type: "capture-selection", tabId: 12 },
  ];

  it("accepts each message from this extension's pages", () => {
    for (const path of ["popup.html?tabId=3", "report.html?selection=abc&tabId=3", "options.html"])
      for (const message of MESSAGES) expect(acceptPageMessage(message, page(path))).toEqual(message);
  });

  it("accepts this extension's pages opened in a tab (popup as a page, report window, options tab)", () => {
    for (const path of ["popup.html?tabId=3", "report.html?selection=abc&tabId=3", "options.html"]) {
      const url = `${origin()}${path}`;
      for (const message of MESSAGES)
        expect(acceptPageMessage(message, { ...page(path), tab: { id: 9, url }, frameId: 0 })).toEqual(message);
    }
    // Not in a subframe of that tab.
    const url = `${origin()}options.html`;
    expect(acceptPageMessage(MESSAGES[1], { ...page("options.html"), tab: { id: 9, url }, frameId: 3 })).toBeNull();
  });

  it("accepts this extension's pages shown in a tab of their own (popup opened as a page, report window, options)", () => {
    for (const path of ["popup.html?tabId=3", "report.html?selection=abc&tabId=3", "options.html"]) {
      const sender = { ...page(path), frameId: 0, tab: { id: 40, url: `${origin()}${path}` } };
      for (const message of MESSAGES) expect(acceptPageMessage(message, sender)).toEqual(message);
    }
  });

  it("rejects an extension page framed in a web page's tab", () => {
    const framed = { ...page("popup.html"), frameId: 2, tab: { id: 7, url: PAGE } };
    expect(acceptPageMessage(MESSAGES[2], framed)).toBeNull();
    expect(acceptPageMessage(MESSAGES[2], { ...framed, frameId: 0 })).toBeNull();
    const ownTabSubframe = { ...page("popup.html"), frameId: 1, tab: { id: 40, url: `${origin()}options.html` } };
    expect(acceptPageMessage(MESSAGES[2], ownTabSubframe)).toBeNull();
  });

  it("rejects this extension's content scripts, even with a message a page may send", () => {
    for (const message of MESSAGES) expect(acceptPageMessage(message, contentScript())).toBeNull();
    // Even were its frame's address the extension's, its tab shows a web page.
    expect(acceptPageMessage(MESSAGES[0], contentScript({ url: `${origin()}popup.html` }))).toBeNull();
  });

  it("rejects other extensions and senders without an id or address", () => {
    const other = "abcdefghijklmnopabcdefghijklmnop";
    expect(acceptPageMessage(MESSAGES[1], { ...page("popup.html"), id: other })).toBeNull();
    expect(acceptPageMessage(MESSAGES[1], { id: other, url: `chrome-extension://${other}/popup.html` })).toBeNull();
    expect(acceptPageMessage(MESSAGES[1], { url: `${origin()}popup.html` })).toBeNull();
    expect(acceptPageMessage(MESSAGES[1], { id: fakeBrowser.runtime.id })).toBeNull();
    expect(acceptPageMessage(MESSAGES[1], {})).toBeNull();
  });

  it("rejects addresses outside the extension's origin", () => {
    for (const url of [
      PAGE,
      `chrome-extension://${fakeBrowser.runtime.id}`,
      `chrome-extension://${fakeBrowser.runtime.id}.evil.example/popup.html`,
      `https://evil.example/chrome-extension://${fakeBrowser.runtime.id}/popup.html`,
    ])
      expect(acceptPageMessage(MESSAGES[1], { id: fakeBrowser.runtime.id, url }), url).toBeNull();
  });

  it.each([
    ["not an object", "submit-report"],
    ["null", null],
    ["a runtime message of the content scripts", { type: "article-gone" }],
    ["an unknown type", { type: "send-all" }],
    ["no draft key at all", { type: "submit-report", extra: 1 }],
    ["an id that is not a UUID", { type: "retry-report", id: "1" }],
    ["no id", { type: "delete-report" }],
    ["an extra key", { type: "delete-report", id: "5d5f3c7e-8d1b-4a57-b0d2-7c9d4e6f1a22", all: true }],
    ["a negative tab id", { type: "capture-selection", tabId: -1 }],
    ["a tab id that is not an integer", { type: "capture-selection", tabId: 1.5 }],
    ["a tab id that is a string", { type: "capture-selection", tabId: "12" }],
  ])("rejects a message with %s", (_, message) => {
    expect(acceptPageMessage(message, page("popup.html"))).toBeNull();
  });
});

describe("askBackground", () => {
  it("sends the message to the background and returns its answer", async () => {
    const listener = vi.fn(async (_message: unknown) => ({ ok: false, errors: { comment: "required" } }));
    fakeBrowser.runtime.onMessage.addListener(listener);
    const message = { type: "submit-report" as const, draft: {} };
    await expect(askBackground(message)).resolves.toEqual({ ok: false, errors: { comment: "required" } });
    expect(listener).toHaveBeenCalledOnce();
    expect(listener.mock.calls[0][0]).toEqual(message);
  });

  it("rejects when the background cannot be reached", async () => {
    await expect(askBackground({ type: "delete-report", id: crypto.randomUUID() })).rejects.toThrow();
  });
});

describe("sendToBackground", () => {
  it("delivers the message to the background's listener", async () => {
    const listener = vi.fn();
    fakeBrowser.runtime.onMessage.addListener(listener);
    await sendToBackground({ type: "article-detected", score: 0.9 });
    expect(listener).toHaveBeenCalledOnce();
    expect(listener.mock.calls[0][0]).toEqual({ type: "article-detected", score: 0.9 });
  });

  it("resolves even when nobody listens", async () => {
    await expect(fakeBrowser.runtime.sendMessage({ type: "article-gone" })).rejects.toThrow();
    await expect(sendToBackground({ type: "article-gone" })).resolves.toBeUndefined();
  });

  it("resolves even when sending fails", async () => {
    const send = vi
      .spyOn(fakeBrowser.runtime, "sendMessage")
      .mockRejectedValue(new Error("Extension context invalidated."));
    await expect(sendToBackground({ type: "article-gone" })).resolves.toBeUndefined();
    expect(send).toHaveBeenCalledExactlyOnceWith({ type: "article-gone" });
  });
});

describe("sendToTab", () => {
  it("sends to the tab's top frame and reports delivery", async () => {
    const send = vi.spyOn(fakeBrowser.tabs, "sendMessage").mockResolvedValue(undefined);
    await expect(sendToTab(5, { type: "show-claim", claimId: "pronoun" })).resolves.toBe(true);
    expect(send).toHaveBeenCalledExactlyOnceWith(5, { type: "show-claim", claimId: "pronoun" }, { frameId: 0 });
  });

  it("returns false when no overlay receives the message", async () => {
    vi.spyOn(fakeBrowser.tabs, "sendMessage").mockRejectedValue(
      new Error("Could not establish connection. Receiving end does not exist."),
    );
    await expect(sendToTab(5, { type: "step-claim", direction: "next" })).resolves.toBe(false);
  });
});

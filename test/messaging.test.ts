import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { isOwnPageOrBackground, senderContext, sendToBackground, sendToTab } from "../lib/messaging";
import { contentScriptSender, popupSender, SENDER_PAGE } from "./helpers";

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe("senderContext", () => {
  const origin = () => `chrome-extension://${fakeBrowser.runtime.id}/`;

  it("knows this extension's pages: the toolbar popup, and pages shown in a tab of their own", () => {
    expect(senderContext(popupSender())).toBe("page");
    const url = `${origin()}report.html?subject=abc`;
    expect(senderContext({ id: fakeBrowser.runtime.id, url, tab: { id: 40, url }, frameId: 0 })).toBe("page");
  });

  it("knows this extension's content scripts, in any frame of a web page's tab", () => {
    expect(senderContext(contentScriptSender())).toBe("content-script");
    expect(senderContext(contentScriptSender({ frameId: 2 }))).toBe("content-script");
  });

  it("refuses an extension page framed in a web page, other extensions and senders without an id", () => {
    expect(senderContext({ ...popupSender(), frameId: 2, tab: { id: 7, url: SENDER_PAGE } })).toBeNull();
    expect(senderContext({ ...popupSender(), frameId: 0, tab: { id: 7, url: SENDER_PAGE } })).toBeNull();
    expect(senderContext(contentScriptSender({ id: "another-extension" }))).toBeNull();
    expect(senderContext({ url: `${origin()}popup.html` })).toBeNull();
    expect(senderContext({ id: fakeBrowser.runtime.id })).toBeNull();
  });
});

describe("isOwnPageOrBackground", () => {
  it("is true for this extension's pages and background, false for its content scripts and anyone else", () => {
    expect(isOwnPageOrBackground(popupSender())).toBe(true);
    expect(isOwnPageOrBackground({ id: fakeBrowser.runtime.id })).toBe(true);
    expect(isOwnPageOrBackground(contentScriptSender())).toBe(false);
    expect(isOwnPageOrBackground({ id: "another-extension" })).toBe(false);
    expect(isOwnPageOrBackground({})).toBe(false);
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

  it("returns the background's answer", async () => {
    fakeBrowser.runtime.onMessage.addListener(async () => ({ enabled: false }));
    await expect(sendToBackground({ type: "get-cards" })).resolves.toEqual({ enabled: false });
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

  it("sends to the frame it is given: the overlay of an iframe that carries the article", async () => {
    const send = vi.spyOn(fakeBrowser.tabs, "sendMessage").mockResolvedValue(undefined);
    await expect(sendToTab(5, { type: "show-claim", claimId: "pronoun" }, 4)).resolves.toBe(true);
    expect(send).toHaveBeenCalledExactlyOnceWith(5, { type: "show-claim", claimId: "pronoun" }, { frameId: 4 });
  });

  it("returns false when no overlay receives the message", async () => {
    vi.spyOn(fakeBrowser.tabs, "sendMessage").mockRejectedValue(
      new Error("Could not establish connection. Receiving end does not exist."),
    );
    await expect(sendToTab(5, { type: "step-claim", direction: "next" })).resolves.toBe(false);
  });
});

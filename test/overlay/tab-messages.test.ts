/**
 * The overlay's tab messages: heard from the start, checked against their
 * sender on arrival and against their schema by the reader the second
 * script brings, handed on, and no longer heard once the script is gone.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import type { ContentScriptContext as WxtContext } from "wxt/utils/content-script-context";
import { ContentScriptContext } from "../../lib/browser/overlay-content-script-context";
import { acceptTabMessage } from "../../lib/message-checks";
import { listenToTabMessages, type TabMessageListener } from "../../lib/overlay/tab-messages";
import { DEFAULT_SETTINGS } from "../../lib/settings";

describe("listenToTabMessages", () => {
  let ctx: ContentScriptContext;
  let listener: TabMessageListener;
  const handlers = { showClaim: vi.fn(), stepClaim: vi.fn(), applySettings: vi.fn() };
  const fromExtension = { id: fakeBrowser.runtime.id };
  const send = (message: unknown, sender: object = fromExtension) =>
    fakeBrowser.runtime.onMessage.trigger(message, sender as never);

  beforeEach(() => {
    fakeBrowser.reset();
    for (const handler of Object.values(handlers)) handler.mockReset();
    ctx = new ContentScriptContext();
    listener = listenToTabMessages(ctx as unknown as WxtContext, handlers);
  });

  it("hands on each message from the extension's pages and background", async () => {
    listener.readWith(acceptTabMessage);
    await send({ type: "show-claim", claimId: "pronoun" });
    await send({ type: "step-claim", direction: "previous" });
    await send({ type: "settings", settings: DEFAULT_SETTINGS });
    expect(handlers.showClaim).toHaveBeenCalledWith("pronoun");
    expect(handlers.stepClaim).toHaveBeenCalledWith("previous");
    expect(handlers.applySettings).toHaveBeenCalledWith(DEFAULT_SETTINGS);
  });

  it("ignores messages from a content script, another extension, or off the schema", async () => {
    listener.readWith(acceptTabMessage);
    await send({ type: "show-claim", claimId: "pronoun" }, { id: fakeBrowser.runtime.id, tab: { id: 3 } });
    await send({ type: "show-claim", claimId: "pronoun" }, { id: "another-extension" });
    await send({ type: "step-claim", direction: "sideways" });
    await send({ type: "settings", settings: { enabled: "maybe" } });
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
  });

  it("keeps what comes before its reader, then reads it in order: the sender checked on arrival", async () => {
    const switches = { ...DEFAULT_SETTINGS, hiddenTopics: ["sanctions" as const] };
    await send({ type: "settings", settings: DEFAULT_SETTINGS });
    await send({ type: "settings", settings: switches });
    await send({ type: "show-claim", claimId: "pronoun" }, { id: "another-extension" });
    await send({ type: "settings", settings: { enabled: "maybe" } });
    expect(handlers.applySettings).not.toHaveBeenCalled();
    const reader = vi.fn(acceptTabMessage);
    listener.readWith(reader);
    // Another extension's message was never kept; the malformed one is read, and dropped.
    expect(reader).toHaveBeenCalledTimes(3);
    expect(handlers.applySettings.mock.calls).toEqual([[DEFAULT_SETTINGS], [switches]]);
    expect(handlers.showClaim).not.toHaveBeenCalled();
  });

  it("keeps only the latest messages while its reader is not there", async () => {
    for (let step = 0; step < 40; step++) await send({ type: "step-claim", direction: "next" });
    await send({ type: "show-claim", claimId: "pronoun" });
    listener.readWith(acceptTabMessage);
    expect(handlers.stepClaim.mock.calls.length).toBeLessThan(40);
    expect(handlers.showClaim).toHaveBeenCalledExactlyOnceWith("pronoun");
  });

  it("stops listening with its context", async () => {
    listener.readWith(acceptTabMessage);
    ctx.notifyInvalidated();
    await send({ type: "show-claim", claimId: "pronoun" });
    expect(handlers.showClaim).not.toHaveBeenCalled();
  });
});

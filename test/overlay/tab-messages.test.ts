/**
 * The overlay's tab messages: checked on arrival, handed on, and no longer
 * heard once the script is gone.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import type { ContentScriptContext as WxtContext } from "wxt/utils/content-script-context";
import { ContentScriptContext } from "../../lib/browser/overlay-content-script-context";
import { listenToTabMessages } from "../../lib/overlay/tab-messages";
import { DEFAULT_SETTINGS } from "../../lib/settings";

describe("listenToTabMessages", () => {
  let ctx: ContentScriptContext;
  const handlers = { showClaim: vi.fn(), stepClaim: vi.fn(), applySettings: vi.fn() };
  const fromExtension = { id: fakeBrowser.runtime.id };
  const send = (message: unknown, sender: object = fromExtension) =>
    fakeBrowser.runtime.onMessage.trigger(message, sender as never);

  beforeEach(() => {
    fakeBrowser.reset();
    for (const handler of Object.values(handlers)) handler.mockReset();
    ctx = new ContentScriptContext();
    listenToTabMessages(ctx as unknown as WxtContext, handlers);
  });

  it("hands on each message from the extension's pages and background", async () => {
    await send({ type: "show-claim", claimId: "pronoun" });
    await send({ type: "step-claim", direction: "previous" });
    await send({ type: "settings", settings: DEFAULT_SETTINGS });
    expect(handlers.showClaim).toHaveBeenCalledWith("pronoun");
    expect(handlers.stepClaim).toHaveBeenCalledWith("previous");
    expect(handlers.applySettings).toHaveBeenCalledWith(DEFAULT_SETTINGS);
  });

  it("ignores messages from a content script, another extension, or off the schema", async () => {
    await send({ type: "show-claim", claimId: "pronoun" }, { id: fakeBrowser.runtime.id, tab: { id: 3 } });
    await send({ type: "show-claim", claimId: "pronoun" }, { id: "another-extension" });
    await send({ type: "step-claim", direction: "sideways" });
    await send({ type: "settings", settings: { enabled: "maybe" } });
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
  });

  it("stops listening with its context", async () => {
    ctx.notifyInvalidated();
    await send({ type: "show-claim", claimId: "pronoun" });
    expect(handlers.showClaim).not.toHaveBeenCalled();
  });
});

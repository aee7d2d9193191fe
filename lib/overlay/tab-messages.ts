/**
 * The overlay's side of the tab messages: "show-claim" (the popup's "Show
 * in page"), "step-claim" (the next and previous claim commands) and
 * "settings" (the switches, relayed live by the background). Each is
 * checked on arrival (`acceptTabMessage`: the schema, and only the
 * extension's own pages and background as sender), then handed on.
 */
import { browser } from "wxt/browser";
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import { acceptTabMessage, type MessageSender } from "../messaging";
import type { Settings, TabMessage } from "../schema";

/** What the overlay does on each tab message. */
export interface TabMessageHandlers {
  showClaim(claimId: Extract<TabMessage, { type: "show-claim" }>["claimId"]): void;
  stepClaim(direction: Extract<TabMessage, { type: "step-claim" }>["direction"]): void;
  applySettings(settings: Settings): void;
}

/** Listens for the tab messages until `ctx` is invalidated. */
export function listenToTabMessages(ctx: ContentScriptContext, handlers: TabMessageHandlers): void {
  const onMessage = (raw: unknown, sender: MessageSender) => {
    const message = acceptTabMessage(raw, sender);
    if (!message) return;
    if (message.type === "show-claim") handlers.showClaim(message.claimId);
    else if (message.type === "step-claim") handlers.stepClaim(message.direction);
    else handlers.applySettings(message.settings);
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}

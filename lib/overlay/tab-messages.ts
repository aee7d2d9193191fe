/**
 * The overlay's side of the tab messages: "show-claim" (the popup's "Show
 * in page"), "step-claim" (the next and previous claim commands) and
 * "settings" (the switches, relayed live by the background). Listened to
 * from the start; each is checked on arrival against its sender (only the
 * extension's own pages and background), then against its schema by the
 * reader the second script brings with the markers (`acceptTabMessage`,
 * lib/overlay/layer-kit.ts), and handed on. Those that come before the
 * reader wait for it: switches changed while the article is still
 * completing apply once it is shown.
 */
import { browser } from "wxt/browser";
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import { isOwnPageOrBackground, type MessageSender } from "../messaging";
import type { Settings, TabMessage } from "../schema";

/** What the overlay does on each tab message. */
export interface TabMessageHandlers {
  showClaim(claimId: Extract<TabMessage, { type: "show-claim" }>["claimId"]): void;
  stepClaim(direction: Extract<TabMessage, { type: "step-claim" }>["direction"]): void;
  applySettings(settings: Settings): void;
}

/** Checks a received tab message: the message, or null when it is not one. */
export type TabMessageReader = (raw: unknown, sender: MessageSender) => TabMessage | null;

/** The listener, waiting for its reader. */
export interface TabMessageListener {
  /** Reads the messages with `reader` from now on, those that came before it first, in order. */
  readWith(reader: TabMessageReader): void;
}

/**
 * Most messages kept while the reader is not there yet (it comes with the
 * markers, once the article is shown: tens of milliseconds after the
 * overlay starts, or later when the article completes late): beyond, the
 * oldest go.
 */
const MAX_WAITING = 16;

/** Listens for the tab messages until `ctx` is invalidated. */
export function listenToTabMessages(ctx: ContentScriptContext, handlers: TabMessageHandlers): TabMessageListener {
  let read: TabMessageReader | undefined;
  const waiting: [unknown, MessageSender][] = [];
  const handle = (raw: unknown, sender: MessageSender, reader: TabMessageReader) => {
    const message = reader(raw, sender);
    if (!message) return;
    if (message.type === "show-claim") handlers.showClaim(message.claimId);
    else if (message.type === "step-claim") handlers.stepClaim(message.direction);
    else handlers.applySettings(message.settings);
  };
  const onMessage = (raw: unknown, sender: MessageSender) => {
    if (!isOwnPageOrBackground(sender)) return;
    if (read) handle(raw, sender, read);
    else if (waiting.push([raw, sender]) > MAX_WAITING) waiting.shift();
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  return {
    readWith(reader) {
      read = reader;
      for (const [raw, sender] of waiting.splice(0)) handle(raw, sender, reader);
    },
  };
}

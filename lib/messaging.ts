/**
 * The message protocol of the annotations (schemas in `schema.ts`): runtime
 * messages go to the background, tab messages to the overlay. Here: sending
 * them, and telling who sent one; receivers check every message against its
 * schema and its sender (`message-checks.ts`), and ignore anything else.
 * Reporting has its own (lib/reports/protocol.ts). Without zod, so that the
 * overlay's first script, which sends messages but reads the ones it
 * receives only once its second script is there, carries no schema.
 */
import { browser } from "wxt/browser";
import type { RuntimeMessage, TabMessage } from "./schema";

/** Who sent a message, as the browser reports it. */
export interface MessageSender {
  id?: string;
  tab?: { id?: number; url?: string; title?: string };
  frameId?: number;
  url?: string;
}

/**
 * Which of this extension's contexts sent a message: one of its own pages
 * (popup, report window, options: an address inside the extension, and
 * either no tab (the toolbar popup) or a tab that shows that extension page
 * itself), one of its content scripts (in a web page's tab), or `null` for
 * anything else (another extension, a page).
 */
export function senderContext(sender: MessageSender): "page" | "content-script" | null {
  if (sender.id !== browser.runtime.id) return null;
  const origin = browser.runtime.getURL("/");
  if (sender.url?.startsWith(origin)) {
    if (!sender.tab) return "page";
    return sender.frameId === 0 && sender.tab.url?.startsWith(origin) ? "page" : null;
  }
  const tabId = sender.tab?.id;
  return tabId !== undefined && tabId >= 0 ? "content-script" : null;
}

/**
 * Whether a message the overlay receives comes from this extension's own
 * pages or background, never from a content script, which a page could
 * drive. Firefox names a tab for an extension page shown in one (the popup
 * opened as `popup.html?tabId=N`): that is one of its pages too.
 */
export function isOwnPageOrBackground(sender: MessageSender): boolean {
  return sender.id === browser.runtime.id && (!sender.tab || senderContext(sender) === "page");
}

/**
 * Sends a message to the background and returns its answer (`undefined`
 * when it was not reached: the worker may be restarting).
 */
export async function sendToBackground(message: RuntimeMessage): Promise<unknown> {
  try {
    return await browser.runtime.sendMessage(message);
  } catch {
    return undefined;
  }
}

/** Sends a message to the overlay in frame `frameId` of a tab (the top frame by default); false when no overlay is there. */
export async function sendToTab(tabId: number, message: TabMessage, frameId = 0): Promise<boolean> {
  try {
    await browser.tabs.sendMessage(tabId, message, { frameId });
    return true;
  } catch {
    return false;
  }
}

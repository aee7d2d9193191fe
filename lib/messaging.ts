/**
 * The one message protocol (schemas in `schema.ts`): runtime messages go to
 * the background, tab messages to the overlay. Receivers validate every
 * message and check that it comes from this extension; anything else is
 * rejected and ignored.
 */
import { browser } from "wxt/browser";
import { PageMessage, RuntimeMessage, TabMessage } from "./schema";

/** Who sent a message, as the browser reports it. */
export interface MessageSender {
  id?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
  url?: string;
}

/** A validated runtime message and the tab it came from. */
export interface ReceivedRuntimeMessage {
  message: RuntimeMessage;
  tabId: number;
  url: string;
}

/**
 * Validates a message received by the background: it must come from one of
 * this extension's content scripts in a tab's top frame, and match the
 * schema. Returns `null` (and the caller ignores it) otherwise.
 */
export function acceptRuntimeMessage(raw: unknown, sender: MessageSender): ReceivedRuntimeMessage | null {
  if (sender.id !== browser.runtime.id) return null;
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0 || sender.frameId !== 0) return null;
  const parsed = RuntimeMessage.safeParse(raw);
  if (!parsed.success) return null;
  return { message: parsed.data, tabId, url: sender.tab?.url ?? sender.url ?? "" };
}

/**
 * Validates a message received by the background from one of the
 * extension's own pages (popup, report page, options): this extension's id,
 * an address inside the extension, and either no tab (the toolbar popup) or
 * a tab that shows that extension page itself (the popup opened as a page,
 * the report window, the options tab). A content script's tab is a web
 * page, so content scripts are refused.
 */
export function acceptPageMessage(raw: unknown, sender: MessageSender): PageMessage | null {
  const origin = browser.runtime.getURL("/");
  if (sender.id !== browser.runtime.id || !sender.url?.startsWith(origin)) return null;
  if (sender.tab && (sender.frameId !== 0 || !sender.tab.url?.startsWith(origin))) return null;
  const parsed = PageMessage.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** Sends a message from an extension page to the background and returns its answer. */
export async function askBackground(message: PageMessage): Promise<unknown> {
  return browser.runtime.sendMessage(message);
}

/**
 * Validates a message received by the overlay: it must come from this
 * extension's own pages or background (never from a content script, which
 * a page could drive), and match the schema.
 */
export function acceptTabMessage(raw: unknown, sender: MessageSender): TabMessage | null {
  if (sender.id !== browser.runtime.id || sender.tab) return null;
  const parsed = TabMessage.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** Sends a message to the background. Resolves even when nobody listens (the worker may be restarting). */
export async function sendToBackground(message: RuntimeMessage): Promise<void> {
  try {
    await browser.runtime.sendMessage(message);
  } catch {
    // The background answers nothing; an error here only means it was not reached this time.
  }
}

/** Sends a message to the overlay in a tab's top frame; false when no overlay is there. */
export async function sendToTab(tabId: number, message: TabMessage): Promise<boolean> {
  try {
    await browser.tabs.sendMessage(tabId, message, { frameId: 0 });
    return true;
  } catch {
    return false;
  }
}

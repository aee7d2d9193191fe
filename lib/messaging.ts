/**
 * The message protocol of the annotations (schemas in `schema.ts`): runtime
 * messages go to the background, tab messages to the overlay. Reporting has
 * its own (lib/reports/protocol.ts). Receivers validate every message and
 * check where it comes from; anything else is rejected and ignored.
 */
import { browser } from "wxt/browser";
import { runtimeMessageSchema, tabMessageSchema } from "./protocol-schema";
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

/** A validated runtime message, the tab and frame it came from, and the tab's address. */
export interface ReceivedRuntimeMessage {
  message: RuntimeMessage;
  tabId: number;
  /** The sending frame (0: the tab's top frame; the article may sit in an iframe). */
  frameId: number;
  url: string;
}

/** Whether `frameId` is a frame id as the browser gives them (0 for the top frame). */
function isFrameId(frameId: unknown): frameId is number {
  return typeof frameId === "number" && Number.isSafeInteger(frameId) && frameId >= 0;
}

/**
 * Validates a message received by the background: it must come from one of
 * this extension's content scripts in any frame of a tab (the article may
 * sit in an iframe), and match the schema. Returns `null` (and the caller
 * ignores it) otherwise.
 */
export function acceptRuntimeMessage(raw: unknown, sender: MessageSender): ReceivedRuntimeMessage | null {
  if (senderContext(sender) !== "content-script" || !isFrameId(sender.frameId)) return null;
  const parsed = runtimeMessageSchema().safeParse(raw);
  if (!parsed.success) return null;
  const tabId = sender.tab?.id as number;
  return { message: parsed.data, tabId, frameId: sender.frameId, url: sender.tab?.url ?? sender.url ?? "" };
}

/**
 * Validates a message received by the overlay: it must come from this
 * extension's own pages or background (never from a content script, which
 * a page could drive), and match the schema. Firefox names a tab for an
 * extension page shown in one (the popup opened as `popup.html?tabId=N`):
 * that is one of its pages too.
 */
export function acceptTabMessage(raw: unknown, sender: MessageSender): TabMessage | null {
  const ownPage = sender.id === browser.runtime.id && (!sender.tab || senderContext(sender) === "page");
  if (!ownPage) return null;
  const parsed = tabMessageSchema().safeParse(raw);
  return parsed.success ? parsed.data : null;
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

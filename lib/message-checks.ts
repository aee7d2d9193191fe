/**
 * Every message checked where it is received (`messaging.ts` sends them):
 * against its schema, and against where it comes from; anything else is
 * rejected and ignored. The background checks runtime messages; the
 * overlay's tab messages are checked by its second script, which brings the
 * schemas (lib/overlay/layer-kit.ts).
 */
import { isOwnPageOrBackground, type MessageSender, senderContext } from "./messaging";
import { runtimeMessageSchema, tabMessageSchema } from "./protocol-schema";
import type { RuntimeMessage, TabMessage } from "./schema";

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
 * extension's own pages or background (`isOwnPageOrBackground`), and match
 * the schema.
 */
export function acceptTabMessage(raw: unknown, sender: MessageSender): TabMessage | null {
  if (!isOwnPageOrBackground(sender)) return null;
  const parsed = tabMessageSchema().safeParse(raw);
  return parsed.success ? parsed.data : null;
}

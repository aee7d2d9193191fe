/**
 * What an overlay needs when it starts, in two parts: the small one its
 * first paint follows (the switches, handed over as it is injected; it
 * bundles the claims' anchors), then the larger one for its markers and
 * cards (the dataset and the interface's words, in the reader's language),
 * which it asks for once the highlights are on screen.
 */
import type { OverlayCards, OverlayStart } from "../schema";
import { answerDataset, answerMessages, interfaceLocale } from "./interface-language";
import { answerSettings } from "./settings-relay";

/** The start handed to an overlay as it is injected (lib/overlay/handed-start.ts): the stored switches. */
export async function answerOverlayStart(): Promise<OverlayStart> {
  return { settings: await answerSettings() };
}

/** The answer to an overlay's `get-cards`: the dataset and the words, in the interface language. */
export async function answerOverlayCards(): Promise<OverlayCards> {
  const locale = await interfaceLocale();
  return { dataset: answerDataset(locale), messages: answerMessages(locale) };
}

/**
 * What an overlay needs when it starts, in two answers: the small one its
 * first paint waits for (the switches and each claim's quote, verdict and
 * topic), then the larger one for its markers and cards (the dataset and
 * the interface's words, in the reader's language), which it reads once
 * the highlights are on screen.
 */
import { claimAnchor } from "../claim-record";
import { dataset } from "../dataset";
import type { OverlayCards, OverlayStart } from "../schema";
import { answerDataset, answerMessages, interfaceLocale } from "./interface-language";
import { answerSettings } from "./settings-relay";

/** The answer to an overlay's `get-start`: the stored switches and what anchoring and painting need of each claim. */
export async function answerOverlayStart(): Promise<OverlayStart> {
  return { settings: await answerSettings(), claims: dataset.claims.map(claimAnchor) };
}

/** The answer to an overlay's `get-cards`: the dataset and the words, in the interface language. */
export async function answerOverlayCards(): Promise<OverlayCards> {
  const locale = await interfaceLocale();
  return { dataset: answerDataset(locale), messages: answerMessages(locale) };
}

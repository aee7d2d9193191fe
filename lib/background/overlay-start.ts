/**
 * What an overlay needs when it starts, in one answer: its start waits for
 * it, so the switches, the dataset and the interface's words come together
 * rather than in a round trip each.
 */
import type { OverlayStart } from "../schema";
import { answerDataset, answerMessages } from "./interface-language";
import { answerSettings } from "./settings-relay";

/** The answer to an overlay's `get-start`: the stored switches, the dataset and the words in the interface language. */
export async function answerOverlayStart(): Promise<OverlayStart> {
  const [settings, dataset, messages] = await Promise.all([answerSettings(), answerDataset(), answerMessages()]);
  return { settings, dataset, messages };
}

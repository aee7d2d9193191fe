/**
 * What an overlay needs when it starts, in one answer: its start waits for
 * it, so the switches and the dataset come together rather than in a round
 * trip each.
 */
import { dataset } from "../dataset";
import type { OverlayStart } from "../schema";
import { answerSettings } from "./settings-relay";

/** The answer to an overlay's `get-start`: the stored switches and the bundled dataset. */
export async function answerOverlayStart(): Promise<OverlayStart> {
  return { settings: await answerSettings(), dataset };
}

/**
 * The keyboard commands (manifest `commands`): move to the next or previous
 * claim in the active tab.
 */
import { browser } from "wxt/browser";
import { sendToTab } from "../messaging";
import { getTabFrames } from "../storage";
import { articleFrameIds } from "../tab-frames";

/** Command names, as declared in the manifest (wxt.config.ts). */
export const CLAIM_COMMANDS = {
  "next-claim": "next",
  "previous-claim": "previous",
} as const;

/**
 * Sends the step for `command` to the overlay in the active tab (in the
 * frame that carries the article: the first one, when several do, or the
 * top frame when the background knows of none); ignores other commands.
 */
export async function runClaimCommand(command: string): Promise<void> {
  if (!Object.hasOwn(CLAIM_COMMANDS, command)) return;
  const direction = CLAIM_COMMANDS[command as keyof typeof CLAIM_COMMANDS];
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  const frames = await getTabFrames(tab.id);
  const frameId = (frames && articleFrameIds(frames)[0]) ?? 0;
  await sendToTab(tab.id, { type: "step-claim", direction }, frameId);
}

/**
 * The keyboard commands (manifest `commands`): move to the next or previous
 * claim in the active tab.
 */
import { browser } from "wxt/browser";
import { sendToTab } from "../messaging";

/** Command names, as declared in the manifest (wxt.config.ts). */
export const CLAIM_COMMANDS = {
  "next-claim": "next",
  "previous-claim": "previous",
} as const;

/** Sends the step for `command` to the overlay in the active tab; ignores other commands. */
export async function runClaimCommand(command: string): Promise<void> {
  if (!Object.hasOwn(CLAIM_COMMANDS, command)) return;
  const direction = CLAIM_COMMANDS[command as keyof typeof CLAIM_COMMANDS];
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id !== undefined) await sendToTab(tab.id, { type: "step-claim", direction });
}

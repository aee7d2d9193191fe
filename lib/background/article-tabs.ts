/**
 * The background's view of the tabs that carry the article: it injects the
 * overlay where the detector found the article, records what the overlay
 * anchored (per-tab state in `storage.session`, which survives
 * service-worker restarts), keeps the badge in step, and forgets a tab's
 * state when it navigates elsewhere or closes.
 */
import { browser } from "wxt/browser";
import type { ReceivedRuntimeMessage } from "../messaging";
import { getTabState, setTabState } from "../storage";
import { showBadge } from "./badge";

/** The overlay's bundle, built by WXT from entrypoints/overlay.content/ (registration: runtime). */
const OVERLAY_SCRIPT = "/content-scripts/overlay.js";

/** Acts on a validated message from a tab's detector or overlay. */
export async function handleArticleMessage({ message, tabId }: ReceivedRuntimeMessage): Promise<void> {
  switch (message.type) {
    case "article-detected":
      await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [OVERLAY_SCRIPT] });
      return;
    case "annotated":
      await setTabState(tabId, message.state);
      await showBadge(tabId, message.state);
      return;
    case "article-gone":
      await forgetTab(tabId);
      return;
    case "get-settings":
    case "get-dataset":
    case "get-messages":
      return; // Answered by the router (entrypoints/background.ts), which returns them.
    case "open-how-we-check":
      return; // Opened by the router (entrypoints/background.ts, lib/background/open-pages.ts), which answers the card.
  }
}

/** Clears a tab's state and badge. */
export async function forgetTab(tabId: number): Promise<void> {
  await setTabState(tabId, null);
  await showBadge(tabId, null);
}

/**
 * A tab's address changed: its state no longer holds, unless only the
 * fragment changed (a jump within the same page). If the new page carries
 * the article too, its detector reports it again.
 */
export async function handleNavigation(tabId: number, url: string): Promise<void> {
  const state = await getTabState(tabId);
  if (!state) return;
  if (withoutFragment(state.url) !== withoutFragment(url)) await forgetTab(tabId);
}

function withoutFragment(url: string): string {
  const hash = url.indexOf("#");
  return hash === -1 ? url : url.slice(0, hash);
}

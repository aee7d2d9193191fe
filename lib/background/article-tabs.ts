/**
 * The background's view of the tabs that carry the article: it injects the
 * overlay into the frame where the detector found the article (the top page
 * or an iframe), records what each frame's overlay anchored (per-tab state
 * in `storage.session`, which survives service-worker restarts), keeps the
 * badge in step with the whole tab, forgets a frame's part when its article
 * goes (or its document does), and the whole tab's state when the tab
 * navigates elsewhere or closes.
 */
import { browser } from "wxt/browser";
import type { ReceivedRuntimeMessage } from "../message-checks";
import { handOverlayStart, OVERLAY_START_KEY } from "../overlay/handed-start";
import { getTabState, setFrameState, setTabState } from "../storage";
import { showBadge } from "./badge";
import { answerOverlayStart } from "./overlay-start";

/** The overlay's bundle, built by WXT from entrypoints/overlay.content/ (registration: runtime). */
const OVERLAY_SCRIPT = "/content-scripts/overlay.js";

/** Its markers and cards, from entrypoints/overlay-cards.content/, injected once it has painted. */
const OVERLAY_CARDS_SCRIPT = "/content-scripts/overlay-cards.js";

/** Acts on a validated message from a tab's detector or overlay. */
export async function handleArticleMessage({ message, tabId, frameId, url }: ReceivedRuntimeMessage): Promise<void> {
  switch (message.type) {
    case "article-detected":
      await injectOverlay(tabId, frameId);
      return;
    case "annotated":
      await showBadge(tabId, await setFrameState(tabId, frameId, url, message.state));
      return;
    case "article-gone":
      // Only this frame's part: another frame of the tab may still carry the article.
      await forgetFrame({ message, tabId, frameId, url });
      return;
    case "get-cards":
    case "load-layer":
      return; // Answered by the router (entrypoints/background.ts), which returns them.
    case "open-how-we-check":
      return; // Opened by the router (entrypoints/background.ts, lib/background/open-pages.ts), which answers the card.
  }
}

/**
 * Injects the overlay into a frame and hands it its start (the switches)
 * at the same time, whichever arrives first (lib/overlay/handed-start.ts):
 * it paints without asking.
 */
async function injectOverlay(tabId: number, frameId: number): Promise<void> {
  const target = { tabId, frameIds: [frameId] };
  const handOver = async () => {
    const start = await answerOverlayStart();
    await browser.scripting.executeScript({ target, func: handOverlayStart, args: [OVERLAY_START_KEY, start] });
  };
  await Promise.all([browser.scripting.executeScript({ target, files: [OVERLAY_SCRIPT] }), handOver()]);
}

/**
 * Injects the overlay's markers and cards into the frame whose overlay asks;
 * resolves once the script has run (the overlay then finds its parts), with
 * whether it could be injected.
 */
export async function injectOverlayCards({ tabId, frameId }: ReceivedRuntimeMessage): Promise<boolean> {
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [OVERLAY_CARDS_SCRIPT] });
    return true;
  } catch {
    return false;
  }
}

/** Clears one frame's part of a tab's state (its article went, or handling its message failed) and updates the badge. */
export async function forgetFrame({ tabId, frameId, url }: ReceivedRuntimeMessage): Promise<void> {
  await showBadge(tabId, await setFrameState(tabId, frameId, url, null));
}

/** Clears a tab's state (every frame's part) and badge. */
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

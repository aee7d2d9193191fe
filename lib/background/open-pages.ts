/**
 * Extension pages the background opens for a content script. A card in a
 * web page cannot open an extension page itself without that page being
 * listed in `web_accessible_resources`, which would let any site load and
 * probe it; so the card asks, and the background opens the page in a new
 * tab next to the reader's.
 */
import { browser } from "wxt/browser";

/** The "How we check" page (built from entrypoints/how-we-check/). */
export const HOW_WE_CHECK_PAGE = "/how-we-check.html";

/**
 * Opens the "How we check" page in a new, active tab, placed after
 * `openerTabId` (the tab whose card asked) when given. Resolves to true once
 * the tab exists, so the card can tell the reader when it could not open.
 */
export async function openHowWeCheck(openerTabId?: number): Promise<true> {
  const url = browser.runtime.getURL(HOW_WE_CHECK_PAGE);
  await browser.tabs.create(openerTabId === undefined ? { url, active: true } : { url, active: true, openerTabId });
  return true;
}

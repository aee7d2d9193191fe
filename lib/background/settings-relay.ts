/**
 * The overlay's switches, handed over by the background: content scripts
 * cannot read the extension's storage (it is restricted to trusted
 * contexts), so the background hands them to the overlay as it injects it
 * and sends every change to the tabs that carry the article.
 */
import { sendToTab } from "../messaging";
import type { Settings } from "../schema";
import { getSettings, getTabFrames, trackedTabIds, watchSettings } from "../storage";
import { articleFrameIds } from "../tab-frames";

/** The settings, for an overlay that starts (lib/overlay/handed-start.ts). */
export function answerSettings(): Promise<Settings> {
  return getSettings();
}

/** Sends `settings` to the overlay of every frame (of every tab) that carries the article. */
export async function relaySettings(settings: Settings): Promise<void> {
  const tabIds = await trackedTabIds();
  await Promise.all(
    tabIds.map(async (tabId) => {
      const frames = await getTabFrames(tabId);
      const frameIds = frames ? articleFrameIds(frames) : [];
      await Promise.all(frameIds.map((frameId) => sendToTab(tabId, { type: "settings", settings }, frameId)));
    }),
  );
}

/** Relays every change of the settings, from any context, until the returned function is called. */
export function relaySettingsChanges(): () => void {
  return watchSettings((settings) => void relaySettings(settings));
}

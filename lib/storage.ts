/**
 * The storage items of the annotations, declared once with their fallback
 * and version (reporting keeps its own, out of content scripts' reach: see
 * lib/reports/). Values are parsed with their zod schema when read: a
 * corrupt stored value falls back to defaults and never crashes the popup
 * or a page. Only trusted contexts (the background, the extension's pages)
 * read them: `restrictStorageToExtension` keeps content scripts out where
 * the browser can, and the overlay gets its settings by message.
 */
import { browser } from "wxt/browser";
import { storage } from "wxt/utils/storage";
import { Settings, TabState } from "./schema";
import { DEFAULT_SETTINGS, parseSettings } from "./settings";

/**
 * Makes `storage.local` readable by the extension's trusted contexts only,
 * where the browser supports it (Chromium keeps the choice across restarts;
 * Firefox has no such switch for `storage.local`, where nothing secret is
 * kept anyway: reports live in trusted storage). Resolves whether or not it
 * could.
 */
export async function restrictStorageToExtension(): Promise<boolean> {
  const local = browser.storage.local as { setAccessLevel?(options: { accessLevel: string }): Promise<void> };
  if (typeof local.setAccessLevel !== "function") return false;
  try {
    await local.setAccessLevel({ accessLevel: "TRUSTED_CONTEXTS" });
    return true;
  } catch {
    return false;
  }
}

/** The user's switches, kept across restarts (`storage.local`). */
const settingsItem = storage.defineItem<unknown>("local:settings", { fallback: DEFAULT_SETTINGS, version: 1 });

/** The current settings. */
export async function getSettings(): Promise<Settings> {
  try {
    return parseSettings(await settingsItem.getValue());
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

/** Applies `change` to the current settings and stores the result; throws (storing nothing) if it is invalid. */
export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = Settings.parse(change(await getSettings()));
  await settingsItem.setValue(next);
  return next;
}

/** Calls `callback` with the new settings whenever they change (in any context). */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => callback(parseSettings(value)));
}

/** Prefix of the per-tab state keys in `storage.session`. */
const TAB_STATE_PREFIX = "tab-state:";

/** Per-tab state, in `storage.session` so that it survives service-worker restarts but not the browser session. */
function tabStateItem(tabId: number) {
  return storage.defineItem<unknown>(`session:${TAB_STATE_PREFIX}${tabId}`, { fallback: null });
}

/** The tabs that have a state: those that carry the article. */
export async function trackedTabIds(): Promise<number[]> {
  const all = await browser.storage.session.get(null);
  return Object.keys(all)
    .filter((key) => key.startsWith(TAB_STATE_PREFIX))
    .map((key) => Number(key.slice(TAB_STATE_PREFIX.length)))
    .filter((tabId) => Number.isSafeInteger(tabId) && tabId >= 0);
}

/** What tab `tabId` carries, or `null` when it does not carry the article (or the value is corrupt). */
export async function getTabState(tabId: number): Promise<TabState | null> {
  try {
    const parsed = TabState.safeParse(await tabStateItem(tabId).getValue());
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Records what tab `tabId` carries; `null` removes the record. */
export async function setTabState(tabId: number, state: TabState | null): Promise<void> {
  if (state === null) await tabStateItem(tabId).removeValue();
  else await tabStateItem(tabId).setValue(TabState.parse(state));
}

/** Calls `callback` whenever tab `tabId`'s state changes. */
export function watchTabState(tabId: number, callback: (state: TabState | null) => void): () => void {
  return tabStateItem(tabId).watch((value) => {
    const parsed = TabState.safeParse(value);
    callback(parsed.success ? parsed.data : null);
  });
}

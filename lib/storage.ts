/**
 * The storage items of the annotations, declared once with their fallback
 * and version (reporting keeps its own, out of content scripts' reach: see
 * lib/reports/). Values are parsed with their zod schema when read: a
 * corrupt stored value falls back to defaults and never crashes the popup
 * or a page. Only trusted contexts (the background, the extension's pages)
 * read them: `restrictStorageToExtension` keeps content scripts out where
 * the browser can, and the overlay is handed its settings by the background.
 */
import { browser } from "wxt/browser";
import { storage } from "wxt/utils/storage";
import { Settings, TabFrames, TabState } from "./schema";
import { DEFAULT_SETTINGS } from "./settings";
import { type TabView, tabView, withFrameState } from "./tab-frames";

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

/**
 * Parses a stored settings value field by field: a field that is missing or
 * corrupt takes its default, the others are kept (one bad field must not
 * reset every switch).
 */
export function parseSettings(value: unknown): Settings {
  const stored = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
  const field = <K extends keyof Settings>(key: K): Settings[K] => {
    const parsed = Settings.shape[key].safeParse(stored[key]);
    return parsed.success ? (parsed.data as Settings[K]) : structuredClone(DEFAULT_SETTINGS[key]);
  };
  return {
    enabled: field("enabled"),
    disabledSites: field("disabledSites"),
    hiddenTopics: field("hiddenTopics"),
    hiddenVerdicts: field("hiddenVerdicts"),
    language: field("language"),
  };
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

/**
 * Per-tab state (what each of its frames carries), in `storage.session` so
 * that it survives service-worker restarts but not the browser session.
 */
function tabStateItem(tabId: number) {
  return storage.defineItem<unknown>(`session:${TAB_STATE_PREFIX}${tabId}`, { fallback: null });
}

/** A stored value as a tab's frames, `null` when absent or corrupt. */
function parseTabFrames(value: unknown): TabFrames | null {
  const parsed = TabFrames.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The tabs that have a state: those that carry the article. */
export async function trackedTabIds(): Promise<number[]> {
  const all = await browser.storage.session.get(null);
  return Object.keys(all)
    .filter((key) => key.startsWith(TAB_STATE_PREFIX))
    .map((key) => Number(key.slice(TAB_STATE_PREFIX.length)))
    .filter((tabId) => Number.isSafeInteger(tabId) && tabId >= 0);
}

/** What each frame of tab `tabId` carries, or `null` when none carries the article (or the value is corrupt). */
export async function getTabFrames(tabId: number): Promise<TabFrames | null> {
  try {
    return parseTabFrames(await tabStateItem(tabId).getValue());
  } catch {
    return null;
  }
}

/** What tab `tabId` carries across its frames, each claim once, or `null` without the article. */
export async function getTabState(tabId: number): Promise<TabView | null> {
  return tabView(await getTabFrames(tabId));
}

/** Pending writes per tab: two frames may report at once, and each write reads the tab's record first. */
const tabWrites = new Map<number, Promise<unknown>>();

/** Runs `write` on tab `tabId`'s record once the writes before it are done. */
function queueTabWrite<T>(tabId: number, write: () => Promise<T>): Promise<T> {
  const queued = (tabWrites.get(tabId) ?? Promise.resolve()).catch(() => {}).then(write);
  tabWrites.set(tabId, queued);
  void queued
    .catch(() => {})
    .finally(() => {
      if (tabWrites.get(tabId) === queued) tabWrites.delete(tabId);
    });
  return queued;
}

/**
 * Records what frame `frameId` of tab `tabId` (at address `tabUrl`)
 * carries; `null` removes that frame's part only. Writes to one tab are
 * made one after the other, so that no frame's report overwrites another's.
 * Resolves to the tab's state after the write.
 */
export async function setFrameState(
  tabId: number,
  frameId: number,
  tabUrl: string,
  state: TabState | null,
): Promise<TabView | null> {
  const checked = state && TabState.parse(state);
  return queueTabWrite(tabId, async () => {
    const next = withFrameState(await getTabFrames(tabId), tabUrl, frameId, checked);
    if (next) await tabStateItem(tabId).setValue(next);
    else await tabStateItem(tabId).removeValue();
    return tabView(next);
  });
}

/** Records `state` as what tab `tabId` carries in its top frame (and nowhere else); `null` forgets the whole tab. */
export async function setTabState(tabId: number, state: TabState | null): Promise<void> {
  const checked = state && TabState.parse(state);
  return queueTabWrite(tabId, () =>
    checked
      ? tabStateItem(tabId).setValue({ url: checked.url, frames: { 0: checked } })
      : tabStateItem(tabId).removeValue(),
  );
}

/** Calls `callback` with what tab `tabId` carries (as `getTabState`) whenever that changes. */
export function watchTabState(tabId: number, callback: (state: TabView | null) => void): () => void {
  return tabStateItem(tabId).watch((value) => callback(tabView(parseTabFrames(value))));
}

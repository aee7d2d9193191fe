/**
 * Every storage item of the extension, declared once with its fallback and
 * version. Values are parsed with their zod schema when read: a corrupt
 * stored value falls back to defaults and never crashes the popup or a page.
 */
import { storage } from "wxt/utils/storage";
import { CapturedSelection, Settings, TabState } from "./schema";

/** The switches as a new user has them: everything on, nothing hidden. */
export const DEFAULT_SETTINGS: Settings = Object.freeze({
  enabled: true,
  disabledSites: [],
  hiddenTopics: [],
  hiddenVerdicts: [],
});

/** The user's switches, kept across restarts (`storage.local`, which content scripts can read). */
const settingsItem = storage.defineItem<unknown>("local:settings", { fallback: DEFAULT_SETTINGS, version: 1 });

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
  };
}

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

/** Whether annotations show on `hostname` under `settings`. */
export function annotationsEnabledOn(settings: Settings, hostname: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(hostname);
}

/** Per-tab state, in `storage.session` so that it survives service-worker restarts but not the browser session. */
function tabStateItem(tabId: number) {
  return storage.defineItem<unknown>(`session:tab-state:${tabId}`, { fallback: null });
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

/**
 * The report outbox (lib/reports.ts owns its logic). Entries are kept raw:
 * one that no longer parses (a future version's, or damaged) is never
 * dropped when others change.
 */
export const reportsItem = storage.defineItem<unknown[]>("local:reports", { fallback: [], version: 1 });

/** The fact-check desk's report endpoint, set on the options page; none by default. */
export const reportEndpointItem = storage.defineItem<string | null>("local:reportEndpoint", {
  fallback: null,
  version: 1,
});

/**
 * A text selection captured from the context menu, waiting for the report
 * page to pick it up (session storage: gone with the browser session).
 */
export function pendingSelectionItem(id: string) {
  return storage.defineItem<unknown>(`session:report-selection:${id}`, { fallback: null });
}

/** The selection stashed for the report page under `id`, taken once; `null` if there is none (or it is corrupt). */
export async function takePendingSelection(id: string): Promise<CapturedSelection | null> {
  const item = pendingSelectionItem(id);
  const parsed = CapturedSelection.safeParse(await item.getValue());
  await item.removeValue();
  return parsed.success ? parsed.data : null;
}

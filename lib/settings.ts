/**
 * The user's switches as values: the defaults, reading a stored value field
 * by field, and whether annotations show on a site. No storage here
 * (storage.ts keeps them), so that the overlay, which gets its settings by
 * message, can use this without the storage code.
 */
import { Settings } from "./protocol-schema";

/** The switches as a new user has them: everything on, nothing hidden. */
export const DEFAULT_SETTINGS: Settings = Object.freeze({
  enabled: true,
  disabledSites: [],
  hiddenTopics: [],
  hiddenVerdicts: [],
  language: "auto",
});

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

/** Whether annotations show on `hostname` under `settings`. */
export function annotationsEnabledOn(settings: Settings, hostname: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(hostname);
}

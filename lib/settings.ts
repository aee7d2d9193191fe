/**
 * The user's switches as values: the defaults, reading a stored value field
 * by field, and whether annotations show on a site. No storage here
 * (storage.ts keeps them), so that the overlay, which gets its settings by
 * message, can use this without the storage code.
 */
import { Settings } from "./protocol-schema";

/**
 * The switches as a new user has them: everything on, nothing hidden. Pure,
 * so that a bundle that does not use them (the overlay, which gets its
 * switches by message) leaves them out.
 */
export const DEFAULT_SETTINGS: Settings = /* @__PURE__ */ Object.freeze({
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

/**
 * The host name the per-site switch applies to for a document at
 * `location`: the tab's site, which the popup shows and switches. In a
 * frame (the article in an iframe, a `srcdoc` one or a cross-origin embed)
 * that is the top page's host, read from `ancestorOrigins` where the browser
 * has it (Chromium); elsewhere, and for an opaque top origin, the frame's own.
 */
export function siteHostname(location: Pick<Location, "hostname"> & { ancestorOrigins?: ArrayLike<string> }): string {
  const ancestors = location.ancestorOrigins;
  const top = ancestors?.length ? ancestors[ancestors.length - 1] : undefined;
  try {
    if (top) return new URL(top).hostname;
  } catch {
    // An opaque origin ("null"): the frame's own host.
  }
  return location.hostname;
}

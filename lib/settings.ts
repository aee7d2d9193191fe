/**
 * The user's switches as values: the defaults, and whether annotations show
 * on a site. No storage and no schema here (storage.ts keeps and parses
 * them), so that the overlay, which is handed its switches, can use this
 * without either.
 */
import type { Settings } from "./protocol-schema";

/**
 * The switches as a new user has them: everything on, nothing hidden. Pure,
 * so that a bundle that does not use them (the overlay, which is handed its
 * switches) leaves them out.
 */
export const DEFAULT_SETTINGS: Settings = /* @__PURE__ */ Object.freeze({
  enabled: true,
  disabledSites: [],
  hiddenTopics: [],
  hiddenVerdicts: [],
  language: "auto",
});

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

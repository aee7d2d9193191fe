/**
 * The toolbar popup: which tab it speaks for, whether that tab carries the
 * article, the claims found there (each can be reported), "Report selected
 * text" for a claim the dataset lacks, the timeline, the switches and the
 * reader's reports (passed in). Opened as
 * `popup.html?tabId=N` it shows tab N (contract: the popup can be opened as
 * an ordinary page); otherwise the active tab of the current window. It
 * follows the tab's state and the settings live, and a corrupt stored value
 * only ever shows as the defaults (lib/storage.ts).
 */
import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { browser } from "wxt/browser";
import { claimById } from "../lib/dataset";
import { readerDataset } from "../lib/i18n/reader-dataset";
import { t, tParts, tPlural } from "../lib/i18n/translate";
import type { Settings, TabState } from "../lib/schema";
import { DEFAULT_SETTINGS } from "../lib/settings";
import { getSettings, getTabState, watchSettings, watchTabState } from "../lib/storage";
import { FLAGGED_VERDICTS } from "../lib/verdicts";
import { ClaimList } from "./ClaimList";
import { HowWeCheckLink } from "./HowWeCheckLink";
import { SelectionReport } from "./reports/SelectionReport";
import { SettingsSwitches } from "./SettingsSwitches";
import { Timeline } from "./Timeline";
import { LongDate } from "./VerdictDates";

/** Props of {@link PopupApp}. */
export interface PopupAppProps {
  /** The page's query string (default: `location.search`), read for `?tabId=N`. */
  search?: string;
  /** The "Your reports" section (components/ReportsList.tsx); rendered in its place at the end. */
  reports?: ComponentChildren;
}

/** The tab the popup speaks for. */
interface Target {
  tabId: number;
  /** Opened as a page with `?tabId`, not as the toolbar popup: it must not close itself. */
  asPage: boolean;
  hostname?: string;
  /** The tab's title, when the browser tells it (for reports). */
  title?: string;
}

/** The host name of an http(s) address, or undefined. */
function hostnameOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.hostname : undefined;
  } catch {
    return undefined;
  }
}

/** Finds the tab from `?tabId=N`, else the active tab of the current window; null when there is none. */
export async function resolveTarget(search: string): Promise<Target | null> {
  const param = new URLSearchParams(search).get("tabId");
  if (param !== null) {
    const tabId = Number(param);
    if (!/^\d+$/.test(param) || !Number.isSafeInteger(tabId)) return null;
    const tab = await browser.tabs.get(tabId).catch(() => undefined);
    return { tabId, asPage: true, hostname: hostnameOf(tab?.url), ...(tab?.title ? { title: tab.title } : {}) };
  }
  const tabs = await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []);
  const tab = tabs[0];
  if (tab?.id === undefined || tab.id < 0) return null;
  return { tabId: tab.id, asPage: false, hostname: hostnameOf(tab.url), ...(tab.title ? { title: tab.title } : {}) };
}

/** "Found on this page: 14 claims" and how many of them are flagged. */
function foundLines(state: TabState): { found: string; flagged: string } {
  const claims = state.claims.map((anchor) => claimById(anchor.claimId)).filter((claim) => claim !== undefined);
  const flagged = claims.filter((claim) => FLAGGED_VERDICTS.includes(claim.verdict)).length;
  return { found: tPlural("foundClaims", claims.length), flagged: tPlural("flaggedClaims", flagged) };
}

/** Renders the popup. */
export function PopupApp({ search = window.location.search, reports }: PopupAppProps) {
  const [target, setTarget] = useState<Target | null | undefined>(undefined);
  const [state, setState] = useState<TabState | null | undefined>(undefined);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [tabHostname, setTabHostname] = useState<string | undefined>(undefined);

  useEffect(() => {
    let live = true;
    resolveTarget(search).then((found) => {
      if (!live) return;
      setTarget(found);
      setTabHostname(found?.hostname);
    });
    const unwatch = watchSettings((next) => live && setSettings(next));
    getSettings().then((current) => live && setSettings(current));
    return () => {
      live = false;
      unwatch();
    };
  }, [search]);

  const tabId = target?.tabId;
  useEffect(() => {
    if (tabId === undefined) return;
    let live = true;
    const unwatch = watchTabState(tabId, (next) => live && setState(next));
    getTabState(tabId).then((current) => live && setState(current));
    // The tab may move on to another site while the popup is open.
    const onUpdated = (updatedId: number, change: { url?: string }) => {
      if (updatedId === tabId && change.url) setTabHostname(hostnameOf(change.url));
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      live = false;
      unwatch();
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [tabId]);

  const hostname = tabHostname ?? hostnameOf(state?.url);
  const lines = state ? foundLines(state) : null;
  const dataset = readerDataset();

  return (
    <main class="popup">
      <header class="popup__header">
        <h1 class="popup__title">{t("popupTitle")}</h1>
        <p class="popup__dataset">
          {tParts("datasetVersion", dataset.meta.version, <LongDate date={dataset.meta.date} />)} · <HowWeCheckLink />
        </p>
        <div class="popup__status" role="status">
          {target === undefined || (target && state === undefined) ? (
            <p>{t("lookingAtTab")}</p>
          ) : target === null ? (
            <p>{t("noTab")}</p>
          ) : lines ? (
            <>
              <p class="popup__article">{dataset.article.title}</p>
              <p class="popup__found">{lines.found}</p>
              <p class="popup__flagged">{lines.flagged}</p>
            </>
          ) : (
            <p>{t("articleNotOnPage")}</p>
          )}
        </div>
      </header>

      {target && state && (
        <section class="popup__section" aria-labelledby="popup-claims">
          <h2 id="popup-claims">{t("claimsOnPage")}</h2>
          <ClaimList
            tabId={target.tabId}
            anchors={state.claims}
            settings={settings}
            hostname={hostname}
            closeOnShow={!target.asPage}
            page={{ title: target.title ?? dataset.article.title, url: state.url }}
          />
        </section>
      )}

      {target && (
        <section class="popup__section" aria-labelledby="popup-report-claim">
          <h2 id="popup-report-claim">{t("reportAClaim")}</h2>
          <SelectionReport tabId={target.tabId} />
        </section>
      )}

      <section class="popup__section" aria-labelledby="popup-timeline">
        <h2 id="popup-timeline">{t("timelineHeading")}</h2>
        <Timeline />
      </section>

      <section class="popup__section" aria-labelledby="popup-settings">
        <h2 id="popup-settings">{t("switchesHeading")}</h2>
        <SettingsSwitches hostname={hostname} />
      </section>

      {/* "Your reports" (components/ReportsList.tsx), passed in by entrypoints/popup/main.tsx. */}
      {reports}
    </main>
  );
}

/**
 * The Firefox end-to-end harness: the built add-on (`.output/firefox-mv3/`,
 * built once by `global-setup.ts`) in Debian's Firefox ESR, headless, driven
 * by puppeteer-core over WebDriver BiDi, and the fixture pages served on
 * loopback (the Chromium harness's server).
 *
 * - The add-on is installed as a temporary add-on (`browser.installExtension`),
 *   which grants the manifest's host permissions; its `moz-extension://`
 *   address is fixed by the `extensions.webextensions.uuids` pref.
 * - BiDi gives no handle on the background, so the extension's state is read
 *   in one of its own pages (`control`, the method page, opened in a tab):
 *   `inExtension(fn, arg)` runs there with the `browser` API. Opening an
 *   extension page needs `--remote-allow-system-access` (BiDi refuses to
 *   navigate to other schemes than http(s), file and blob otherwise).
 * - Nothing leaves the machine: every http(s) request but loopback goes to a
 *   proxy on a closed loopback port (Firefox has no host-resolver switch), and
 *   the browser's own services point at nothing (puppeteer's profile).
 *
 * `FIREFOX_PATH` overrides `/usr/bin/firefox-esr`; `E2E_SKIP_BUILD=1` skips
 * the build.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import puppeteer, { type Browser, type Frame, type Page } from "puppeteer-core";
import { ROOT } from "../e2e/harness";

export { type FixtureServer, startServer } from "../e2e/harness";

/** Where `wxt build -b firefox` puts the add-on. */
export const FIREFOX_EXTENSION_DIR = join(ROOT, ".output", "firefox-mv3");

/** The add-on's id (`browser_specific_settings.gecko.id` in wxt.config.ts). */
export const ADDON_ID = "factcheck-overlay@factcheck.invalid";

/** The internal UUID the tests give the add-on, so its pages have a known address. */
const ADDON_UUID = "3f1c2a9e-6b7d-4e55-9a0c-5d2e8b71f4a6";

/** The add-on's origin, `moz-extension://UUID/`. */
export const EXTENSION_ORIGIN = `moz-extension://${ADDON_UUID}/`;

/** The system Firefox (Debian's `firefox-esr`), or `FIREFOX_PATH`. */
export function firefoxPath(): string {
  const path = process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr";
  if (!existsSync(path))
    throw new Error(
      `No Firefox at ${path}: apt-get install -y firefox-esr, or set FIREFOX_PATH (.ci/run installs it).`,
    );
  return path;
}

/** Preferences of the test profile: the add-on's address, and no network but loopback. */
const PREFS: Record<string, unknown> = {
  "extensions.webextensions.uuids": JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
  // A manual proxy on a port nothing listens on: every non-loopback request fails at once.
  "network.proxy.type": 1,
  "network.proxy.http": "127.0.0.1",
  "network.proxy.http_port": 9,
  "network.proxy.ssl": "127.0.0.1",
  "network.proxy.ssl_port": 9,
  "network.proxy.socks": "127.0.0.1",
  "network.proxy.socks_port": 9,
  "network.proxy.socks_remote_dns": true,
  "network.proxy.allow_hijacking_localhost": false,
  "network.proxy.no_proxies_on": "127.0.0.1, localhost",
  "network.dns.disablePrefetch": true,
  "network.prefetch-next": false,
  "network.trr.mode": 5,
  "browser.safebrowsing.update.enabled": false,
  "browser.safebrowsing.downloads.remote.enabled": false,
  "app.normandy.enabled": false,
  "datareporting.policy.dataSubmissionEnabled": false,
  "toolkit.telemetry.enabled": false,
};

/** Firefox with the add-on. */
export interface FirefoxWithAddon {
  browser: Browser;
  /** The add-on's method page, kept open to read the extension's state from. */
  control: Page;
  /** Runs `fn` in the control page with the extension's `browser` API and `arg` (JSON); its result (JSON). */
  inExtension<A, R>(fn: (api: ExtensionApi, arg: A) => R | Promise<R>, arg: A): Promise<Awaited<R>>;
  /** A new tab. */
  newPage(): Promise<Page>;
  /** A new tab on the extension's page `path` (e.g. `popup.html?tabId=3`). */
  extensionPage(path: string): Promise<Page>;
  /** The `tabs` id of the tab whose address is `url` (unique among the open tabs). */
  tabIdOf(url: string): Promise<number>;
  /** What the background keeps for the tab at `url` (its stored state, or null) and its badge text. */
  tabRecord(url: string): Promise<{ state: unknown; badge: string }>;
  close(): Promise<void>;
}

/** The part of the WebExtension API the tests call in the control page. */
export interface ExtensionApi {
  tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> };
  action: { getBadgeText(details: { tabId?: number }): Promise<string> };
  storage: Record<"local" | "session", { get(key: string | null): Promise<Record<string, unknown>> }>;
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

/** Launches headless Firefox ESR with a fresh profile and the add-on installed. Close it in `afterAll`. */
export async function launchFirefox(): Promise<FirefoxWithAddon> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, "manifest.json")))
    throw new Error(
      `No Firefox build in ${FIREFOX_EXTENSION_DIR}: the global setup runs \`npx wxt build -b firefox\`.`,
    );
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: firefoxPath(),
    headless: true,
    args: ["--remote-allow-system-access"],
    extraPrefsFirefox: PREFS,
    defaultViewport: { width: 1280, height: 900 },
  });
  try {
    const id = await browser.installExtension(FIREFOX_EXTENSION_DIR);
    if (id !== ADDON_ID) throw new Error(`installed ${id}, expected ${ADDON_ID}`);
    const extensionPage = async (path: string) => {
      const page = await browser.newPage();
      // BiDi never reports the load of an extension page: start it, then watch the document itself.
      void page.goto(EXTENSION_ORIGIN + path, { timeout: 0 }).catch(() => {});
      await waitFor(
        () => page.evaluate(() => `${location.origin}/ ${document.readyState}`).catch(() => ""),
        (seen) => seen === `${EXTENSION_ORIGIN} complete`,
      );
      return page;
    };
    const control = await extensionPage("how-we-check.html");
    const inExtension = <A, R>(fn: (api: ExtensionApi, arg: A) => R | Promise<R>, arg: A) =>
      control.evaluate(`(${fn.toString()})(browser, ${JSON.stringify(arg ?? null)})`) as Promise<Awaited<R>>;
    const tabIdOf = async (url: string) => {
      const tabs = await inExtension(
        async (api, address) => (await api.tabs.query({})).filter((tab) => tab.url === address),
        url,
      );
      if (tabs.length !== 1 || tabs[0].id === undefined) throw new Error(`tabIdOf: ${tabs.length} tabs at ${url}`);
      return tabs[0].id;
    };
    return {
      browser,
      control,
      inExtension,
      newPage: () => browser.newPage(),
      extensionPage,
      tabIdOf,
      tabRecord: async (url) =>
        inExtension(
          async (api, id) => ({
            state: (await api.storage.session.get(`tab-state:${id}`))[`tab-state:${id}`] ?? null,
            badge: await api.action.getBadgeText({ tabId: id }),
          }),
          await tabIdOf(url),
        ),
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * The claim ids of the markers in `page` (in the overlay's hosts after the claims, looked for through
 * every open shadow root: Puppeteer's `pierce/` selectors), sorted.
 */
export function markerIds(page: Page | Frame): Promise<string[]> {
  return page.$$eval("pierce/[data-claim-id]", (markers) =>
    markers.map((marker) => marker.getAttribute("data-claim-id") ?? "").sort(),
  );
}

/** The claim id of the focused element (through open shadow roots), or `null`. */
export function focusedClaimId(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    let focused = document.activeElement;
    while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
    return focused?.getAttribute("data-claim-id") ?? null;
  });
}

/** Polls `read` until `accept` holds (or throws with the last value after `timeout` ms). */
export async function waitFor<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeout = 15_000): Promise<T> {
  const until = Date.now() + timeout;
  let value = await read();
  while (!accept(value)) {
    if (Date.now() > until) throw new Error(`waitFor: timed out; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
    value = await read();
  }
  return value;
}

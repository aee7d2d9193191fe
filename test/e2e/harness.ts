/**
 * The end-to-end harness: the built extension (`.output/chrome-mv3/`, built
 * once by `global-setup.ts`) in the system's headless Chromium, driven by
 * playwright-core, and the fixture pages served on loopback.
 *
 * - `startServer()`: `test/fixtures/pages/` at `/pages/`, `test/fixtures/e2e/`
 *   at `/e2e/`, on 127.0.0.1 at a random port; tests may add routes.
 * - `launchBrowser()`: a fresh profile with the extension loaded, its service
 *   worker and id, and helpers to read the extension's state from the worker
 *   (tab ids, badge, tab state, settings) and to send the overlay messages.
 *   `launchBrowser({ userDataDir })` keeps the profile, to restart on it.
 *   `launchPlainBrowser()`: the same Chromium without the extension, to
 *   compare against.
 * - `collectConsoleErrors(page)`, `overlayMarkers(page)`, `markerIds(page)`,
 *   `focusedClaimId(page)`, `pageFootprint(page)`: what a test reads from a
 *   page. Where claims and markers are on screen: `page-text.ts`.
 *
 * Every host but 127.0.0.1 resolves to nothing (the fixture pages name
 * made-up hosts), so nothing leaves the machine. `CHROME_PATH` overrides
 * `/usr/bin/chromium`; `E2E_SKIP_BUILD=1` skips the build (global-setup.ts).
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { BrowserContext, Frame, Locator, Page, Worker } from "playwright-core";
import { afterAll, afterEach, beforeAll } from "vitest";
import { launchChromium, type StaticServer, serveStatic } from "../../lib/cli/chromium";
import { TabFrames } from "../../lib/schema";
import { type TabView, tabView } from "../../lib/tab-frames";

/** The repository's root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Where `wxt build` puts the Chrome MV3 extension. */
export const EXTENSION_DIR = join(ROOT, ".output", "chrome-mv3");

/** Directories served by `startServer()`, by URL prefix. */
const MOUNTS: Record<string, string> = {
  "/pages/": join(ROOT, "test", "fixtures", "pages"),
  "/e2e/": join(ROOT, "test", "fixtures", "e2e"),
};

/** The fixture server (see `serveStatic` in lib/cli/chromium.ts). */
export type FixtureServer = StaticServer;

/** Starts the fixture server on 127.0.0.1 at a random free port. */
export function startServer(): Promise<FixtureServer> {
  return serveStatic(MOUNTS);
}

/** The part of the `chrome` API the tests call in the extension's service worker. */
export interface ChromeApi {
  runtime: { getManifest(): { name: string; version: string; manifest_version: number } };
  tabs: {
    query(query: { windowId?: number; active?: boolean }): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: unknown, options?: { frameId?: number }): Promise<unknown>;
  };
  action: { getBadgeText(details: { tabId?: number }): Promise<string> };
  storage: Record<"local" | "session", ChromeStorageArea>;
}

/** A `chrome.storage` area. */
export interface ChromeStorageArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** A request made by the extension: from its service worker, its pages, or a content script. */
export interface ExtensionRequest {
  url: string;
  from: "service-worker" | "extension-page" | "content-script";
}

/** Chromium without the extension (or the base of `ExtensionBrowser`). */
export interface TestBrowser {
  context: BrowserContext;
  /** A new tab (use it rather than `context.newPage()`: the extension's requests in it are recorded). */
  newPage(): Promise<Page>;
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

/** Chromium with the built extension loaded. */
export interface ExtensionBrowser extends TestBrowser {
  /** The extension's id (the host of its `chrome-extension://` URLs). */
  extensionId: string;
  /** The extension's running service worker (waits for it after a restart). */
  worker(): Promise<Worker>;
  /**
   * Runs `fn` in the service worker with its `chrome` API and `arg` (JSON),
   * and returns its (awaited, JSON) result. `fn` is sent as source: it can
   * use only its parameters.
   */
  inWorker<A, R>(fn: (chrome: ChromeApi, arg: A) => R | Promise<R>, arg: A): Promise<Awaited<R>>;
  /** The `chrome.tabs` id of `page`'s tab. */
  tabIdOf(page: Page): Promise<number>;
  /** The popup as a page (`popup.html?tabId=N`), showing tab `tabId`. */
  openPopup(tabId: number): Promise<Page>;
  /** The toolbar badge text of tab `tabId`. */
  badgeText(tabId: number): Promise<string>;
  /**
   * The background's state of tab `tabId` as the popup sees it: the tab's
   * claims across its frames, each with its frame (`TabView`, from
   * `storage.session` key `tab-state:<tabId>`), or `null`.
   */
  tabState(tabId: number): Promise<TabView | null>;
  /** What each frame of tab `tabId` carries, as stored (`TabFrames`), or `null`. */
  tabFrames(tabId: number): Promise<TabFrames | null>;
  /** The stored settings (`storage.local` key `settings`), or `null` when none are stored. */
  settings(): Promise<unknown>;
  /** Removes the stored settings (back to the defaults). */
  resetSettings(): Promise<void>;
  /** Sends a tab message to the overlay in tab `tabId`'s top frame, as the background and the popup do. */
  sendTabMessage(tabId: number, message: unknown): Promise<unknown>;
  /** The value under `key` in the extension's trusted storage (IndexedDB of its origin), or `null`. */
  trustedValue(key: string): Promise<unknown>;
  /**
   * Stores `value` under `key` in trusted storage (`null` removes it), as
   * the extension's pages do, and tells the extension's other contexts.
   */
  setTrustedValue(key: string, value: unknown): Promise<void>;
  /** Every network request the extension made since launch (not loads of its own files). */
  requests: ExtensionRequest[];
  /** Console errors logged by the service worker since launch. */
  workerErrors: string[];
}

/**
 * Chromium's switches: new headless, no sandbox or GPU (containers), no
 * background traffic, the extension alone (when loaded), and every host but
 * 127.0.0.1 unresolvable.
 */

/** Launches Chromium without the extension, with a fresh profile. */
export async function launchPlainBrowser(): Promise<TestBrowser> {
  const { context, close } = await launchChromium({ headless: true });
  return { context, close, newPage: () => context.newPage() };
}

/** A Chrome DevTools stack trace, as far as `fromExtension` reads it. */
interface StackTrace {
  callFrames: { url: string }[];
  parent?: StackTrace;
}

/** Whether a request's initiator is code of the extension at `origin` (a content script's stack). */
function fromExtension(initiator: { url?: string; stack?: StackTrace }, origin: string): boolean {
  if (initiator.url?.startsWith(origin)) return true;
  for (let stack = initiator.stack; stack; stack = stack.parent)
    if (stack.callFrames.some((frame) => frame.url.startsWith(origin))) return true;
  return false;
}

/** Not network: the extension's own files and inline data. */
const isLocalResource = (url: string) => /^(chrome-extension|data|blob|about):/.test(url);

/**
 * Launches Chromium with the built extension and a fresh profile, and finds
 * the extension's service worker. Close it with `close()` (in `afterAll`).
 *
 * `userDataDir`: use that profile instead, and keep it on `close()`; launching
 * again on the same directory restarts the browser with the extension's
 * storage and alarms as they were (the caller removes the directory).
 * `lang`: the browser's language ("ko"), for the interface in that language.
 */
export async function launchBrowser(options: { userDataDir?: string; lang?: string } = {}): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, "manifest.json")))
    throw new Error(`No built extension in ${EXTENSION_DIR}: the e2e global setup runs \`npx wxt build\`.`);
  const { context, close } = await launchChromium({
    headless: true,
    extensionDir: EXTENSION_DIR,
    userDataDir: options.userDataDir,
    lang: options.lang,
  });

  const isOurs = (candidate: Worker) =>
    candidate.url().startsWith("chrome-extension://") && candidate.url().endsWith("/background.js");
  const first =
    context.serviceWorkers().find(isOurs) ??
    (await context.waitForEvent("serviceworker", { predicate: isOurs, timeout: 20_000 }));
  const extensionId = new URL(first.url()).host;
  const origin = `chrome-extension://${extensionId}/`;

  const requests: ExtensionRequest[] = [];
  const workerErrors: string[] = [];
  const watchWorker = (candidate: Worker) => {
    if (!candidate.url().startsWith(origin)) return;
    candidate.on("console", (message) => {
      if (message.type() === "error") workerErrors.push(message.text());
    });
  };
  watchWorker(first);
  context.on("serviceworker", watchWorker);

  context.on("request", (request) => {
    if (isLocalResource(request.url())) return;
    const worker = request.serviceWorker();
    if (worker) {
      if (worker.url().startsWith(origin)) requests.push({ url: request.url(), from: "service-worker" });
      return;
    }
    let frameUrl = "";
    try {
      frameUrl = request.frame().url();
    } catch {
      return; // a request with neither frame nor service worker (none are expected)
    }
    if (frameUrl.startsWith(origin)) requests.push({ url: request.url(), from: "extension-page" });
  });

  // Content scripts fetch in the page's renderer: tell them apart by the initiator's stack.
  const watchedPages = new WeakMap<Page, Promise<void>>();
  const watchPage = (page: Page): Promise<void> => {
    let watching = watchedPages.get(page);
    if (!watching) {
      watching = (async () => {
        const cdp = await context.newCDPSession(page);
        cdp.on("Network.requestWillBeSent", ({ request, initiator }) => {
          if (!isLocalResource(request.url) && fromExtension(initiator, origin))
            requests.push({ url: request.url, from: "content-script" });
        });
        await cdp.send("Network.enable");
      })().catch(() => {}); // the page closed meanwhile
      watchedPages.set(page, watching);
    }
    return watching;
  };
  context.on("page", (page) => void watchPage(page));
  for (const page of context.pages()) void watchPage(page);

  const worker = async (): Promise<Worker> =>
    context.serviceWorkers().find((candidate) => candidate.url().startsWith(origin)) ??
    (await context.waitForEvent("serviceworker", {
      predicate: (candidate) => candidate.url().startsWith(origin),
      timeout: 20_000,
    }));

  const inWorker = async <A, R>(fn: (chrome: ChromeApi, arg: A) => R | Promise<R>, arg: A): Promise<Awaited<R>> =>
    (await worker()).evaluate<Awaited<R>>(`(${fn.toString()})(chrome, ${JSON.stringify(arg ?? null)})`);

  const browser: ExtensionBrowser = {
    context,
    close,
    extensionId,
    worker,
    inWorker,
    requests,
    workerErrors,

    async newPage() {
      const page = await context.newPage();
      await watchPage(page);
      return page;
    },

    async tabIdOf(page) {
      const url = page.url();
      const byUrl = await inWorker(
        async (chrome, address) => (await chrome.tabs.query({})).filter((tab) => tab.url === address),
        url,
      );
      if (byUrl.length === 1 && byUrl[0].id !== undefined) return byUrl[0].id;
      // The address is not unique (or not visible to the extension): the active tab of the page's window.
      await page.bringToFront();
      const cdp = await context.newCDPSession(page);
      const { windowId } = await cdp.send("Browser.getWindowForTarget");
      await cdp.detach();
      const active = await inWorker((chrome, id) => chrome.tabs.query({ windowId: id, active: true }), windowId);
      if (active.length !== 1 || active[0].id === undefined)
        throw new Error(`tabIdOf: no single tab found for ${url} (window ${windowId})`);
      return active[0].id;
    },

    async openPopup(tabId) {
      const popup = await browser.newPage();
      await popup.goto(`${origin}popup.html?tabId=${tabId}`);
      return popup;
    },

    badgeText: (tabId) => inWorker((chrome, id) => chrome.action.getBadgeText({ tabId: id }), tabId),

    tabFrames: async (tabId) => {
      const stored = await inWorker(
        async (chrome, key) => (await chrome.storage.session.get(key))[key] ?? null,
        `tab-state:${tabId}`,
      );
      return stored === null ? null : TabFrames.parse(stored);
    },

    tabState: async (tabId) => tabView(await browser.tabFrames(tabId)),

    settings: () => inWorker(async (chrome) => (await chrome.storage.local.get("settings")).settings ?? null, null),

    resetSettings: () => inWorker((chrome) => chrome.storage.local.remove("settings"), null),

    trustedValue: async (key) =>
      (await worker()).evaluate(`(${TRUSTED_STORAGE_OP})(${JSON.stringify({ key, write: false })})`),

    async setTrustedValue(key, value) {
      await (await worker()).evaluate(`(${TRUSTED_STORAGE_OP})(${JSON.stringify({ key, value, write: true })})`);
    },

    sendTabMessage: (tabId, message) =>
      inWorker(
        (chrome, { id, body }) => chrome.tabs.sendMessage(id, body, { frameId: 0 }).then((reply) => reply ?? null),
        { id: tabId, body: message },
      ),
  };
  return browser;
}

/**
 * Source of a function run in the service worker: one operation on the
 * extension's trusted storage (the IndexedDB store of lib/trusted-storage.ts),
 * announced on its channel after a write as the extension does.
 */
const TRUSTED_STORAGE_OP = `async ({ key, value, write }) => {
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open("trusted-storage", 1);
    request.onupgradeneeded = () => request.result.createObjectStore("items");
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    return await new Promise((resolve, reject) => {
      const transaction = db.transaction("items", write ? "readwrite" : "readonly");
      const store = transaction.objectStore("items");
      const request = !write ? store.get(key) : value === null ? store.delete(key) : store.put(value, key);
      transaction.oncomplete = () => {
        if (write) new BroadcastChannel("trusted-storage-changes").postMessage({ key, from: "e2e-test" });
        resolve(write ? null : request.result ?? null);
      };
      transaction.onerror = () => reject(transaction.error);
    });
  } finally {
    db.close();
  }
}`;

/**
 * The fixture server and Chromium with the extension, shared by the tests of
 * one file: started before them (and handed to `started`), closed after.
 */
export function useExtensionBrowser(
  started: (shared: { server: FixtureServer; browser: ExtensionBrowser }) => void,
  options: { lang?: string } = {},
): void {
  let shared: { server: FixtureServer; browser: ExtensionBrowser } | undefined;
  beforeAll(async () => {
    const server = await startServer();
    shared = { server, browser: await launchBrowser(options) };
    started(shared);
  });
  afterAll(async () => {
    await shared?.browser.close();
    await shared?.server.close();
  });
}

/**
 * `useExtensionBrowser` with a plain Chromium beside it (no extension), for
 * tests that compare a page with and without us; `started` may finish
 * setting both up (routes, init scripts) before the tests run.
 */
export function useExtensionAndPlainBrowsers(
  started: (shared: { server: FixtureServer; browser: ExtensionBrowser; plain: TestBrowser }) => void | Promise<void>,
): void {
  let shared: { server: FixtureServer; browser: ExtensionBrowser; plain: TestBrowser } | undefined;
  beforeAll(async () => {
    const server = await startServer();
    const [browser, plain] = await Promise.all([launchBrowser(), launchPlainBrowser()]);
    shared = { server, browser, plain };
    await started(shared);
  });
  afterAll(async () => {
    await shared?.browser.close();
    await shared?.plain.close();
    await shared?.server.close();
  });
}

/** How long a page gets for the extension to do something it should not (the detector runs at document_idle). */
export const DETECTOR_SETTLE_MS = 2000;

/**
 * A list the tests of a file push the pages they open onto: every page in it
 * is closed after each test, so that one test's tabs never reach the next.
 */
export function closedAfterEach(): Page[] {
  const opened: Page[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((page) => page.close()));
  });
  return opened;
}

/**
 * Collects `page`'s console errors and uncaught exceptions from now on
 * (every world: the page's scripts and content scripts), each with the
 * script's URL where known. The array fills as they come.
 */
export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const { url } = message.location();
    errors.push(url ? `${message.text()} (${url})` : message.text());
  });
  // The stack names the script that threw (a content script's is a chrome-extension:// URL).
  page.on("pageerror", (error) => errors.push(`uncaught: ${error.stack ?? error.message}`));
  return errors;
}

/** The claim markers in `page` or one of its frames (page DOM or open shadow roots): every `[data-claim-id]`. */
export function overlayMarkers(page: Page | Frame): Locator {
  return page.locator("[data-claim-id]");
}

/** The claim ids of the markers in `page`, sorted (a claim with two markers appears twice). */
export async function markerIds(page: Page | Frame): Promise<string[]> {
  const ids = await overlayMarkers(page).evaluateAll((markers) =>
    markers.map((marker) => marker.getAttribute("data-claim-id") ?? ""),
  );
  return ids.sort();
}

/** The claim id of the focused element (looking through open shadow roots), or `null`. */
export function focusedClaimId(page: Page | Frame): Promise<string | null> {
  return page.evaluate(() => {
    let focused = document.activeElement;
    while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
    return focused?.getAttribute("data-claim-id") ?? null;
  });
}

/** What an extension could leave in a page, as the page's own scripts see it. */
export interface PageFootprint {
  /** Elements in the document (shadow trees not counted). */
  elements: number;
  /** `<factcheck-overlay>` hosts. */
  overlayHosts: number;
  /** Elements with `data-claim-id` in the page DOM. */
  claimElements: number;
  /** Elements with an open shadow root. */
  shadowHosts: number;
  adoptedStyleSheets: number;
  /** Entries of the CSS Custom Highlight registry (shared by the page and content scripts). */
  highlights: number;
}

/** Measures `page`'s footprint (see `PageFootprint`), to compare with the same page in a browser without the extension. */
export function pageFootprint(page: Page | Frame): Promise<PageFootprint> {
  return page.evaluate(() => {
    const elements = [...document.getElementsByTagName("*")];
    return {
      elements: elements.length,
      overlayHosts: document.getElementsByTagName("factcheck-overlay").length,
      claimElements: document.querySelectorAll("[data-claim-id]").length,
      shadowHosts: elements.filter((element) => element.shadowRoot).length,
      adoptedStyleSheets: document.adoptedStyleSheets.length,
      highlights: CSS.highlights?.size ?? 0,
    };
  });
}

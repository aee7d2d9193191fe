/**
 * The page is not on the reader's side. A hostile copy of the article runs a
 * script of its own before anything else (a main-world init script) that
 * listens to every key, input and focus event, scans every open shadow root
 * and every field, and clicks, types and submits with events it makes up.
 * In real Chromium:
 *
 * - while a reader (trusted Playwright input) files a dispute and a
 *   new-claim report, the page sees none of their words;
 * - its own clicks, keys and submissions store no report and open no window;
 * - on a page without the article it observes nothing of the extension
 *   (events, messages, DOM, style sheets, highlights), also across
 *   `pushState`; what it dispatches neither restarts detection nor tears the
 *   overlay down;
 * - from the content scripts' world, the reports cannot be read.
 */
import type { CDPSession, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL } from "../fixtures/expectations";
import {
  type ExtensionBrowser,
  type FixtureServer,
  overlayMarkers,
  pageFootprint,
  type TestBrowser,
  useExtensionAndPlainBrowsers,
} from "./harness";

/** What the reader types: none of it may ever reach the page. */
const SECRET_COMMENT = "Quokka-7 saw the Hanoi cable";
const SECRET_EMAIL = "whistle.quokka@mail.example";
const SECRET_NEW_CLAIM = "Zebu-42 says four meetings";

/** What the attacking page learned, as it keeps it in `window.__attacker`. */
interface AttackerLog {
  /** Every key, input, focus and clipboard event it heard (capture phase on `window`). */
  events: { type: string; key: string | null; data: string | null; value: string | null; trusted: boolean }[];
  /** `message` events and the events named after the extension (WXT's context used such names). */
  signals: string[];
  /** DOM mutations (child lists, attributes, text) since the page loaded. */
  mutations: number;
}

/**
 * The attacker, installed by `addInitScript` in every frame before the
 * page's own scripts (not in the extension's own pages: a web page cannot
 * run there). `extensionId` is public (it is the store's id), so the
 * attacker listens to the event names built from it.
 */
function attacker(extensionId: string): void {
  if (location.protocol === "chrome-extension:") return;
  const log: AttackerLog = { events: [], signals: [], mutations: 0 };
  Object.assign(window, { __attacker: log });
  const heard = [
    "keydown",
    "keyup",
    "keypress",
    "beforeinput",
    "input",
    "change",
    "focusin",
    "focusout",
    "compositionend",
    "paste",
    "copy",
    "cut",
    "submit",
  ];
  for (const type of heard)
    window.addEventListener(
      type,
      (event) => {
        const target = event.composedPath()[0] as { value?: unknown } | undefined;
        log.events.push({
          type,
          key: (event as KeyboardEvent).key ?? null,
          data: (event as InputEvent).data ?? null,
          value: target && "value" in target ? String(target.value) : null,
          trusted: event.isTrusted,
        });
      },
      true,
    );
  window.addEventListener("message", (event) => log.signals.push(`message ${JSON.stringify(event.data)}`), true);
  const wxtNames = ["wxt:locationchange", "wxt:content-script-started"];
  const names = [...wxtNames];
  for (const script of ["detector", "overlay"])
    for (const name of wxtNames) names.push(`${extensionId}:${script}:${name}`);
  for (const name of names) {
    window.addEventListener(name, () => log.signals.push(`window ${name}`), true);
    document.addEventListener(name, () => log.signals.push(`document ${name}`), true);
  }
  window.addEventListener("load", () => {
    new MutationObserver((records) => {
      log.mutations += records.length;
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

/** Everything the page can read: its DOM text, every open shadow root's text, and every field's value. */
function scanEverything(): string {
  const parts: string[] = [document.documentElement.textContent ?? ""];
  const visit = (root: Document | ShadowRoot) => {
    for (const element of root.querySelectorAll("*")) {
      if ("value" in element) parts.push(String((element as HTMLInputElement).value));
      if (element.shadowRoot) {
        parts.push(element.shadowRoot.textContent ?? "");
        visit(element.shadowRoot);
      }
    }
  };
  visit(document);
  return parts.join("\n");
}

let server: FixtureServer;
let browser: ExtensionBrowser;
let plain: TestBrowser;

useExtensionAndPlainBrowsers(async (started) => {
  ({ server, browser, plain } = started);
  await browser.context.addInitScript(attacker, browser.extensionId);
  await plain.context.addInitScript(attacker, browser.extensionId);
});

const attackerLog = (page: Page) => page.evaluate(() => (window as unknown as { __attacker: AttackerLog }).__attacker);
const storedReports = async () => ((await browser.trustedValue("reports")) ?? []) as { draft: unknown }[];

/** Loads the article page under attack and waits for its markers. */
async function openArticle(): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(server.url("/pages/news-cms.html"));
  await overlayMarkers(page)
    .nth(ALL.length - 1)
    .waitFor({ state: "attached", timeout: 15_000 });
  return page;
}

/** Pages (tabs and windows) opened in the extension's browser from now on. */
function watchNewPages(): Page[] {
  const pages: Page[] = [];
  browser.context.on("page", (page) => pages.push(page));
  return pages;
}

describe("a reader reporting on a hostile page", () => {
  let article: Page;

  beforeAll(async () => {
    article = await openArticle();
  });
  afterAll(async () => {
    await article.close();
  });

  it("files a dispute in the report window: the page hears no key and finds none of the words", async () => {
    const before = (await storedReports()).length;
    const eventsBefore = (await attackerLog(article)).events.length;
    await article.locator('[data-claim-id="meetings-count"]').click();
    const dialog = article.locator('[role="dialog"][data-card-for="meetings-count"]');
    await dialog.waitFor({ state: "visible" });
    const [window] = await Promise.all([
      browser.context.waitForEvent("page", { timeout: 10_000 }),
      dialog.getByRole("button", { name: "Report a problem with this annotation" }).click(),
    ]);
    const comment = window.getByRole("textbox", { name: "Comment" });
    await comment.waitFor({ timeout: 10_000 });
    await comment.click();
    await window.keyboard.type(SECRET_COMMENT);
    await window.getByRole("textbox", { name: "Contact email (optional)" }).click();
    await window.keyboard.type(SECRET_EMAIL);
    await window.getByRole("button", { name: /Send/ }).click();
    await window.getByText(/Kept on this device/).waitFor({ timeout: 5_000 });
    await window.close();

    const reports = await storedReports();
    expect(reports).toHaveLength(before + 1);
    expect(reports.at(-1)?.draft).toMatchObject({ comment: SECRET_COMMENT, email: SECRET_EMAIL });

    const log = await attackerLog(article);
    const keys = log.events
      .slice(eventsBefore)
      .filter((event) => event.type !== "focusin" && event.type !== "focusout");
    expect(keys, "key and input events the page heard while the reader typed").toEqual([]);
    const seen = JSON.stringify(log) + (await article.evaluate(scanEverything));
    for (const secret of [SECRET_COMMENT, SECRET_EMAIL, "Quokka", "whistle"]) expect(seen).not.toContain(secret);
  });

  it("reports a new claim from the popup: the page finds none of the words", async () => {
    const tabId = await browser.tabIdOf(article);
    await article.evaluate(() => {
      const paragraph = [...document.querySelectorAll("p")].find((p) => p.textContent?.includes("Singapore"));
      const range = document.createRange();
      range.selectNodeContents(paragraph as Node);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    });
    const popup = await browser.openPopup(tabId);
    await popup.getByRole("button", { name: "Report selected text" }).click();
    const form = popup.getByRole("form", { name: "Report a claim for fact-checking" });
    await form.getByRole("textbox", { name: "Comment" }).fill(SECRET_NEW_CLAIM);
    await form.getByRole("button", { name: /Send/ }).click();
    await popup
      .getByText(/Kept on this device/)
      .first()
      .waitFor({ timeout: 5_000 });
    await popup.close();
    expect((await storedReports()).at(-1)?.draft).toMatchObject({ kind: "new-claim", comment: SECRET_NEW_CLAIM });

    const seen = JSON.stringify(await attackerLog(article)) + (await article.evaluate(scanEverything));
    expect(seen).not.toContain("Zebu");
  });

  it("the page's own clicks, keys and submissions store nothing and open no window", async () => {
    const before = (await storedReports()).length;
    const opened = watchNewPages();
    // The reader leaves no card open (the earlier dispute's card stayed pinned).
    await article.mouse.move(1, 1);
    await article.keyboard.press("Escape");
    await expect.poll(() => article.locator('[role="dialog"]').filter({ visible: true }).count()).toBe(0);
    const cardsOpenedByPage = await article.evaluate(() => {
      // Every host: one after each claim's text, and the shared layer.
      const shadows = [...document.querySelectorAll("factcheck-overlay")].map((host) => host.shadowRoot as ShadowRoot);
      for (const marker of shadows.flatMap((shadow) => [...shadow.querySelectorAll("[data-claim-id]")])) {
        (marker as HTMLElement).click();
        for (const type of ["pointerdown", "mousedown", "pointerup", "mouseup", "click"])
          marker.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, cancelable: true }));
        marker.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true, composed: true }));
      }
      return shadows.flatMap((shadow) => [...shadow.querySelectorAll('[role="dialog"]')]).length;
    });
    expect(cardsOpenedByPage, "cards the page's own clicks opened").toBe(0);

    // The reader opens a card; the page then tries every button, link, form and field in it.
    await article.locator('[data-claim-id="friday"]').click();
    await article.locator('[role="dialog"][data-card-for="friday"]').waitFor({ state: "visible" });
    const pressed = await article.evaluate(() => {
      // The card is in its claim's host, right after the marker.
      const shadow = [...document.querySelectorAll("factcheck-overlay")]
        .map((host) => host.shadowRoot as ShadowRoot)
        .find((root) => root.querySelector('[data-card-for="friday"]')) as ShadowRoot;
      const buttons = [...shadow.querySelectorAll("button, a")];
      for (const button of buttons) {
        (button as HTMLElement).click();
        button.dispatchEvent(new MouseEvent("click", { bubbles: true, composed: true, cancelable: true }));
        button.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true, composed: true }));
        button.dispatchEvent(new KeyboardEvent("keydown", { key: " ", bubbles: true, composed: true }));
      }
      for (const form of shadow.querySelectorAll("form")) form.requestSubmit();
      for (const field of shadow.querySelectorAll("input, textarea")) {
        (field as HTMLInputElement).value = "forged by the page";
        field.dispatchEvent(new InputEvent("input", { bubbles: true, composed: true, data: "x" }));
      }
      const card = shadow.querySelector('[role="dialog"]');
      card?.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true, composed: true }));
      document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
      return { buttons: buttons.length, stillOpen: !!shadow.querySelector('[role="dialog"]') };
    });
    expect(pressed.buttons).toBeGreaterThan(2);
    expect(pressed.stillOpen, "a made-up Escape does not close the reader's card").toBe(true);
    await article.waitForTimeout(1_500);
    expect(opened.map((page) => page.url())).toEqual([]);
    expect(await storedReports()).toHaveLength(before);
    await article.keyboard.press("Escape");
  });

  it("what the page dispatches (WXT's event and message names) neither tears the overlay down nor restarts it", async () => {
    await article.evaluate((id) => {
      const hosts = [...document.querySelectorAll("factcheck-overlay")];
      Object.assign(window, { __hosts: hosts });
      for (const script of ["detector", "overlay"]) {
        const started = `${id}:${script}:wxt:content-script-started`;
        window.postMessage({ type: started, contentScriptName: script, messageId: "forged" }, "*");
        window.postMessage({ event: started, contentScriptName: script, messageId: "forged" }, "*");
        window.dispatchEvent(new CustomEvent(`${id}:${script}:wxt:locationchange`, { detail: {} }));
      }
      window.dispatchEvent(new Event("wxt:locationchange"));
    }, browser.extensionId);
    await article.waitForTimeout(1_500);
    const same = await article.evaluate(() => {
      const before = (window as unknown as { __hosts: Element[] }).__hosts;
      const hosts = [...document.querySelectorAll("factcheck-overlay")];
      return before.length > 0 && hosts.length === before.length && hosts.every((host, at) => host === before[at]);
    });
    expect(same, "the same overlay hosts, still there").toBe(true);
    expect(await overlayMarkers(article).count()).toBe(ALL.length);
    // And it still answers the reader.
    await article.locator('[data-claim-id="pronoun"]').click();
    await article.locator('[role="dialog"][data-card-for="pronoun"]').waitFor({ state: "visible" });
    await article.keyboard.press("Escape");
  });

  it("from the content scripts' world, the reports and the endpoint cannot be read", async () => {
    const cdp = await browser.context.newCDPSession(article);
    try {
      const world = await contentScriptWorld(cdp, browser.extensionId);
      const storage = await evaluateIn(
        cdp,
        world,
        `chrome.storage.local.get(null).then((items) => JSON.stringify(items), (error) => "refused: " + error.message)`,
      );
      expect(storage).toMatch(/^refused: /);
      const databases = await evaluateIn(cdp, world, "indexedDB.databases().then((list) => JSON.stringify(list))");
      expect(databases).not.toContain("trusted-storage");
      // The overlay still had what it needs: its switches came by message.
      expect(await overlayMarkers(article).count()).toBe(ALL.length);
    } finally {
      await cdp.detach();
    }
  });
});

/** The execution context id of this extension's content scripts (their isolated world) in the page's main frame. */
async function contentScriptWorld(cdp: CDPSession, extensionId: string): Promise<number> {
  const worlds: { id: number; origin: string; auxData?: { isDefault?: boolean; type?: string } }[] = [];
  cdp.on("Runtime.executionContextCreated", ({ context }) => worlds.push(context));
  await cdp.send("Runtime.enable");
  const world = worlds.find(
    (context) => context.origin === `chrome-extension://${extensionId}` || context.origin.includes(extensionId),
  );
  await cdp.send("Runtime.disable");
  if (!world) throw new Error(`no content-script world among ${JSON.stringify(worlds)}`);
  return world.id;
}

/** Evaluates `expression` (awaiting a promise) in execution context `contextId`; returns its string value. */
async function evaluateIn(cdp: CDPSession, contextId: number, expression: string): Promise<string> {
  const { result, exceptionDetails } = await cdp.send("Runtime.evaluate", {
    expression,
    contextId,
    awaitPromise: true,
    returnByValue: true,
  });
  if (exceptionDetails) return `threw: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`;
  return String(result.value);
}

describe("a page without the article", () => {
  it("observes nothing of the extension, also across pushState", async () => {
    const url = server.url("/pages/unrelated.html");
    const page = await browser.newPage();
    const reference = await plain.newPage();
    try {
      await Promise.all([page.goto(url), reference.goto(url)]);
      await page.waitForTimeout(2_000);
      for (const tab of [page, reference])
        await tab.evaluate(() => {
          history.pushState({}, "", "/pages/unrelated-next.html");
          history.pushState({}, "", "/pages/unrelated.html?view=2");
        });
      // The detector looks again after a navigation (debounced); give it time to.
      await page.waitForTimeout(2_000);

      const [log, referenceLog] = await Promise.all([attackerLog(page), attackerLog(reference)]);
      expect(log.signals, "events and messages the page heard").toEqual([]);
      expect(log.mutations, "DOM mutations, as without the extension").toBe(referenceLog.mutations);
      expect(log.events).toEqual(referenceLog.events);
      expect(await pageFootprint(page)).toEqual(await pageFootprint(reference));
      const footprint = await pageFootprint(page);
      expect(footprint).toMatchObject({ overlayHosts: 0, claimElements: 0, adoptedStyleSheets: 0, highlights: 0 });
    } finally {
      await page.close();
      await reference.close();
    }
  });
});

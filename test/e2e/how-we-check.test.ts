/**
 * The "How we check" page in real Chromium: opened as an extension page it
 * shows the verdict scale, how claims were chosen, the sourcing policy,
 * reporting and corrections, and the corrections log; a claim card says
 * "As of" and "Corrected" next to its verdict, and its "How we check"
 * button, on the reader's own (trusted) click, has the background open the
 * page in a new tab, while a click the page's scripts make opens nothing;
 * the popup gives the dataset's version and date and links to the page.
 * The page is not web-accessible: no site can load it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { dataset } from "../../lib/dataset";
import { VERDICT_ORDER, VERDICTS } from "../../lib/verdicts";
import en from "../../public/_locales/en/messages.json";
import { ALL } from "../fixtures/expectations";
import {
  closedAfterEach,
  collectConsoleErrors,
  EXTENSION_DIR,
  type ExtensionBrowser,
  type FixtureServer,
  launchBrowser,
  overlayMarkers,
  startServer,
} from "./harness";

let server: FixtureServer;
let browser: ExtensionBrowser;
let article: Page;
let articleTab: number;
const opened = closedAfterEach();

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  article = await browser.newPage();
  await article.goto(server.url("/pages/news-cms.html"));
  await overlayMarkers(article)
    .nth(ALL.length - 1)
    .waitFor({ state: "attached", timeout: 15_000 });
  articleTab = await browser.tabIdOf(article);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(async () => {
  await article.mouse.move(1, 1);
  if (await article.locator('[role="dialog"]').filter({ visible: true }).count())
    await article.keyboard.press("Escape");
});

const pageUrl = () => `chrome-extension://${browser.extensionId}/how-we-check.html`;
const marker = (id: string) => article.locator(`[data-claim-id="${id}"]`);
const card = (id: string) => article.locator(`[role="dialog"][data-card-for="${id}"]`);
const squash = (text: string | null) => (text ?? "").replace(/\s+/g, " ");

/** The extension's pages open now (tabs showing how-we-check.html). */
const methodPages = () => browser.context.pages().filter((page) => page.url() === pageUrl());

/** Checks the sections of the page in `page`. */
async function expectMethodPage(page: Page): Promise<void> {
  await page.getByRole("heading", { level: 1, name: "How we check" }).waitFor({ timeout: 10_000 });
  expect(await page.title()).toBe("How we check");
  expect(await page.getByRole("heading", { level: 2 }).allTextContents()).toEqual([
    "The verdicts",
    "How the claims were chosen",
    "Sources",
    "Reporting a problem, and how a correction is made",
    "Corrections log",
  ]);
}

describe("the How we check page", () => {
  it("opens as an extension page with the verdict scale, the method, the sourcing policy and the corrections log", async () => {
    const page = await browser.newPage();
    opened.push(page);
    const errors = collectConsoleErrors(page);
    await page.goto(pageUrl());
    await expectMethodPage(page);

    const main = squash(await page.getByRole("main").textContent());
    expect(main).toContain(`Dataset version ${dataset.meta.version}, 1 December 2026`);

    const verdicts = page.getByRole("region", { name: "The verdicts" });
    expect(await verdicts.getByRole("term").allTextContents()).toEqual(
      VERDICT_ORDER.map((verdict) => `${VERDICTS[verdict].icon} ${VERDICTS[verdict].label}`),
    );
    expect(await verdicts.getByRole("definition").allTextContents()).toEqual(
      VERDICT_ORDER.map((verdict) => en[`verdictDefinition_${verdict.replace("-", "_")}` as keyof typeof en].message),
    );

    const sources = squash(await page.getByRole("region", { name: "Sources" }).textContent());
    expect(sources).toContain("Primary sources first.");
    expect(sources).toContain("Syndicated copies are labelled.");

    const log = page.getByRole("region", { name: "Corrections log" });
    expect(await log.getByRole("listitem").count()).toBe(dataset.corrections.length);
    expect(await log.locator("time").first().getAttribute("datetime")).toBe(dataset.meta.date);

    // Themed like the options page: the shared theme's page background and a centred column.
    const layout = await page.getByRole("main").evaluate((main) => ({
      maxWidth: getComputedStyle(main).maxWidth,
      font: getComputedStyle(document.body).fontFamily,
    }));
    expect(layout.maxWidth).not.toBe("none");
    expect(layout.font).toContain("system-ui");
    expect(errors).toEqual([]);
  });

  it("is not web-accessible: the manifest exposes it to no site", () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, "manifest.json"), "utf8"));
    const exposed = JSON.stringify(manifest.web_accessible_resources ?? []);
    expect(exposed).not.toContain("how-we-check");
  });
});

describe("from a claim card", () => {
  it("the card says “As of” and “Corrected” next to the verdict", async () => {
    await marker("meetings-count").click();
    const dialog = card("meetings-count");
    await dialog.waitFor({ state: "visible", timeout: 5_000 });
    const header = squash(await dialog.locator(".fc-card__header").textContent());
    expect(header).toContain("As of 12 June 2020 · Corrected 1 December 2026");
    expect(squash(await dialog.getByRole("region", { name: "Correction" }).textContent())).toContain(
      "Corrected 1 December 2026:",
    );
  });

  it("a click the page makes (untrusted) opens nothing", async () => {
    await marker("friday").click();
    const dialog = card("friday");
    await dialog.waitFor({ state: "visible", timeout: 5_000 });
    const button = dialog.getByRole("button", { name: /How we check/ });
    await button.evaluate((element) => (element as HTMLElement).click());
    await button.evaluate((element) => element.dispatchEvent(new MouseEvent("click", { bubbles: true })));
    await article.waitForTimeout(1_000);
    expect(methodPages()).toEqual([]);
  });

  it("the reader's click on “How we check” opens the page in a new tab", async () => {
    await marker("friday").click();
    const dialog = card("friday");
    await dialog.waitFor({ state: "visible", timeout: 5_000 });
    const [page] = await Promise.all([
      browser.context.waitForEvent("page", {
        predicate: (candidate) => candidate.url() === pageUrl(),
        timeout: 10_000,
      }),
      dialog.getByRole("button", { name: /How we check/ }).click(),
    ]);
    opened.push(page);
    await expectMethodPage(page);
    // Opened once, in a tab of its own; the article's tab stays where it was. (Counted from the browser's pages:
    // without the "tabs" permission, some Chromium versions hide an extension page's address from `tabs.query`.)
    expect(browser.context.pages().filter((candidate) => candidate.url() === pageUrl())).toEqual([page]);
    expect(article.url()).toBe(server.url("/pages/news-cms.html"));
    expect(browser.requests).toEqual([]);
  });
});

describe("from the popup", () => {
  it("gives the dataset's version and date, and its link opens the page in a new tab", async () => {
    const popup = await browser.openPopup(articleTab);
    opened.push(popup);
    const line = popup.locator(".popup__dataset");
    await line.waitFor({ timeout: 10_000 });
    expect(squash(await line.textContent())).toContain(`Dataset version ${dataset.meta.version}, 1 December 2026`);
    const [page] = await Promise.all([
      browser.context.waitForEvent("page", {
        predicate: (candidate) => candidate.url() === pageUrl(),
        timeout: 10_000,
      }),
      popup.getByRole("link", { name: /How we check/ }).click(),
    ]);
    opened.push(page);
    await expectMethodPage(page);
    const item = popup.locator('[data-claim="friday"]');
    expect(squash(await item.textContent())).toContain("As of 12 June 2020");
  });
});

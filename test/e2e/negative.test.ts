/**
 * Pages without the article are left alone: 2 s after load, the page is as it is in a browser without the
 * extension (elements, shadow roots, style sheets, highlights), the
 * extension logged no error, made no request, kept no tab state and shows
 * no badge.
 */
import { expect, it } from "vitest";
import { NEGATIVE_PAGES } from "../fixtures/expectations";
import {
  collectConsoleErrors,
  DETECTOR_SETTLE_MS,
  type ExtensionBrowser,
  type FixtureServer,
  pageFootprint,
  type TestBrowser,
  useExtensionAndPlainBrowsers,
} from "./harness";

let server: FixtureServer;
let browser: ExtensionBrowser;
let plain: TestBrowser;

useExtensionAndPlainBrowsers((started) => {
  ({ server, browser, plain } = started);
});

it.each(NEGATIVE_PAGES)("%s is left alone", async (name) => {
  const url = server.url(`/pages/${name}`);
  const page = await browser.newPage();
  const reference = await plain.newPage();
  try {
    const errors = collectConsoleErrors(page);
    const referenceErrors = collectConsoleErrors(reference);
    const requestsBefore = browser.requests.length;
    const workerErrorsBefore = browser.workerErrors.length;

    await Promise.all([page.goto(url), reference.goto(url)]);
    await page.waitForTimeout(DETECTOR_SETTLE_MS);

    const footprint = await pageFootprint(page);
    expect(footprint.overlayHosts, "a <factcheck-overlay> host").toBe(0);
    expect(footprint.claimElements, "[data-claim-id] elements").toBe(0);
    expect(await page.locator("[data-claim-id]").count(), "[data-claim-id] in open shadow roots").toBe(0);
    expect(footprint, "the page as a browser without the extension has it").toEqual(await pageFootprint(reference));

    // The pages' own failed loads (made-up hosts) and script errors happen without the extension too.
    expect(errors.filter((error) => !referenceErrors.includes(error))).toEqual([]);
    expect(browser.workerErrors.slice(workerErrorsBefore)).toEqual([]);
    expect(browser.requests.slice(requestsBefore)).toEqual([]);

    const tabId = await browser.tabIdOf(page);
    expect(await browser.tabState(tabId)).toBeNull();
    expect(await browser.badgeText(tabId)).toBe("");
  } finally {
    await page.close();
    await reference.close();
  }
});

/**
 * The copy actions with the built extension: in a claim's card on a page
 * whose typography differs from the dataset (straight quotes, soft hyphens,
 * no-break spaces), "Copy link to this claim" copies the page's address with
 * the text directive the overlay built from the page's own text, and "Copy
 * ClaimReview" a Google-eligible ClaimReview pointing at that link; a click a
 * page script dispatches into the overlay copies nothing; the popup's "Copy
 * link to this claim" copies the same link. A real click (Playwright's) is a
 * trusted event, so the content script's `navigator.clipboard.writeText`
 * runs on a user gesture as it would for a reader.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { GoogleClaimReview } from "../../lib/dataset-export/claim-review-schema";
import { TabState } from "../../lib/schema";
import { withTextFragment } from "../../lib/text-fragment";
import { ALL } from "../fixtures/expectations";
import { type ExtensionBrowser, type FixtureServer, launchBrowser, overlayMarkers, startServer } from "./harness";

const CLAIM = "working-level";

let server: FixtureServer;
let browser: ExtensionBrowser;
let page: Page;
let url: string;
let expectedLink: string;

const card = () => page.locator(`[role="dialog"][data-card-for="${CLAIM}"]`);
const readClipboard = (target: Page) => target.evaluate(() => navigator.clipboard.readText());

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.origin });
  page = await browser.newPage();
  url = server.url("/pages/typography.html");
  await page.goto(`${url}#top`);
  await overlayMarkers(page)
    .nth(ALL.length - 1)
    .waitFor({ state: "attached", timeout: 15_000 });
  // The overlay adds the directives to the tab state just after painting.
  const tabId = await browser.tabIdOf(page);
  const directiveNow = async () =>
    TabState.parse(await browser.tabState(tabId)).claims.find((anchor) => anchor.claimId === CLAIM)?.textDirective;
  let directive = await directiveNow();
  for (let tries = 0; !directive && tries < 50; tries++) {
    await page.waitForTimeout(100);
    directive = await directiveNow();
  }
  if (!directive) throw new Error(`no text directive for ${CLAIM} in the tab state`);
  expectedLink = withTextFragment(url, directive);
  await page.locator(`[data-claim-id="${CLAIM}"]`).click();
  await card().waitFor({ state: "visible", timeout: 5_000 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it("the card's “Copy link to this claim” copies the page's address with the claim's fragment from this page's text", async () => {
  await page.evaluate(() => navigator.clipboard.writeText("before"));
  await card().getByRole("button", { name: "Copy link to this claim" }).click();
  await card().getByRole("button", { name: "Copied" }).waitFor({ timeout: 5_000 });
  const link = await readClipboard(page);
  expect(link).toBe(expectedLink);
  // The page has straight quotes here ("US's"): the link carries them, not the dataset's curly ones.
  expect(decodeURIComponent(link)).not.toContain("’");
});

it("the card's “Copy ClaimReview” copies a Google-eligible ClaimReview whose url is that link", async () => {
  // The link button's "Copied" goes after a moment.
  await card().getByRole("button", { name: "Copy link to this claim" }).waitFor({ timeout: 5_000 });
  await card().getByRole("button", { name: "Copy ClaimReview" }).click();
  await card().getByRole("button", { name: "Copied" }).waitFor({ timeout: 5_000 });
  const review = GoogleClaimReview.parse(JSON.parse(await readClipboard(page)));
  expect(review.url).toBe(expectedLink);
  expect(review.reviewRating.alternateName).toBe("Needs context");
  expect(review.itemReviewed.appearance.url).toBe(url);
});

it("a click dispatched by the page's own script copies nothing", async () => {
  await page.evaluate(() => navigator.clipboard.writeText("untouched"));
  // Wait for the earlier "Copied" to go, then let the page click both buttons.
  await card().getByRole("button", { name: "Copy ClaimReview" }).waitFor({ timeout: 5_000 });
  const clicked = await page.evaluate(() => {
    // Every open shadow root in the page: the card is in its claim's host, after the claim's text.
    const buttons = [...document.querySelectorAll("*")]
      .flatMap((element) => [...(element.shadowRoot?.querySelectorAll("button") ?? [])])
      .filter((button) => button.textContent?.startsWith("Copy"));
    for (const button of buttons) button.click();
    return buttons.length;
  });
  expect(clicked).toBe(2);
  await page.waitForTimeout(300);
  expect(await readClipboard(page)).toBe("untouched");
  expect(await card().getByRole("button", { name: "Copied" }).count()).toBe(0);
});

it("the popup's “Copy link to this claim” copies the same link", async () => {
  const tabId = await browser.tabIdOf(page);
  const popup = await browser.openPopup(tabId);
  await popup.bringToFront();
  const item = popup.locator(`[data-claim="${CLAIM}"]`);
  await item.getByRole("button", { name: "Copy link to this claim" }).click();
  await item.getByRole("button", { name: "Copied" }).waitFor({ timeout: 5_000 });
  await popup.close();
  // Read back in the web page, whose origin may read the clipboard (an extension page cannot be granted that).
  await page.bringToFront();
  // The tab's address had a fragment (#top): the link replaces it.
  expect(await readClipboard(page)).toBe(expectedLink);
});

/**
 * The popup (`popup.html?tabId=N`, opened as a page) and the badge: the
 * tab's status and claim list,
 * "Show in page", the switches applied live to the open tab and kept across
 * a reload, and the badge count cleared on navigation.
 */
import type { Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { dataset } from "../../lib/dataset";
import { ALL, QUOTES } from "../fixtures/expectations";
import {
  closedAfterEach,
  DETECTOR_SETTLE_MS,
  type ExtensionBrowser,
  type FixtureServer,
  focusedClaimId,
  markerIds,
  useExtensionBrowser,
} from "./harness";

const ALL_SORTED = [...ALL].sort();

let server: FixtureServer;
let browser: ExtensionBrowser;
const opened = closedAfterEach();
useExtensionBrowser((started) => {
  ({ server, browser } = started);
});

afterEach(async () => {
  await browser.resetSettings();
});

/** Opens `path` in a new tab and waits for the markers it should get (none: do not wait). */
async function open(path: string, markers: readonly string[] = []): Promise<{ page: Page; tabId: number }> {
  const page = await browser.newPage();
  opened.push(page);
  await page.goto(server.url(path));
  if (markers.length) await expect.poll(() => markerIds(page), { timeout: 15_000 }).toEqual([...markers].sort());
  return { page, tabId: await browser.tabIdOf(page) };
}

/** The popup for `tabId`, closed after the test. */
async function popupFor(tabId: number): Promise<Page> {
  const popup = await browser.openPopup(tabId);
  opened.push(popup);
  return popup;
}

/** The popup's switch named exactly `name`. */
const toggle = (popup: Page, name: string) => popup.getByRole("switch", { name, exact: true });

/** Turns the switch `name` on or off as a reader does, by clicking its label, and checks that it took. */
async function setSwitch(popup: Page, name: string, on: boolean): Promise<void> {
  const input = toggle(popup, name);
  if ((await input.isChecked()) !== on) await popup.locator("label").filter({ has: input }).click();
  await expect.poll(() => input.isChecked(), { message: `switch "${name}"`, timeout: 5_000 }).toBe(on);
}

describe("the popup for a tab", () => {
  it("shows the article's status and its 14 claims; Show in page scrolls to the claim and focuses its marker", async () => {
    const { page, tabId } = await open("/pages/news-cms.html", ALL);
    const popup = await popupFor(tabId);
    await popup.getByText("Found on this page: 14 claims").waitFor({ timeout: 10_000 });
    const showButtons = popup.getByRole("button", { name: /show in page/i });
    expect(await showButtons.count()).toBe(14);

    const last = ALL[ALL.length - 1]; // far down the page, out of view at first
    const inView = () =>
      page.locator(`[data-claim-id="${last}"]`).evaluate((marker) => {
        const box = marker.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight;
      });
    expect(await inView(), `${last} is out of view before`).toBe(false);
    await popup
      .getByRole("listitem")
      .filter({ hasText: QUOTES[last] })
      .getByRole("button", { name: /show in page/i })
      .first()
      .click();
    await expect.poll(() => focusedClaimId(page), { timeout: 5_000 }).toBe(last);
    await expect.poll(inView, { timeout: 5_000 }).toBe(true);
  });

  it('says "The article is not on this page." for a tab without it', async () => {
    const { tabId } = await open("/pages/unrelated.html");
    const popup = await popupFor(tabId);
    await popup.getByText("The article is not on this page.").waitFor({ timeout: 10_000 });
    expect(await popup.getByRole("button", { name: /show in page/i }).count()).toBe(0);
  });
});

describe("the switches", () => {
  it('"Annotations on all sites" removes the markers live; they stay off after a reload and come back when on', async () => {
    const { page, tabId } = await open("/pages/news-cms.html", ALL);
    const popup = await popupFor(tabId);
    expect(await toggle(popup, "Annotations on all sites").isChecked()).toBe(true);

    await setSwitch(popup, "Annotations on all sites", false);
    await expect.poll(() => markerIds(page), { timeout: 5_000 }).toEqual([]);
    await expect.poll(() => browser.settings()).toMatchObject({ enabled: false });

    await page.reload();
    await page.waitForTimeout(DETECTOR_SETTLE_MS);
    expect(await markerIds(page), "markers after a reload with annotations off").toEqual([]);
    await popup.reload();
    expect(await toggle(popup, "Annotations on all sites").isChecked(), "the switch after reopening").toBe(false);

    await setSwitch(popup, "Annotations on all sites", true);
    await expect.poll(() => markerIds(page), { timeout: 10_000 }).toEqual(ALL_SORTED);
  });

  it("a verdict switch hides that verdict's markers, and only those", async () => {
    const { page, tabId } = await open("/pages/news-cms.html", ALL);
    const popup = await popupFor(tabId);
    const inaccurate = ALL.filter((id) => dataset.claims.find((claim) => claim.id === id)?.verdict === "inaccurate");
    expect(inaccurate.length).toBeGreaterThan(0);

    await setSwitch(popup, "Inaccurate", false);
    await expect
      .poll(() => markerIds(page), { timeout: 5_000 })
      .toEqual(ALL_SORTED.filter((id) => !inaccurate.includes(id)));
    await setSwitch(popup, "Inaccurate", true);
    await expect.poll(() => markerIds(page), { timeout: 5_000 }).toEqual(ALL_SORTED);
  });

  it("a topic switch hides that topic's markers, and only those", async () => {
    const { page, tabId } = await open("/pages/news-cms.html", ALL);
    const popup = await popupFor(tabId);
    const sanctions = ALL.filter((id) => dataset.claims.find((claim) => claim.id === id)?.topic === "sanctions");
    expect(sanctions.length).toBeGreaterThan(0);

    await setSwitch(popup, "Sanctions", false);
    await expect
      .poll(() => markerIds(page), { timeout: 5_000 })
      .toEqual(ALL_SORTED.filter((id) => !sanctions.includes(id)));
    await setSwitch(popup, "Sanctions", true);
    await expect.poll(() => markerIds(page), { timeout: 5_000 }).toEqual(ALL_SORTED);
  });

  it('"Annotations on <hostname>" removes the markers on that site, also after a reload, and not the others\' switch', async () => {
    const { page, tabId } = await open("/pages/news-cms.html", ALL);
    const popup = await popupFor(tabId);
    const site = `Annotations on ${new URL(server.origin).hostname}`;
    expect(await toggle(popup, site).isChecked()).toBe(true);

    await setSwitch(popup, site, false);
    await expect.poll(() => markerIds(page), { timeout: 5_000 }).toEqual([]);
    expect(await toggle(popup, "Annotations on all sites").isChecked(), "annotations stay on elsewhere").toBe(true);
    await expect.poll(() => browser.settings()).toMatchObject({ enabled: true, disabledSites: ["127.0.0.1"] });

    await page.reload();
    await page.waitForTimeout(DETECTOR_SETTLE_MS);
    expect(await markerIds(page), "markers after a reload with the site off").toEqual([]);

    await setSwitch(popup, site, true);
    await expect.poll(() => markerIds(page), { timeout: 10_000 }).toEqual(ALL_SORTED);
  });
});

describe("the badge", () => {
  it("counts the inaccurate and misleading claims on the tab, and clears on navigating to another page", async () => {
    const { page, tabId } = await open("/pages/news-cms.html", ALL);
    await expect.poll(() => browser.badgeText(tabId), { timeout: 5_000 }).toBe("6");
    expect(await browser.tabState(tabId)).toMatchObject({
      url: page.url(),
      article: { id: dataset.article.id },
      claims: expect.arrayContaining(ALL.map((claimId) => expect.objectContaining({ claimId }))),
    });

    await page.goto(server.url("/pages/unrelated.html"));
    await expect.poll(() => browser.badgeText(tabId), { timeout: 5_000 }).toBe("");
    await expect.poll(() => browser.tabState(tabId), { timeout: 5_000 }).toBeNull();
  });
});

/**
 * Content that arrives late, found with bounded observation: the article put into
 * the page 1.5 s after load (test/fixtures/e2e/late.html), and a
 * single-page app that navigates to the article and away from it with
 * history.pushState (test/fixtures/e2e/spa.html). Markers come with the
 * article and go with it, and so does the badge.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL, QUOTES } from "../fixtures/expectations";
import { type ExtensionBrowser, type FixtureServer, markerIds, useExtensionBrowser } from "./harness";
import { misplacedMarkers } from "./page-text";

/** What the fixture pages' scripts expose, read by the tests. */
interface FixtureWindow {
  /** late.html: `performance.now()` when the article was put into the page. */
  __storyArrivedAt?: number;
  /** spa.html: the view on screen ("home", "story"; "loading" in between). */
  __spaView?: string;
}

/** Markers appear within this long of the article appearing (detector debounce, injection, anchoring). */
const MARKERS_WITHIN_MS = 3000;

const ALL_SORTED = [...ALL].sort();
const ARTICLE_HEADLINE = "North Korea vows to bolster military might in face of US threats";

let server: FixtureServer;
let browser: ExtensionBrowser;
useExtensionBrowser((started) => {
  ({ server, browser } = started);
});

describe("late.html (the article arrives 1.5 s after load)", () => {
  it("gets its markers once the article is there, not before", async () => {
    const page = await browser.newPage();
    try {
      await page.goto(server.url("/e2e/late.html"));
      expect(await markerIds(page), "markers before the article arrived").toEqual([]);

      await page.waitForFunction(() => (window as FixtureWindow).__storyArrivedAt !== undefined, null, {
        timeout: 10_000,
      });
      await expect.poll(() => markerIds(page), { timeout: 10_000 }).toEqual(ALL_SORTED);
      const delay = await page.evaluate(() => performance.now() - ((window as FixtureWindow).__storyArrivedAt ?? 0));
      expect(delay, "ms from the article's arrival to its markers").toBeLessThan(MARKERS_WITHIN_MS);
      expect(server.served).toContain("/e2e/article.json");

      await expect.poll(() => misplacedMarkers(page, QUOTES), { timeout: 5_000 }).toEqual([]);
      expect(await browser.badgeText(await browser.tabIdOf(page))).toBe("6");
    } finally {
      await page.close();
    }
  });
});

describe("spa.html (single-page app navigation to and away from the article)", () => {
  let page: Page;
  let tabId: number;
  const view = (name: string) =>
    page.waitForFunction((wanted) => (window as FixtureWindow).__spaView === wanted, name, { timeout: 10_000 });

  beforeAll(async () => {
    page = await browser.newPage();
  });

  afterAll(async () => {
    await page?.close();
  });

  it("has no markers on the home view", async () => {
    await page.goto(server.url("/e2e/spa.html"));
    await view("home");
    tabId = await browser.tabIdOf(page);
    // Nothing is expected to happen: give the detector its usual time to (not) react.
    await page.waitForTimeout(1000);
    expect(await markerIds(page)).toEqual([]);
    expect(await browser.badgeText(tabId)).toBe("");
  });

  it("gets the markers (and the badge) after navigating to the article", async () => {
    await page.getByRole("link", { name: ARTICLE_HEADLINE }).click();
    await view("story");
    expect(new URL(page.url()).search).toBe("?story=north-korea-vows-to-bolster-military-might");
    await expect.poll(() => markerIds(page), { timeout: 15_000 }).toEqual(ALL_SORTED);
    await expect.poll(() => misplacedMarkers(page, QUOTES), { timeout: 5_000 }).toEqual([]);
    await expect.poll(() => browser.badgeText(tabId)).toBe("6");
  });

  it("loses the markers, the badge and the tab state after navigating away", async () => {
    await page.getByRole("link", { name: /Back to top stories/ }).click();
    await view("home");
    expect(new URL(page.url()).search).toBe("");
    await expect.poll(() => markerIds(page), { timeout: 10_000 }).toEqual([]);
    await expect.poll(() => browser.badgeText(tabId), { timeout: 5_000 }).toBe("");
    await expect.poll(() => browser.tabState(tabId), { timeout: 5_000 }).toBeNull();
  });

  it("gets them back when the reader goes back to the article (history back)", async () => {
    await page.goBack();
    await view("story");
    await expect.poll(() => markerIds(page), { timeout: 15_000 }).toEqual(ALL_SORTED);
    await expect.poll(() => browser.badgeText(tabId)).toBe("6");
  });
});

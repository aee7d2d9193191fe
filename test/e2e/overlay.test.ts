/**
 * The overlay on every positive fixture page: exactly the markers of the
 * claims the page carries (the baseline's expectations, test/fixtures/
 * expectations.ts), each a button whose accessible name starts with its
 * verdict word, with `data-verdict`, placed on its claim's last line; and
 * no error from the extension's scripts on the way.
 */
import { expect, it } from "vitest";
import { claimById } from "../../lib/dataset";
import { VERDICTS } from "../../lib/verdicts";
import { ALL, type ClaimId, POSITIVE_PAGES } from "../fixtures/expectations";
import {
  collectConsoleErrors,
  type ExtensionBrowser,
  type FixtureServer,
  markerIds,
  useExtensionBrowser,
} from "./harness";
import { misplacedMarkers } from "./page-text";

let server: FixtureServer;
let browser: ExtensionBrowser;
useExtensionBrowser((started) => {
  ({ server, browser } = started);
});

it.each(Object.entries(POSITIVE_PAGES))("%s gets exactly the markers of its claims", async (name, expected) => {
  const ids = ALL.filter((id) => id in expected);
  const quotes = Object.fromEntries(ids.map((id) => [id, expected[id] as string])) as Record<ClaimId, string>;
  const page = await browser.newPage();
  const errors = collectConsoleErrors(page);
  const workerErrorsBefore = browser.workerErrors.length;
  try {
    await page.goto(server.url(`/pages/${name}`));
    await expect.poll(() => markerIds(page), { timeout: 15_000 }).toEqual([...ids].sort());

    for (const id of ids) {
      const claim = claimById(id);
      if (!claim) throw new Error(`${id} is not in the dataset`);
      const marker = page.locator(`[data-claim-id="${id}"]`);
      const { tag, verdict, label } = await marker.evaluate((element) => ({
        tag: element.tagName,
        verdict: element.getAttribute("data-verdict"),
        label: element.getAttribute("aria-label") ?? element.textContent,
      }));
      expect({ id, tag, verdict }).toEqual({ id, tag: "BUTTON", verdict: claim.verdict });
      // Playwright computes the accessible name (aria-label, labelledby, contents) as a screen reader does.
      const word = VERDICTS[claim.verdict].label;
      const named = page.getByRole("button", { name: new RegExp(`^${word}\\b`), includeHidden: true }).and(marker);
      expect(await named.count(), `${id}: accessible name should start with "${word}" (label: ${label})`).toBe(1);
    }

    await expect.poll(() => misplacedMarkers(page, quotes), { timeout: 5_000 }).toEqual([]);
    expect(await markerIds(page), "no marker came or went after they settled").toEqual([...ids].sort());
    expect(
      errors.filter((error) => error.includes("chrome-extension://")),
      "the extension's errors",
    ).toEqual([]);
    expect(browser.workerErrors.slice(workerErrorsBefore), "the service worker's errors").toEqual([]);
  } finally {
    await page.close();
  }
});

/**
 * Claim cards and the keyboard: a
 * click, Enter or hover on a marker opens the claim's card; so does a click
 * on the claim's text. Esc closes it and focus returns to the marker. The
 * card shows the verdict word, the summary, the facts with their dates and
 * the sources as https links opened without a referrer. The keyboard
 * commands (sent as `step-claim` tab messages) move from claim to claim.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { claimById, dataset } from "../../lib/dataset";
import { formatDate } from "../../lib/i18n/dates";
import { VERDICTS } from "../../lib/verdicts";
import { ALL, QUOTES } from "../fixtures/expectations";
import {
  type ExtensionBrowser,
  type FixtureServer,
  focusedClaimId,
  launchBrowser,
  markerIds,
  overlayMarkers,
  startServer,
} from "./harness";
import { claimLayout } from "./page-text";

let server: FixtureServer;
let browser: ExtensionBrowser;
let page: Page;
let tabId: number;

const marker = (id: string) => page.locator(`[data-claim-id="${id}"]`);
const card = (id: string) => page.locator(`[role="dialog"][data-card-for="${id}"]`);
const openCards = () => page.locator('[role="dialog"]').filter({ visible: true });

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.goto(server.url("/pages/news-cms.html"));
  await overlayMarkers(page)
    .nth(ALL.length - 1)
    .waitFor({ state: "attached", timeout: 15_000 });
  tabId = await browser.tabIdOf(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  // Start each test with the mouse out of the way and no card open.
  await page.mouse.move(1, 1);
  if (await openCards().count()) await page.keyboard.press("Escape");
  await expect.poll(() => openCards().count(), { timeout: 5_000 }).toBe(0);
});

describe("opening and closing a card", () => {
  it("the page has its 14 markers", async () => {
    expect(await markerIds(page)).toEqual([...ALL].sort());
  });

  it("a click on a marker opens its card; Esc closes it and focus returns to the marker", async () => {
    await marker("meetings-count").click();
    await card("meetings-count").waitFor({ state: "visible", timeout: 5_000 });
    await page.keyboard.press("Escape");
    await card("meetings-count").waitFor({ state: "hidden", timeout: 5_000 });
    expect(await focusedClaimId(page)).toBe("meetings-count");
  });

  it("Enter on a focused marker opens its card; Esc closes it and focus returns to the marker", async () => {
    await marker("test-suspension").focus();
    await page.keyboard.press("Enter");
    await card("test-suspension").waitFor({ state: "visible", timeout: 5_000 });
    await page.keyboard.press("Escape");
    await card("test-suspension").waitFor({ state: "hidden", timeout: 5_000 });
    expect(await focusedClaimId(page)).toBe("test-suspension");
  });

  it("hovering a marker opens its card; Esc closes it", async () => {
    await marker("working-level").hover();
    await card("working-level").waitFor({ state: "visible", timeout: 5_000 });
    await page.keyboard.press("Escape");
    await card("working-level").waitFor({ state: "hidden", timeout: 5_000 });
  });

  it("a click on the claim's text in the page opens its card", async () => {
    const id = "test-site";
    const where = async () => {
      const boxes = (await claimLayout(page, { [id]: QUOTES[id] })).quotes[id];
      if (!boxes) throw new Error(`the text of ${id} is not in the page`);
      return boxes.first;
    };
    const { top } = await where();
    await page.evaluate((y) => window.scrollBy(0, y - window.innerHeight / 2), top);
    const first = await where(); // the claim's first word ("In"), now in view
    await page.mouse.click((first.left + first.right) / 2, (first.top + first.bottom) / 2);
    await card(id).waitFor({ state: "visible", timeout: 5_000 });
  });
});

describe("what a card shows", () => {
  it.each(["meetings-count", "unilateral-sanctions", "election-threat"])(
    "%s: verdict word, summary, dated facts, https sources without referrer",
    async (id) => {
      const claim = claimById(id);
      if (!claim) throw new Error(`${id} is not in the dataset`);
      const word = VERDICTS[claim.verdict].label;
      await marker(id).click();
      const dialog = card(id);
      await dialog.waitFor({ state: "visible", timeout: 5_000 });

      // A non-modal dialog named by its heading, as a screen reader computes the name.
      expect(
        await page
          .getByRole("dialog", { name: `Fact-check: ${word}`, exact: true })
          .and(dialog)
          .count(),
      ).toBe(1);
      expect(await dialog.getAttribute("aria-modal")).toBe("false");
      const text = ((await dialog.textContent()) ?? "").replace(/\s+/g, " ");
      expect(text).toContain(word);
      expect(text).toContain(claim.summary);
      for (const factId of claim.facts) {
        const fact = dataset.facts.find((candidate) => candidate.id === factId);
        if (!fact) throw new Error(`fact ${factId} is not in the dataset`);
        // A multi-day event reads "27–28 Feb 2019": its last day is written in full.
        expect(text, `the date of fact ${factId}`).toContain(formatDate(fact.endDate ?? fact.date));
        expect(text.includes(fact.text) || text.includes(fact.label), `fact ${factId} (${fact.label})`).toBe(true);
      }

      const links = await dialog
        .locator("a")
        .evaluateAll((anchors) =>
          anchors.map((a) => ({ href: a.getAttribute("href") ?? "", rel: a.getAttribute("rel") ?? "" })),
        );
      const sourceUrls = [
        ...claim.sources,
        ...claim.laterDevelopments.flatMap((development) => development.sources),
      ].map((sourceId) => dataset.sources.find((source) => source.id === sourceId)?.url);
      expect(links.map((link) => link.href)).toEqual(expect.arrayContaining(sourceUrls));
      for (const link of links) {
        expect(link.href, "links are https").toMatch(/^https:\/\//);
        expect(link.rel.split(/\s+/), `rel of ${link.href}`).toEqual(
          expect.arrayContaining(["noopener", "noreferrer"]),
        );
      }

      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "hidden", timeout: 5_000 });
    },
  );
});

describe("the next-claim and previous-claim commands (step-claim messages)", () => {
  it("move focus to the next and the previous marker and open its card", async () => {
    const step = async (direction: "next" | "previous", expected: string) => {
      await browser.sendTabMessage(tabId, { type: "step-claim", direction });
      await expect.poll(() => focusedClaimId(page), { timeout: 5_000 }).toBe(expected);
      await card(expected).waitFor({ state: "visible", timeout: 5_000 });
      expect(await openCards().count(), "one card open at a time").toBe(1);
    };
    await marker(ALL[0]).focus();
    await step("next", ALL[1]);
    await step("next", ALL[2]);
    await step("previous", ALL[1]);
    await step("previous", ALL[0]);
  });
});

/**
 * The interface in Korean: Chromium started in Korean (`--lang=ko`, with
 * the environment's language), the popup and a claim's card speak Korean,
 * with Korean dates and counts; the claims' quotes stay as the article has
 * them; the options page switches the interface to English, everywhere.
 */
import type { Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { dataset } from "../../lib/dataset";
import { ALL } from "../fixtures/expectations";
import { closedAfterEach, type ExtensionBrowser, type FixtureServer, markerIds, useExtensionBrowser } from "./harness";

let server: FixtureServer;
let browser: ExtensionBrowser;
const opened = closedAfterEach();
useExtensionBrowser(
  (started) => {
    ({ server, browser } = started);
  },
  { lang: "ko" },
);

afterEach(async () => {
  await browser.resetSettings();
});

/** The article page with its 14 markers, and its tab id. */
async function openArticle(): Promise<{ page: Page; tabId: number }> {
  const page = await browser.newPage();
  opened.push(page);
  await page.goto(server.url("/pages/news-cms.html"));
  await expect.poll(() => markerIds(page), { timeout: 15_000 }).toEqual([...ALL].sort());
  return { page, tabId: await browser.tabIdOf(page) };
}

/** An extension page at `path`, closed after the test. */
async function extensionPage(path: string): Promise<Page> {
  const page = await browser.newPage();
  opened.push(page);
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
}

const inaccurate = dataset.claims.find((claim) => claim.verdict === "inaccurate");

describe("in a browser whose language is Korean", () => {
  it("runs Chromium in Korean", async () => {
    const language = await (await browser.worker()).evaluate("chrome.i18n.getUILanguage()");
    expect(String(language)).toMatch(/^ko/);
  });

  it("shows the popup in Korean, with Korean counts and dates", async () => {
    const { tabId } = await openArticle();
    const popup = await browser.openPopup(tabId);
    opened.push(popup);
    await popup.getByText("이 페이지에서 찾은 주장: 14건").waitFor({ timeout: 10_000 });
    expect(await popup.title()).toBe("팩트체크");
    expect(await popup.locator("html").getAttribute("lang")).toBe("ko");
    await popup.getByRole("heading", { name: "이 페이지의 주장" }).waitFor();
    await popup.getByRole("switch", { name: "모든 사이트에 주석 표시" }).waitFor();
    const first = popup.locator(".fc-claim").first();
    expect(await first.locator(".fc-verdict-dates__as-of").textContent()).toBe("2020년 6월 12일 기준");
    // The dataset's texts in Korean; the quotes stay in the article's words.
    expect(await popup.locator(".fc-claim__summary").first().textContent()).toMatch(/[가-힣]/);
    expect(await popup.locator(".fc-claim__quote").first().textContent()).toMatch(/^“[A-Za-z]/);
    expect(await popup.getByText("사실 아님", { exact: true }).count()).toBeGreaterThan(0);
  });

  it("shows a claim's marker and card in Korean", async () => {
    const { page } = await openArticle();
    expect(inaccurate).toBeDefined();
    const marker = page.locator(`[data-claim-id="${inaccurate?.id}"]`);
    expect(await marker.getAttribute("aria-label")).toMatch(/^사실 아님 판정 주장: /);
    await marker.click();
    const card = page.getByRole("dialog", { name: "팩트체크: 사실 아님" });
    await card.waitFor({ timeout: 5_000 });
    await card.getByRole("button", { name: "이 판정에 문제 제기하기" }).waitFor();
    await card.getByRole("button", { name: "닫기" }).waitFor();
    expect(await card.locator(".fc-verdict-dates__as-of").textContent()).toBe("2020년 6월 12일 기준");
    expect(await card.locator(".fc-card__quote").textContent()).toBe(`“${inaccurate?.selector.exact}”`);
    expect(await card.locator(".fc-details__summary").textContent()).toMatch(/[가-힣]/);
    await page.keyboard.press("Escape");
  });

  it("switches to English from the options page, in the open pages and in pages loaded from then on", async () => {
    const options = await extensionPage("options.html");
    await options.getByRole("heading", { name: "팩트체크 설정" }).waitFor({ timeout: 10_000 });
    const { page, tabId } = await openArticle();
    const popup = await browser.openPopup(tabId);
    opened.push(popup);
    await popup.getByText("이 페이지에서 찾은 주장: 14건").waitFor({ timeout: 10_000 });

    await options.getByRole("radio", { name: "English" }).click();
    await options.getByRole("heading", { name: "Fact-check settings" }).waitFor({ timeout: 5_000 });
    expect(await options.getByRole("radio", { name: "English" }).isChecked()).toBe(true);
    // Rendered again in place: the reader's focus stays on the choice they made.
    expect(await options.evaluate(() => document.activeElement?.getAttribute("value"))).toBe("en");
    expect(await browser.settings()).toMatchObject({ language: "en" });
    // The open popup follows at once; the page's overlay when the page is loaded again.
    await popup.getByText("Found on this page: 14 claims").waitFor({ timeout: 5_000 });
    await page.reload();
    await expect.poll(() => markerIds(page), { timeout: 15_000 }).toEqual([...ALL].sort());
    expect(await page.locator(`[data-claim-id="${inaccurate?.id}"]`).getAttribute("aria-label")).toMatch(
      /^Inaccurate claim: /,
    );

    await options.getByRole("radio", { name: /^Automatic/ }).click();
    await options.getByRole("heading", { name: "팩트체크 설정" }).waitFor({ timeout: 5_000 });
  });
});

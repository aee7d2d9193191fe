/**
 * Web components in real Chromium: an article whose body a custom element
 * renders by script into an open shadow root (test/fixtures/e2e/
 * web-component.html), with slotted paragraphs, a claim that crosses into a
 * nested component's shadow tree, and an ad, an aside and a comment thread
 * inside components. Every claim gets its marker on its last line, and its
 * highlight paints, inside the shadow trees too (the highlight stylesheet is
 * the document's: Chromium applies its `::highlight()` rules to text in
 * shadow trees, checked here pixel by pixel).
 */
import { expect, it } from "vitest";
import { ALL, QUOTES } from "../fixtures/expectations";
import {
  collectConsoleErrors,
  type ExtensionBrowser,
  type FixtureServer,
  markerIds,
  useExtensionBrowser,
} from "./harness";
import { claimLayout, misplacedMarkers } from "./page-text";

let server: FixtureServer;
let browser: ExtensionBrowser;
useExtensionBrowser((started) => {
  ({ server, browser } = started);
});

it("annotates every claim of an article rendered into open shadow roots, and paints them there", async () => {
  const page = await browser.newPage();
  const errors = collectConsoleErrors(page);
  try {
    await page.goto(server.url("/e2e/web-component.html"));
    await expect.poll(() => page.evaluate(() => "__componentsReady" in window)).toBe(true);
    // The article's text is in shadow trees only: the light DOM has none of it.
    expect(await page.evaluate(() => document.body.textContent?.includes("Ri Son Gwon"))).toBe(false);

    await expect.poll(() => markerIds(page), { timeout: 15_000 }).toEqual([...ALL].sort());
    await expect.poll(() => misplacedMarkers(page, QUOTES), { timeout: 5_000 }).toEqual([]);

    // The page's scripts see the extension's highlight registry: every claim's text is in it,
    // in whichever tree it lies (the date of singapore-date is in <news-date>'s own shadow tree).
    const painted = await page.evaluate(() => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      return [...registry.values()].flatMap((highlight) =>
        [...highlight].map((range) => ({
          text: range.toString(),
          tree: (range.startContainer.getRootNode() as ShadowRoot).host?.localName ?? "document",
        })),
      );
    });
    expect(painted).toContainEqual({ text: QUOTES.friday, tree: "news-article" });
    expect(painted).toContainEqual({ text: "June 12, 2018", tree: "news-date" });
    expect(painted).toContainEqual({ text: "Kim and Trump met in Singapore on ", tree: "news-article" });
    // Slotted paragraphs are light DOM, shown through the story's slot.
    expect(painted).toContainEqual({ text: QUOTES["hua-chunying"], tree: "document" });
    expect(painted.some(({ tree }) => tree === "comment-thread" || tree === "ad-slot")).toBe(false);

    // And the paint reaches the screen: the claim's first line looks different without the highlights.
    const shoot = async (text: string) => {
      let first = (await claimLayout(page, { text })).quotes.text?.first;
      if (!first) throw new Error(`"${text}" is not on the page`);
      await page.evaluate((top) => window.scrollBy(0, top - 100), first.top);
      first = (await claimLayout(page, { text })).quotes.text?.first;
      if (!first) throw new Error(`"${text}" is not on the page`);
      const clip = { x: first.left, y: first.top, width: first.right - first.left, height: first.bottom - first.top };
      return page.screenshot({ clip });
    };
    const shots = async () => [await shoot(QUOTES.friday), await shoot("June 12, 2018")];
    const withPaint = await shots();
    await page.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.clear());
    const without = await shots();
    expect(withPaint.map((shot, index) => shot.equals(without[index]))).toEqual([false, false]);

    expect(errors.filter((error) => error.includes("chrome-extension://"))).toEqual([]);
  } finally {
    await page.close();
  }
});

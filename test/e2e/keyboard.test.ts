/**
 * Keyboard and screen-reader users in the flow of the text. On an ordinary
 * news page (news-cms.html) each claim's marker is the tab stop right after
 * the claim: after the page's links that come before the claim's end, before
 * those after it (found independently of the extension, from the page's text
 * and the reference quotes), and inside the article's landmarks. On a page a
 * framework hydrates (framework-root.html) nothing is added or changed
 * inside the framework's root; the markers follow it, in reading order. On
 * both, a card is a non-modal dialog right after its marker: Shift+Tab goes
 * back to the marker, Tab past its last control goes on to what follows the
 * marker (and closes it), Esc closes it and focus returns to the marker; its
 * controls show a focus ring of 3:1 or more on the card, light and dark, and
 * its buttons are 24 px targets.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { contrastOf } from "../../lib/contrast";
import { HOST_TAG } from "../../lib/overlay/shadow-host";
import { ALL, type ClaimId, QUOTES } from "../fixtures/expectations";
import {
  closedAfterEach,
  type ExtensionBrowser,
  type FixtureServer,
  overlayMarkers,
  useExtensionBrowser,
} from "./harness";

let server: FixtureServer;
let browser: ExtensionBrowser;
const opened = closedAfterEach();
useExtensionBrowser((started) => {
  ({ server, browser } = started);
});

/** Elements the browser puts in the tab order (the page's own; the overlay's are in shadow trees). */
const TABBABLE = "a[href], button, input, select, textarea, [tabindex]:not([tabindex='-1'])";

/** `path` opened with its 14 markers in place, the pointer out of the way. */
async function openPage(path: string, scheme: "light" | "dark" = "light"): Promise<Page> {
  const page = await browser.newPage();
  opened.push(page);
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(server.url(path));
  await overlayMarkers(page)
    .nth(ALL.length - 1)
    .waitFor({ state: "attached", timeout: 15_000 });
  await page.mouse.move(1, 1);
  return page;
}

/**
 * What has focus, as a reader would say it: a marker (`marker:<claim>`), a
 * control in a card (`card:<claim>`), the page's own element (`page:<n>`, its
 * place among the tab stops of `scope`), or `elsewhere`.
 */
function focusLabel(page: Page, scope: string): Promise<string> {
  return page.evaluate(
    ({ scope, tabbable }) => {
      let focused = document.activeElement;
      while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
      if (!focused) return "elsewhere";
      const claim = focused.getAttribute("data-claim-id");
      if (claim) return `marker:${claim}`;
      const card = focused.closest("[data-card-for]");
      if (card) return `card:${card.getAttribute("data-card-for")}`;
      const stops = [...(document.querySelector(scope)?.querySelectorAll(tabbable) ?? [])];
      const index = stops.indexOf(focused);
      return index < 0 ? "elsewhere" : `page:${index}`;
    },
    { scope, tabbable: TABBABLE },
  );
}

/**
 * The tab stops of `scope` a reader should meet, in order, with the markers
 * of `claims` among them: each marker after the page's stops that start
 * before its claim's last letter, before those that start after it. Worked
 * out from the page's text (letters and digits only) and the reference
 * quotes, not from where the extension put anything.
 */
function expectedStops(page: Page, scope: string, claims: readonly ClaimId[]): Promise<string[]> {
  const quotes = claims.map((id) => [id, QUOTES[id]]);
  return page.evaluate(
    ({ scope, tabbable, quotes }) => {
      const fold = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
      const root = document.querySelector(scope) as Element;
      const stops = [...root.querySelectorAll(tabbable)].filter((element) => element.checkVisibility());
      const startOf = new Map<Node, number>();
      let text = "";
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.nodeType === Node.TEXT_NODE && !node.parentElement?.closest("script, style"))
          text += fold(node.nodeValue ?? "");
        else startOf.set(node, text.length);
      }
      const entries = [
        ...stops.map((element, index) => ({ label: `page:${index}`, at: startOf.get(element) ?? 0, rank: 1 })),
        ...quotes.map(([id, quote]) => {
          const folded = fold(quote);
          const start = text.indexOf(folded);
          if (start < 0) throw new Error(`${id} is not in the page's text`);
          return { label: `marker:${id}`, at: start + folded.length, rank: 0 };
        }),
      ];
      // Stable: the page's stops keep their document order; a marker comes before a stop starting at its claim's end.
      return entries.sort((a, b) => a.at - b.at || a.rank - b.rank).map((entry) => entry.label);
    },
    { scope, tabbable: TABBABLE, quotes },
  );
}

/** Presses Tab (or Shift+Tab) `count` times, and says where focus went each time. */
async function tabThrough(page: Page, scope: string, count: number, key = "Tab"): Promise<string[]> {
  const labels: string[] = [];
  for (let step = 0; step < count; step++) {
    await page.keyboard.press(key);
    labels.push(await focusLabel(page, scope));
  }
  return labels;
}

const openCards = (page: Page) => page.locator('[role="dialog"]').filter({ visible: true });

/** Tab until focus leaves the open card (at most 40 presses); where it went. */
async function tabOutOfCard(page: Page, scope: string): Promise<string> {
  for (let step = 0; step < 40; step++) {
    await page.keyboard.press("Tab");
    const label = await focusLabel(page, scope);
    if (!label.startsWith("card:")) return label;
  }
  throw new Error("focus never left the card");
}

/**
 * The dialog's keyboard flow from the marker of `claim`: Enter opens the
 * card with focus in it; Shift+Tab from its first control goes back to the
 * marker (the card stays); Tab past its last control goes to `next` and
 * closes it; Esc from a control closes it and focus returns to the marker.
 */
async function checkDialogFlow(page: Page, scope: string, claim: ClaimId, next: string): Promise<void> {
  const marker = page.locator(`[data-claim-id="${claim}"]`);
  const card = page.locator(`[role="dialog"][data-card-for="${claim}"]`);
  await marker.focus();
  await page.keyboard.press("Enter");
  await card.waitFor({ state: "visible", timeout: 5_000 });
  // The card follows its marker in the DOM (and so in the reading order and the tab order).
  expect(
    await marker.evaluate((element) => element.nextElementSibling?.getAttribute("data-card-for")),
    "the card right after its marker",
  ).toBe(claim);
  expect(await focusLabel(page, scope), "focus in the card once open").toBe(`card:${claim}`);

  expect(await tabThrough(page, scope, 1), "Tab to the card's first control").toEqual([`card:${claim}`]);
  expect(await tabThrough(page, scope, 1, "Shift+Tab"), "Shift+Tab from it").toEqual([`marker:${claim}`]);
  expect(await openCards(page).count(), "the card stays open meanwhile").toBe(1);

  expect(await tabOutOfCard(page, scope), "Tab past the card's last control").toBe(next);
  await expect.poll(() => openCards(page).count(), { timeout: 5_000 }).toBe(0);

  await marker.focus();
  await page.keyboard.press("Enter");
  await card.waitFor({ state: "visible", timeout: 5_000 });
  await page.keyboard.press("Tab");
  await page.keyboard.press("Escape");
  await card.waitFor({ state: "hidden", timeout: 5_000 });
  expect(await focusLabel(page, scope), "focus back on the marker after Esc").toBe(`marker:${claim}`);
}

describe("news-cms.html: each marker in its claim's own place", () => {
  const ARTICLE = "article#the-post";

  it("is the tab stop right after its claim: after the links before the claim's end, before those after it", async () => {
    const page = await openPage("/pages/news-cms.html");
    const expected = await expectedStops(page, ARTICLE, ALL);
    expect(expected[0], "the article starts with a link").toBe("page:0");
    await page.locator(ARTICLE).locator("a[href]").first().focus();
    const met = ["page:0", ...(await tabThrough(page, ARTICLE, expected.length - 1))];
    expect(met).toEqual(expected);
    // The tagged link ends the "anniversary" claim: its marker comes right after it, out of it.
    const link = page.locator(`${ARTICLE} .entry-content a[href]`).first();
    expect(await link.textContent()).toBe("Kim Jong-un");
    expect(await link.evaluate((element) => element.nextElementSibling?.localName)).toBe(HOST_TAG);
  });

  it("shifts no text: every line box of the article is where it is without the hosts", async () => {
    const page = await openPage("/pages/news-cms.html");
    const lineBoxes = () =>
      page.evaluate((scope) => {
        const root = document.querySelector(scope) as Element;
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        const boxes: string[] = [];
        const range = document.createRange();
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          range.selectNodeContents(node);
          for (const rect of range.getClientRects())
            boxes.push([rect.left, rect.top, rect.right, rect.bottom].map((value) => value.toFixed(2)).join(" "));
        }
        return boxes;
      }, ARTICLE);
    const withHosts = await lineBoxes();
    expect(await page.locator(`${ARTICLE} ${HOST_TAG}`).count(), "one host per claim, no other").toBe(ALL.length);
    await page.evaluate((tag) => {
      for (const host of document.querySelectorAll(tag)) host.remove();
    }, HOST_TAG);
    expect(await lineBoxes()).toEqual(withHosts);
  });

  it("belongs to the article and to the main landmark in the accessibility tree", async () => {
    const page = await openPage("/pages/news-cms.html");
    for (const landmark of [page.getByRole("main"), page.getByRole("article")]) {
      const markers = landmark.getByRole("button", { name: /^[A-Z][a-z ]+ claim: / });
      expect(await markers.count()).toBe(ALL.length);
    }
    // In the paragraph, beside the claim: the second paragraph reads its claims' markers around the tagged link.
    const snapshot = await page.getByRole("article").ariaSnapshot();
    expect(snapshot).toMatch(
      /- paragraph:\n\s+- text: The announcement by[^\n]*\n\s+- 'button "Accurate claim: [^\n]*\n\s+- link "Kim Jong-un"/,
    );
  });

  it("opens a non-modal dialog right after the marker: Shift+Tab back, Tab on to the next link, Esc back", async () => {
    const page = await openPage("/pages/news-cms.html");
    const expected = await expectedStops(page, ARTICLE, ALL);
    // "friday" ends just before the "Kim Jong-un" link: Tab past its card goes to that link.
    const next = expected[expected.indexOf("marker:friday") + 1];
    expect(next).toMatch(/^page:/);
    await checkDialogFlow(page, ARTICLE, "friday", next);
  });
});

describe.each(["light", "dark"] as const)("a card's controls on a %s screen", (scheme) => {
  it("each show a focus ring of 3:1 or more against the card; its buttons are 24 px targets", async () => {
    const page = await openPage("/pages/news-cms.html", scheme);
    const card = page.locator('[role="dialog"][data-card-for="meetings-count"]');
    await page.locator('[data-claim-id="meetings-count"]').focus();
    await page.keyboard.press("Enter");
    await card.waitFor({ state: "visible", timeout: 5_000 });
    const rings: { control: string; style: string; width: number; color: string; on: string; box: number[] }[] = [];
    for (let step = 0; step < 40; step++) {
      await page.keyboard.press("Tab");
      const ring = await page.evaluate(() => {
        let focused = document.activeElement;
        while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
        const dialog = focused?.closest("[data-card-for]");
        if (!focused || !dialog) return null;
        const style = getComputedStyle(focused);
        const { width, height } = focused.getBoundingClientRect();
        return {
          control: `${focused.localName} ${(focused.textContent ?? "").trim().slice(0, 30)}`,
          style: style.outlineStyle,
          width: Number.parseFloat(style.outlineWidth),
          color: style.outlineColor,
          on: getComputedStyle(dialog).backgroundColor,
          box: [width, height],
        };
      });
      if (!ring) break;
      rings.push(ring);
    }
    expect(rings.map((ring) => ring.control)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^button ×/), expect.stringMatching(/^button Report/)]),
    );
    for (const ring of rings) {
      expect({ control: ring.control, style: ring.style }).toEqual({ control: ring.control, style: "solid" });
      expect(ring.width, ring.control).toBeGreaterThanOrEqual(2);
      expect(contrastOf(ring.color, ring.on), `${ring.control}: ${ring.color} on ${ring.on}`).toBeGreaterThanOrEqual(3);
      if (ring.control.startsWith("button"))
        expect(Math.min(...ring.box), `${ring.control}: target size`).toBeGreaterThanOrEqual(24);
    }
  });
});

describe("framework-root.html: a page whose framework hydrates its root", () => {
  const ROOT = "#__next";
  const foreignChanges = (page: Page) =>
    page.evaluate(() => (window as { __foreignChanges?: string[] }).__foreignChanges);

  it("gets nothing inside the root; the markers follow it, in reading order, and cards work there too", async () => {
    const page = await openPage("/e2e/framework-root.html");
    expect(await page.locator(`${ROOT} ${HOST_TAG}`).count(), "hosts inside the root").toBe(0);
    expect(await page.locator(ROOT).evaluate((root) => root.nextElementSibling?.localName)).toBe(HOST_TAG);

    // From the root's last tab stop, on through the markers in the claims' order.
    const stops = await expectedStops(page, ROOT, []);
    await page.locator(ROOT).locator(TABBABLE).last().focus();
    expect(await focusLabel(page, ROOT)).toBe(stops.at(-1));
    const order = await overlayMarkers(page).evaluateAll((markers) =>
      markers.map((m) => m.getAttribute("data-claim-id")),
    );
    expect(await tabThrough(page, ROOT, ALL.length)).toEqual(order.map((id) => `marker:${id}`));
    expect(order, "the claims' reading order").toEqual(ALL);

    await checkDialogFlow(page, ROOT, order[0] as ClaimId, `marker:${order[1]}`);
    expect(await foreignChanges(page), "changes inside the framework's root").toEqual([]);
  });
});

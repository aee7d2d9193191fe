/**
 * Accessibility of everything the extension shows, in light and dark:
 * axe-core (its default WCAG rules) on the popup, the options page, the
 * report window, the "How we check" page and the overlay with a card open,
 * with zero violations; and the contrast axe leaves "incomplete" (colours
 * over translucent layers, CSS highlights it cannot see) computed here from
 * the rendered colours: verdict chips, markers and highlight underlines
 * against what is behind them, on a light and on a dark article page.
 */
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { composite, contrastOf, parseColor, type Rgba } from "../../lib/contrast";
import { compositeBackgrounds } from "../../lib/overlay/page-background";
import { HOST_TAG } from "../../lib/overlay/shadow-host";
import { ALL } from "../fixtures/expectations";
import {
  closedAfterEach,
  type ExtensionBrowser,
  type FixtureServer,
  overlayMarkers,
  useExtensionBrowser,
} from "./harness";

const AXE_SOURCE: string = createRequire(import.meta.url)("axe-core").source;
const ARTICLE = "/pages/news-cms.html";
/** A dark theme for the article page, as a site's own dark mode would set it. */
const DARK_SITE_CSS = `html { background-color: #121212 !important; }
  body, body * { background-color: transparent !important; color: #e8eaed !important; }`;
const SCHEMES = ["light", "dark"] as const;
type Scheme = (typeof SCHEMES)[number];

let server: FixtureServer;
let browser: ExtensionBrowser;
const opened = closedAfterEach();
useExtensionBrowser((started) => {
  ({ server, browser } = started);
});

async function newPage(scheme: Scheme): Promise<Page> {
  const page = await browser.newPage();
  opened.push(page);
  await page.emulateMedia({ colorScheme: scheme });
  return page;
}

/** The article page with its markers, its background dark on a dark site (styled before the overlay looks). */
async function articlePage(scheme: Scheme): Promise<Page> {
  const page = await newPage(scheme);
  if (scheme === "dark")
    await page.addInitScript((css) => {
      document.addEventListener("DOMContentLoaded", () => {
        const style = document.createElement("style");
        style.textContent = css;
        document.head.append(style);
      });
    }, DARK_SITE_CSS);
  await page.goto(server.url(ARTICLE));
  await overlayMarkers(page)
    .nth(ALL.length - 1)
    .waitFor({ state: "attached", timeout: 15_000 });
  return page;
}

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: unknown; failureSummary?: string }[];
}

/** axe-core's violations in `page` (within `include` when given), each described in a line. */
async function axeViolations(page: Page, include?: string): Promise<string[]> {
  // The extension's pages allow only their own scripts: a <script> tag would be refused, an evaluation is not.
  if (page.url().startsWith("chrome-extension:")) await page.evaluate(`${AXE_SOURCE}\n;undefined`);
  else await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async (context) => {
    const axe = (
      window as unknown as {
        axe: { run(context: unknown): Promise<{ violations: AxeViolation[]; passes: unknown[] }> };
      }
    ).axe;
    const result = await axe.run(context ? { include: [context] } : document);
    // Nothing passed means nothing was checked (a wrong context), not a clean page.
    if (result.passes.length === 0) return [{ id: "nothing-checked", help: "axe checked nothing", nodes: [] }];
    return result.violations.map(({ id, help, nodes }) => ({
      id,
      help,
      nodes: nodes.map((node) => ({ target: node.target, failureSummary: node.failureSummary })),
    }));
  }, include ?? null);
  return violations.flatMap((violation) =>
    (violation.nodes.length ? violation.nodes : [{ target: [], failureSummary: "" }]).map(
      (node) => `${violation.id} (${violation.help}): ${JSON.stringify(node.target)} ${node.failureSummary ?? ""}`,
    ),
  );
}

const extensionUrl = (path: string) => `chrome-extension://${browser.extensionId}/${path}`;

describe.each(SCHEMES)("axe-core in the %s scheme", (scheme) => {
  it("finds nothing on the popup of an article tab", async () => {
    const article = await articlePage(scheme);
    const tabId = await browser.tabIdOf(article);
    const popup = await newPage(scheme);
    await popup.goto(extensionUrl(`popup.html?tabId=${tabId}`));
    await popup.locator(".fc-verdict-chip").first().waitFor({ timeout: 10_000 });
    expect(await axeViolations(popup)).toEqual([]);
  });

  it("finds nothing on the options page", async () => {
    const page = await newPage(scheme);
    await page.goto(extensionUrl("options.html"));
    await page.getByRole("heading", { level: 1 }).first().waitFor({ timeout: 10_000 });
    expect(await axeViolations(page)).toEqual([]);
  });

  it("finds nothing on the report window for a selection", async () => {
    const id = "7a1e2d4c-5b6a-4798-8a7b-6c5d4e3f2a1b";
    const selection = {
      selector: { type: "TextQuoteSelector", exact: "Trump and Kim met three times", prefix: "", suffix: "" },
      page: { title: "A page", url: server.url(ARTICLE) },
    };
    await browser.inWorker((chrome, value) => chrome.storage.session.set(value), {
      [`report-subject:${id}`]: { kind: "new-claim", selection },
    });
    const page = await newPage(scheme);
    await page.goto(extensionUrl(`report.html?subject=${id}`));
    await page
      .getByRole("heading", { level: 1, name: "Report a claim for fact-checking" })
      .waitFor({ timeout: 10_000 });
    expect(await axeViolations(page)).toEqual([]);
  });

  it("finds nothing on the “How we check” page", async () => {
    const page = await newPage(scheme);
    await page.goto(extensionUrl("how-we-check.html"));
    await page.getByRole("heading", { level: 1 }).first().waitFor({ timeout: 10_000 });
    expect(await axeViolations(page)).toEqual([]);
  });

  it("finds nothing in the overlay with a card open", async () => {
    const page = await articlePage(scheme);
    await page.locator(`[data-claim-id="${ALL[0]}"]`).click();
    await page.locator(`[role="dialog"][data-card-for="${ALL[0]}"]`).waitFor({ state: "visible", timeout: 5_000 });
    expect(await axeViolations(page, HOST_TAG)).toEqual([]);
  });
});

/** An opaque CSS colour string for `color`. */
const css = (color: Rgba) => `rgb(${color.r}, ${color.g}, ${color.b})`;

/** Background colours from `element` up to the root, innermost first, through shadow hosts. */
function backgroundLayers(element: Element): string[] {
  const layers: string[] = [];
  for (let at: Element | null = element; at; ) {
    layers.push(getComputedStyle(at).backgroundColor);
    at = at.parentElement ?? ((at.parentNode as ShadowRoot | null)?.host || null);
  }
  return layers;
}

describe.each(SCHEMES)("computed contrast on a %s article page", (scheme) => {
  it("draws every highlight underline at 3:1 or more against the page behind the claim", async () => {
    const page = await articlePage(scheme);
    const painted = await page.evaluate(
      ({ layersSource }) => {
        const layersOf = new Function(`return (${layersSource})`)() as (element: Element) => string[];
        const underlines: Record<string, string> = {};
        for (const sheet of document.adoptedStyleSheets)
          for (const rule of sheet.cssRules) {
            const match = /::highlight\(factcheck-([\w-]+)\)/.exec((rule as CSSStyleRule).selectorText ?? "");
            if (match) underlines[match[1]] = (rule as CSSStyleRule).style.textDecorationColor;
          }
        const highlights = (CSS as unknown as { highlights: Map<string, { values(): Iterable<Range> }> }).highlights;
        const backgrounds: Record<string, string[]> = {};
        for (const [name, highlight] of highlights) {
          const [range] = [...highlight.values()];
          const container = range.startContainer;
          const element = container.nodeType === Node.ELEMENT_NODE ? (container as Element) : container.parentElement;
          if (element) backgrounds[name.replace("factcheck-", "")] = layersOf(element);
        }
        return { underlines, backgrounds };
      },
      { layersSource: backgroundLayers.toString() },
    );
    const verdicts = Object.keys(painted.backgrounds);
    expect(verdicts.length).toBeGreaterThanOrEqual(3);
    for (const verdict of verdicts) {
      const background = css(compositeBackgrounds(painted.backgrounds[verdict]));
      if (scheme === "dark") expect(background).toBe("rgb(18, 18, 18)");
      const ratio = contrastOf(painted.underlines[verdict], background);
      expect(ratio, `${verdict} underline ${painted.underlines[verdict]} on ${background}`).toBeGreaterThanOrEqual(3);
    }
  });

  it("shows every marker at 3:1 against the page, its icon at 4.5:1 on its disc, with a 24 px target", async () => {
    const page = await articlePage(scheme);
    const markers = await overlayMarkers(page).evaluateAll((elements, layersSource) => {
      const layersOf = new Function(`return (${layersSource})`)() as (element: Element) => string[];
      return elements.map((marker) => {
        const icon = marker.querySelector(".fc-marker__icon") as Element;
        const box = marker.getBoundingClientRect();
        // What is under the marker on the page: the layer's host is at the origin, so look below it.
        const host = (marker.getRootNode() as ShadowRoot).host as HTMLElement;
        host.style.setProperty("visibility", "hidden", "important");
        const under = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        host.style.removeProperty("visibility");
        return {
          id: marker.getAttribute("data-claim-id"),
          width: box.width,
          height: box.height,
          glyph: getComputedStyle(icon).color,
          border: getComputedStyle(icon).borderTopColor,
          disc: getComputedStyle(icon).backgroundColor,
          page: under ? layersOf(under) : [],
        };
      });
    }, backgroundLayers.toString());
    expect(markers).toHaveLength(ALL.length);
    for (const marker of markers) {
      expect([marker.width, marker.height], `${marker.id} target`).toEqual([24, 24]);
      const background = css(compositeBackgrounds(marker.page));
      const disc = css(compositeBackgrounds([marker.disc, background]));
      const edge = Math.max(contrastOf(marker.border, background), contrastOf(disc, background));
      expect(edge, `${marker.id} marker on ${background}`).toBeGreaterThanOrEqual(3);
      expect(contrastOf(marker.glyph, disc), `${marker.id} icon`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("writes every verdict chip at 4.5:1 on its tint, in the card and in the popup", async () => {
    const page = await articlePage(scheme);
    const tabId = await browser.tabIdOf(page);
    await page.locator(`[data-claim-id="${ALL[0]}"]`).click();
    await page.locator(`[role="dialog"][data-card-for="${ALL[0]}"]`).waitFor({ state: "visible", timeout: 5_000 });
    const popup = await newPage(scheme);
    await popup.goto(extensionUrl(`popup.html?tabId=${tabId}`));
    await popup.locator(".fc-verdict-chip").first().waitFor({ timeout: 10_000 });
    const readChips = (chips: Element[]) =>
      chips.map((chip) => {
        const style = getComputedStyle(chip);
        const tint = /rgba?\([^)]*\)/.exec(style.backgroundImage)?.[0] ?? "rgba(0, 0, 0, 0)";
        return {
          verdict: chip.getAttribute("data-verdict"),
          text: style.color,
          border: style.borderTopColor,
          base: style.backgroundColor,
          tint,
        };
      });
    const chips = [
      ...(await page.locator(".fc-verdict-chip").evaluateAll(readChips)),
      ...(await popup.locator(".fc-verdict-chip").evaluateAll(readChips)),
    ];
    expect(chips.length).toBeGreaterThan(ALL.length);
    for (const chip of chips) {
      const base = parseColor(chip.base) as Rgba;
      const behind = css(composite(parseColor(chip.tint) as Rgba, base));
      expect(contrastOf(chip.text, behind), `${chip.verdict} chip text on ${behind}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe("reflow", () => {
  it("fits a card, close button and all, in a 320 CSS px viewport (as at 400% zoom of 1280 px)", async () => {
    const page = await articlePage("light");
    await page.setViewportSize({ width: 320, height: 480 });
    const marker = page.locator(`[data-claim-id="${ALL[0]}"]`);
    await marker.scrollIntoViewIfNeeded();
    await marker.click();
    const card = page.locator(`[role="dialog"][data-card-for="${ALL[0]}"]`);
    await card.waitFor({ state: "visible", timeout: 5_000 });
    const cardBox = await card.boundingBox();
    const close = await card.getByRole("button", { name: /close/i }).boundingBox();
    expect(cardBox && close).toBeTruthy();
    if (!cardBox || !close) return;
    expect(cardBox.x).toBeGreaterThanOrEqual(0);
    expect(cardBox.x + cardBox.width).toBeLessThanOrEqual(320);
    expect(close.x).toBeGreaterThanOrEqual(cardBox.x);
    expect(close.x + close.width).toBeLessThanOrEqual(cardBox.x + cardBox.width);
    // Nothing inside is wider than the card: no sideways scrolling within it.
    expect(await card.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  });
});

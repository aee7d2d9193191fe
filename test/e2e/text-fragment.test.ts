/**
 * Links to a claim land on the claim in a browser without the extension.
 * For every claim on five fixture pages, the link is built in the page by the
 * overlay's own code (text-fragment-entry.ts: anchoring, the page's quote,
 * the directive), then opened in a plain Chromium: the browser must scroll
 * the claim into view. Chromium exposes no text-fragment match to scripts
 * (no selection, `document.fragmentDirective` is empty, `:target-text` is not
 * queryable), so the check is the scroll: each page is served with 4,000 px
 * of empty space above and below, so nothing of the article is in view
 * unless the fragment matched, and the browser centres the match, so the
 * claim must cover the middle of the viewport.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FixtureServer, launchPlainBrowser, ROOT, startServer, type TestBrowser } from "./harness";

const PAGES = ["news-cms.html", "typography.html", "ads-inside-sentences.html", "comments.html", "wire-trimmed.html"];
const VIEWPORT = { width: 1000, height: 600 };
const SPACER = '<div style="height:4000px" aria-hidden="true"></div>';

let server: FixtureServer;
let browser: TestBrowser;
let script: string;

beforeAll(async () => {
  const bundled = await build({
    entryPoints: [join(ROOT, "test", "e2e", "text-fragment-entry.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "chrome120",
    write: false,
    logLevel: "silent",
  });
  script = bundled.outputFiles[0].text;
  server = await startServer();
  for (const name of PAGES) {
    const html = readFileSync(join(ROOT, "test", "fixtures", "pages", name), "utf8")
      .replace(/<body([^>]*)>/i, `<body$1>${SPACER}`)
      .replace(/<\/body>/i, `${SPACER}</body>`);
    server.route(`/tall/${name}`, (_request, response) => {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(html);
    });
  }
  browser = await launchPlainBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function inPage<T>(page: Page, expression: string): Promise<T> {
  await page.addScriptTag({ content: script });
  return page.evaluate(expression) as Promise<T>;
}

describe.each(PAGES)("links to the claims on %s", (name) => {
  it("land on each claim", async () => {
    const url = server.url(`/tall/${name}`);
    const page = await browser.newPage();
    await page.setViewportSize(VIEWPORT);
    try {
      await page.goto(url);
      const directives = await inPage<{ claimId: string; directive: string | null }[]>(page, "claimDirectives()");
      expect(directives.length).toBeGreaterThanOrEqual(9);

      const missed: string[] = [];
      for (const { claimId, directive } of directives) {
        expect(directive, claimId).toBeTruthy();
        await page.goto("about:blank");
        await page.goto(`${url}#:~:text=${directive}`);
        // The browser scrolls to the match once the page has loaded.
        await page.waitForFunction(() => window.scrollY > 0, undefined, { timeout: 3000 }).catch(() => {});
        const boxes = await inPage<{ claimId: string; top: number; bottom: number }[]>(page, "claimBoxes()");
        const box = boxes.find((candidate) => candidate.claimId === claimId);
        // The claim covers the band around the viewport's middle (a claim taller than that, with an ad
        // block inside it, is centred as a whole).
        const band = { top: VIEWPORT.height / 4, bottom: (VIEWPORT.height * 3) / 4 };
        const centred = !!box && box.top < band.bottom && box.bottom > band.top;
        if (!centred) missed.push(`${claimId} (${directive}): claim at ${Math.round(box?.top ?? Number.NaN)} px`);
      }
      expect(missed).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

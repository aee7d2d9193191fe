/**
 * `npm start`: builds the extension, serves the bundled demo copy of the
 * article on loopback and opens it in Chromium with the extension loaded.
 * With a display, the browser stays open until you close it. Without one
 * (or with `--headless`), it runs headless and writes screenshots of the
 * annotated article, an open claim card and the popup, then exits.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { launchChromium, serveStatic } from "./chromium";

const ROOT = resolve(fileURLToPath(new URL("../../", import.meta.url)));
const EXTENSION_DIR = join(ROOT, ".output", "chrome-mv3");
const SCREENSHOTS = join(ROOT, ".output", "screenshots");
/** The demo: a realistic news-site copy of the article (test/fixtures/pages/). */
const DEMO_PAGE = "/pages/news-cms.html";

async function main(): Promise<void> {
  const headless = process.argv.includes("--headless") || !process.env.DISPLAY;

  console.log("Building the extension…");
  const build = spawnSync("npx", ["wxt", "build"], { cwd: ROOT, stdio: "inherit" });
  if (build.status !== 0) throw new Error("the build failed");

  const server = await serveStatic({ "/pages/": join(ROOT, "test", "fixtures", "pages") });
  const browser = await launchChromium({
    extensionDir: EXTENSION_DIR,
    headless,
    viewport: headless ? undefined : null,
  });
  const page = await browser.context.newPage();
  const demo = server.url(DEMO_PAGE);
  await page.goto(demo);
  console.log(`Demo article: ${demo}`);

  if (!headless) {
    console.log("Chromium is open with the extension loaded. Close the window to stop.");
    await new Promise<void>((done) => browser.context.on("close", () => done()));
    await server.close();
    return;
  }

  try {
    const markers = page.locator("[data-claim-id]");
    await markers.first().waitFor({ timeout: 15_000 });
    console.log(`Annotated: ${await markers.count()} claims marked.`);
    mkdirSync(SCREENSHOTS, { recursive: true });

    const first = page.locator('[data-claim-id="singapore-date"]');
    await first.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -120));
    await page.screenshot({ path: join(SCREENSHOTS, "annotated-article.png") });

    await page.locator('[data-claim-id="meetings-count"]').click();
    await page.locator('[role="dialog"]').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, "claim-card.png") });

    const worker = browser.context.serviceWorkers()[0];
    const tabId = await worker.evaluate(async (url) => {
      type Tabs = { query(filter: object): Promise<{ id?: number; url?: string }[]> };
      const { tabs } = (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome;
      return (await tabs.query({})).find((tab) => tab.url === url)?.id;
    }, page.url());
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 400, height: 900 });
    await popup.goto(`chrome-extension://${new URL(worker.url()).host}/popup.html?tabId=${tabId}`);
    await popup.getByText("Found on this page").waitFor();
    await popup.screenshot({ path: join(SCREENSHOTS, "popup.png") });
    console.log(`Screenshots written to ${SCREENSHOTS}: annotated-article.png, claim-card.png, popup.png`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(`start: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});

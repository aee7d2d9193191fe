/**
 * The harness itself: the extension loads and its service worker is found,
 * the fixture server serves what the tests ask for, the helpers find tabs and
 * record what the extension does, and the detector's run on a page without
 * the article changes nothing in it.
 */
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  collectConsoleErrors,
  type ExtensionBrowser,
  type FixtureServer,
  launchPlainBrowser,
  pageFootprint,
  type TestBrowser,
  useExtensionBrowser,
} from "./harness";

let server: FixtureServer;
let browser: ExtensionBrowser;
useExtensionBrowser((started) => {
  ({ server, browser } = started);
});

/** A raw GET of `path` (not normalised by a URL parser on the way). */
function get(path: string): Promise<{ status: number; type: string; body: string }> {
  const { hostname, port } = new URL(server.origin);
  return new Promise((resolve, reject) => {
    request({ hostname, port, path }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        body += chunk;
      });
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, type: response.headers["content-type"] ?? "", body }),
      );
    })
      .on("error", reject)
      .end();
  });
}

describe("the fixture server", () => {
  it("serves the fixture pages and the e2e fixtures with their content types", async () => {
    expect(await get("/pages/news-cms.html")).toMatchObject({ status: 200, type: "text/html; charset=utf-8" });
    expect(await get("/e2e/late.html")).toMatchObject({ status: 200, type: "text/html; charset=utf-8" });
    const article = await get("/e2e/article.json");
    expect(article).toMatchObject({ status: 200, type: "application/json; charset=utf-8" });
    expect(JSON.parse(article.body).body.length).toBeGreaterThan(10);
  });

  it("answers 404 outside its directories", async () => {
    expect((await get("/pages/missing.html")).status).toBe(404);
    expect((await get("/pages/../../package.json")).status).toBe(404);
    expect((await get("/pages/%2e%2e/%2e%2e/package.json")).status).toBe(404);
    expect((await get("/package.json")).status).toBe(404);
    expect((await get("/pages/%E0%A4%A.html")).status).toBe(400);
  });

  it("serves extra routes a test registers", async () => {
    server.route("/extra/hello.txt", (_request, response) => {
      response.writeHead(200, { "content-type": "text/plain" }).end("hello");
    });
    expect(await get("/extra/hello.txt?x=1")).toMatchObject({ status: 200, body: "hello" });
    expect(server.served).toContain("/extra/hello.txt?x=1");
  });
});

describe("the extension in Chromium", () => {
  it("loads, and its service worker is found", async () => {
    expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
    const worker = await browser.worker();
    expect(worker.url()).toBe(`chrome-extension://${browser.extensionId}/background.js`);
    const manifest = await browser.inWorker((chrome) => chrome.runtime.getManifest(), null);
    expect(manifest).toMatchObject({ manifest_version: 3, name: expect.stringContaining("Fact-check") });
  });

  it("finds the tab id of a page, also when two tabs show the same address", async () => {
    const first = await browser.newPage();
    const second = await browser.newPage();
    await first.goto(server.url("/pages/unrelated.html"));
    await second.goto(server.url("/pages/unrelated.html"));
    const ids = [await browser.tabIdOf(first), await browser.tabIdOf(second)];
    expect(ids[0]).toEqual(expect.any(Number));
    expect(ids[1]).not.toBe(ids[0]);
    expect(await browser.tabIdOf(first)).toBe(ids[0]);
    await first.close();
    await second.close();
  });

  it("records requests from the service worker and from extension code in pages, not the page's own", async () => {
    const page = await browser.newPage();
    await page.goto(server.url("/pages/unrelated.html"));
    const before = browser.requests.length;
    await page.evaluate(() => fetch("http://page-request.invalid/").catch(() => {}));
    await browser.inWorker(() => fetch("http://worker-request.invalid/").catch(() => {}), null);
    // A script that says it is the extension's (as a content script's stack does), in an isolated world.
    const cdp = await browser.context.newCDPSession(page);
    const { frameTree } = await cdp.send("Page.getFrameTree");
    const { executionContextId } = await cdp.send("Page.createIsolatedWorld", { frameId: frameTree.frame.id });
    await cdp.send("Runtime.evaluate", {
      contextId: executionContextId,
      expression: `fetch("http://content-script-request.invalid/").catch(() => {});\n//# sourceURL=chrome-extension://${browser.extensionId}/content-scripts/fake.js`,
    });
    await expect
      .poll(() => browser.requests.slice(before).map(({ url, from }) => `${from} ${url}`))
      .toEqual(
        expect.arrayContaining([
          "service-worker http://worker-request.invalid/",
          "content-script http://content-script-request.invalid/",
        ]),
      );
    expect(browser.requests.slice(before).map(({ url }) => url)).not.toContain("http://page-request.invalid/");
    await page.close();
  });

  it("collects console errors and uncaught exceptions of a page, content scripts' included", async () => {
    const page = await browser.newPage();
    const errors = collectConsoleErrors(page);
    await page.goto(server.url("/pages/unrelated.html"));
    await page.evaluate(() => console.error("harness check"));
    // A content script runs in an isolated world: its errors must be collected too.
    const cdp = await browser.context.newCDPSession(page);
    const { frameTree } = await cdp.send("Page.getFrameTree");
    const { executionContextId } = await cdp.send("Page.createIsolatedWorld", { frameId: frameTree.frame.id });
    await cdp.send("Runtime.evaluate", {
      contextId: executionContextId,
      expression: `console.error("isolated world check"); setTimeout(() => { throw new Error("isolated world throws"); });`,
    });
    await expect
      .poll(() => errors)
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining("harness check"),
          expect.stringContaining("isolated world check"),
          expect.stringContaining("isolated world throws"),
        ]),
      );
    await page.close();
  });
});

describe("the detector on a page without the article", () => {
  let plain: TestBrowser;
  beforeAll(async () => {
    plain = await launchPlainBrowser();
  });
  afterAll(async () => {
    await plain?.close();
  });

  it("changes nothing in the page and tells the background nothing", async () => {
    const url = server.url("/pages/other-nk-article.html");
    const page = await browser.newPage();
    await page.goto(url);
    const reference = await plain.newPage();
    await reference.goto(url);
    await page.waitForTimeout(2000);
    expect(await pageFootprint(page)).toEqual(await pageFootprint(reference));
    const tabId = await browser.tabIdOf(page);
    expect(await browser.tabState(tabId)).toBeNull();
    expect(await browser.badgeText(tabId)).toBe("");
    await page.close();
    await reference.close();
  });
});

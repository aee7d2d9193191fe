import { it } from "vitest";
import { QUOTES } from "../fixtures/expectations";
import { launchBrowser, markerIds, startServer } from "./harness";
import { claimLayout } from "./page-text";

it("debug", async () => {
  const name = process.env.PAGE ?? "reader-mode.html";
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(server.url(`/pages/${name}`));
    await page.waitForTimeout(3000);
    console.log(await markerIds(page));
    const layout = await claimLayout(page, QUOTES);
    for (const id of Object.keys(QUOTES))
      console.log(id, JSON.stringify(layout.quotes[id]), JSON.stringify(layout.markers[id]));
    await page.screenshot({ path: `.scratch/${name}.png` });
    const host = await page.evaluate(() => {
      const h = document.querySelector("factcheck-overlay");
      return h
        ? {
            parent: h.parentElement?.tagName,
            style: h.getAttribute("style"),
            html: h.shadowRoot?.innerHTML.slice(0, 1500),
          }
        : null;
    });
    console.log(host);
  } finally {
    await browser.close();
    await server.close();
  }
});

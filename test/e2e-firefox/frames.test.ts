/**
 * The article in a frame, in Firefox ESR: the wire story in a same-origin
 * iframe, in a `srcdoc` iframe and from an embed host of another origin (a
 * second fixture server, on another port) gets its markers inside the
 * frame, none in the top page, the badge counts its claims, and the popup's
 * "Show in page" scrolls the frame and the page around it to a claim; a
 * page of tiny ad and tracker frames gets nothing, in any frame.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL } from "../fixtures/expectations";
import { type FirefoxWithAddon, type FixtureServer, launchFirefox, markerIds, startServer, waitFor } from "./harness";

let server: FixtureServer;
let embedServer: FixtureServer;
let firefox: FirefoxWithAddon;

beforeAll(async () => {
  [server, embedServer] = await Promise.all([startServer(), startServer()]);
  firefox = await launchFirefox();
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
  await embedServer?.close();
});

/** The badge text of the tab at `url`. */
async function badgeOf(url: string): Promise<string> {
  return (await firefox.tabRecord(url)).badge;
}

describe.each([
  { name: "a same-origin iframe", path: () => "/e2e/frame-same-origin.html" },
  { name: "a srcdoc iframe", path: () => "/e2e/frame-srcdoc.html" },
  {
    name: "a cross-origin embed",
    path: () => `/e2e/frame-embed.html?embed=${encodeURIComponent(embedServer.origin)}`,
  },
])("the article in $name", ({ path }) => {
  it("gets its markers inside the frame, none in the top page; badge and Show in page reach into the frame", async () => {
    const page = await firefox.newPage();
    try {
      await page.goto(server.url(path()));
      const frame = await waitFor(
        async () => page.frames().find((candidate) => candidate !== page.mainFrame()) ?? null,
        (found) => found !== null,
      );
      if (!frame) throw new Error("no story frame");
      expect(
        await waitFor(
          () => markerIds(frame).catch(() => []),
          (ids) => ids.length >= ALL.length,
        ),
      ).toEqual([...ALL].sort());
      expect(await markerIds(page)).toEqual([]);
      expect(
        await waitFor(
          () => badgeOf(page.url()),
          (text) => text === "6",
        ),
      ).toBe("6");

      // "Show in page" from the popup scrolls the frame and the page around it to the claim.
      const last = ALL[ALL.length - 1];
      const inView = async () => {
        const inFrame = await frame.evaluate((claimId) => {
          const marker = [...document.querySelectorAll("factcheck-overlay")]
            .map((host) => host.shadowRoot?.querySelector(`[data-claim-id="${claimId}"]`))
            .find(Boolean);
          const box = marker?.getBoundingClientRect();
          return box ? { top: box.top, bottom: box.bottom, innerHeight: window.innerHeight } : null;
        }, last);
        const frameTop = await page.evaluate(() => document.getElementById("story-frame")?.getBoundingClientRect().top);
        if (!inFrame || frameTop === undefined) return false;
        return (
          inFrame.top >= 0 &&
          inFrame.bottom <= inFrame.innerHeight &&
          frameTop + inFrame.top >= 0 &&
          frameTop + inFrame.bottom <= (await page.evaluate(() => window.innerHeight))
        );
      };
      expect(await inView()).toBe(false);
      const popup = await firefox.extensionPage(`popup.html?tabId=${await firefox.tabIdOf(page.url())}`);
      try {
        await waitFor(
          () => popup.evaluate(() => document.querySelectorAll(".fc-claim__show").length),
          (count) => count === ALL.length,
        );
        await popup.evaluate((claimId) => {
          (document.querySelector(`[data-claim="${claimId}"] .fc-claim__show`) as HTMLButtonElement).click();
        }, last);
        expect(await waitFor(inView, (shown) => shown, 5_000)).toBe(true);
      } finally {
        await popup.close();
      }
    } finally {
      await page.close();
    }
  });
});

it("leaves a page of tiny ad and tracker frames as it was, in every frame", async () => {
  const page = await firefox.newPage();
  try {
    await page.goto(server.url("/e2e/tiny-frames.html"));
    await waitFor(
      () => page.evaluate(() => "__framesReady" in window),
      (ready) => ready,
    );
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const frames = page.frames();
    expect(frames.length).toBe(7);
    for (const frame of frames)
      expect(
        await frame.evaluate(() => ({
          overlayHosts: document.getElementsByTagName("factcheck-overlay").length,
          claimElements: document.querySelectorAll("[data-claim-id]").length,
          adoptedStyleSheets: document.adoptedStyleSheets.length,
          highlights: CSS.highlights?.size ?? 0,
        })),
      ).toEqual({ overlayHosts: 0, claimElements: 0, adoptedStyleSheets: 0, highlights: 0 });
    expect(await firefox.tabRecord(page.url())).toEqual({ state: null, badge: "" });
  } finally {
    await page.close();
  }
});

/**
 * The reader's side in Firefox ESR: a claim's card opened from the keyboard
 * and closed with Esc (focus back on the marker), the popup's switches
 * applied live to the open tab, and a report set up on the options page,
 * kept in the outbox (IndexedDB of the add-on's origin) and delivered to a
 * fact-check desk on loopback.
 */
import type { ElementHandle, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimById } from "../../lib/dataset";
import { VERDICTS } from "../../lib/verdicts";
import { probeCard } from "../e2e/card-on-top";
import { openReportDesk } from "../e2e/report-desk";
import { ALL } from "../fixtures/expectations";
import {
  type FirefoxWithAddon,
  type FixtureServer,
  focusedClaimId,
  launchFirefox,
  markerIds,
  startServer,
  waitFor,
} from "./harness";

const ALL_SORTED = [...ALL].sort();

let server: FixtureServer;
let firefox: FirefoxWithAddon;
let page: Page;
let tabId: number;

beforeAll(async () => {
  server = await startServer();
  firefox = await launchFirefox();
  page = await firefox.newPage();
  await page.goto(server.url("/pages/news-cms.html"));
  await waitFor(
    () => markerIds(page),
    (ids) => ids.length === ALL.length,
  );
  tabId = await firefox.tabIdOf(page.url());
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

/** Whether the card of claim `id` is open and shown. */
const cardOpen = (id: string) =>
  page.$$eval(`pierce/[role="dialog"][data-card-for="${id}"]`, (cards) =>
    cards.some((card) => card.getClientRects().length > 0),
  );

describe("a claim's card from the keyboard", () => {
  it("Enter on a focused marker opens its card; Esc closes it and focus returns to the marker", async () => {
    await page.bringToFront();
    await page.$eval('pierce/[data-claim-id="meetings-count"]', (marker) => (marker as HTMLElement).focus());
    expect(await focusedClaimId(page)).toBe("meetings-count");
    await page.keyboard.press("Enter");
    await waitFor(() => cardOpen("meetings-count"), Boolean, 5_000);
    const text = await page.$eval('pierce/[role="dialog"]', (dialog) => dialog.textContent ?? "");
    expect(text).toContain(claimById("meetings-count")?.summary ?? "(no summary)");
    await page.keyboard.press("Escape");
    await waitFor(
      () => cardOpen("meetings-count"),
      (open) => !open,
      5_000,
    );
    expect(await focusedClaimId(page)).toBe("meetings-count");
  });
});

describe("a card over a clipping frame and a sticky masthead (clipped-column.html)", () => {
  it("opens in the top layer: on top and whole at nine points, still as far below its marker after scrolling", async () => {
    const clipped = await firefox.newPage();
    // Puppeteer sends the size and a screen orientation together; Firefox ESR builds without BiDi's orientation
    // override refuse the second half only, and the size still applies.
    await clipped.setViewport({ width: 1024, height: 720 }).catch((error: unknown) => {
      if (!String(error).includes("setScreenOrientationOverride")) throw error;
    });
    await clipped.goto(server.url("/e2e/clipped-column.html"));
    await waitFor(
      () => markerIds(clipped),
      (ids) => ids.length === ALL.length,
    );
    await clipped.bringToFront();
    // The lowest marker shown in the frame: its card reaches past the frame's clip edge.
    const claimId = await clipped.evaluate(() => {
      const frame = (document.querySelector(".story-frame") as Element).getBoundingClientRect();
      return (
        [...document.querySelectorAll("factcheck-overlay")]
          .flatMap((host) => [...(host.shadowRoot?.querySelectorAll("[data-claim-id]") ?? [])])
          .filter((marker) => marker.getBoundingClientRect().bottom <= frame.bottom)
          .at(-1)
          ?.getAttribute("data-claim-id") ?? ""
      );
    });
    await clipped.$eval(`pierce/[data-claim-id="${claimId}"]`, (marker) => (marker as HTMLElement).focus());
    await clipped.keyboard.press("Enter");
    const opened = await waitFor(
      () => clipped.evaluate(probeCard, claimId),
      (probe) => probe.card !== null,
      5_000,
    );
    const markerTop = () =>
      clipped.$eval(`pierce/[data-claim-id="${claimId}"]`, (marker) => marker.getBoundingClientRect().top);
    const openedMarkerTop = await markerTop();
    const frameBottom = await clipped.$eval(".story-frame", (frame) => frame.getBoundingClientRect().bottom);
    expect(opened.card?.bottom, "past the frame's clip edge").toBeGreaterThan(frameBottom);
    expect(await clipped.$eval(".story-frame", (frame) => frame.scrollTop), "the frame's scroll").toBe(0);

    // Its top under the sticky masthead (72 px high).
    await clipped.evaluate((top) => window.scrollBy(0, top - 24), opened.card?.top ?? 0);
    const scrolled = await clipped.evaluate(probeCard, claimId);
    expect(scrolled.card?.top).toBeLessThan(72);
    expect(scrolled.covered, "points of the card where the page is on top").toEqual([]);
    expect(scrolled.inViewport).toBe(true);
    // Scrolling moved it with its claim: still as far below its marker (document coordinates in the top layer).
    expect((scrolled.card?.top ?? 0) - (await markerTop())).toBeCloseTo((opened.card?.top ?? 0) - openedMarkerTop, 0);
    await clipped.close();
  });
});

describe("the popup's switches", () => {
  /** The label (what a reader clicks) of the popup's switch named `name`. */
  const switchLabel = async (popup: Page, name: string) =>
    (await popup.evaluateHandle((wanted) => {
      const input = [...document.querySelectorAll('[role="switch"]')].find(
        (candidate) => candidate.closest("label")?.textContent?.trim() === wanted,
      );
      return input?.closest("label") ?? null;
    }, name)) as ElementHandle<HTMLLabelElement>;

  const isOn = (popup: Page, name: string) =>
    popup.evaluate((wanted) => {
      const input = [...document.querySelectorAll<HTMLInputElement>('[role="switch"]')].find(
        (candidate) => candidate.closest("label")?.textContent?.trim() === wanted,
      );
      return input?.checked ?? null;
    }, name);

  it("the popup shows the tab's claims; a verdict switch and the all-sites switch apply live to the tab", async () => {
    const popup = await firefox.extensionPage(`popup.html?tabId=${tabId}`);
    await waitFor(
      () => popup.evaluate(() => document.body.textContent ?? ""),
      (text) => text.includes("Found on this page: 14 claims"),
    );

    const inaccurate = VERDICTS.inaccurate.label;
    const inaccurateIds = ALL.filter((id) => claimById(id)?.verdict === "inaccurate");
    expect(inaccurateIds.length).toBeGreaterThan(0);
    expect(await isOn(popup, inaccurate)).toBe(true);
    await popup.bringToFront();
    await (await switchLabel(popup, inaccurate)).click();
    await waitFor(
      () => isOn(popup, inaccurate),
      (on) => on === false,
      5_000,
    );
    const withoutInaccurate = ALL_SORTED.filter((id) => !inaccurateIds.includes(id));
    expect(
      await waitFor(
        () => markerIds(page),
        (ids) => ids.length === withoutInaccurate.length,
      ),
    ).toEqual(withoutInaccurate);
    await (await switchLabel(popup, inaccurate)).click();
    await waitFor(
      () => markerIds(page),
      (ids) => ids.length === ALL.length,
    );

    await (await switchLabel(popup, "Annotations on all sites")).click();
    await waitFor(
      () => markerIds(page),
      (ids) => ids.length === 0,
    );
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
    await (await switchLabel(popup, "Annotations on all sites")).click();
    expect(
      await waitFor(
        () => markerIds(page),
        (ids) => ids.length === ALL.length,
      ),
    ).toEqual(ALL_SORTED);
    await popup.close();
  });
});

describe("a report through the outbox", () => {
  it("the endpoint set on the options page receives a dispute, once, and the outbox marks it sent", async () => {
    const desk = openReportDesk(server, () => ({ status: 201 }));
    const options = await firefox.extensionPage("options.html");
    await options.bringToFront();
    await options.type('input[type="url"]', desk.url);
    await (
      (await options.evaluateHandle(() =>
        [...document.querySelectorAll("button")].find((button) => button.textContent?.trim() === "Save"),
      )) as ElementHandle<HTMLButtonElement>
    ).click();
    await waitFor(
      () => options.evaluate(() => document.body.textContent ?? ""),
      (text) => text.includes("Saved."),
      5_000,
    );

    const receipt = (await firefox.inExtension(
      (api, draft) => api.runtime.sendMessage({ type: "submit-report", draft }),
      {
        kind: "dispute",
        claimId: "meetings-count",
        reason: "wrong-verdict",
        comment: "Filed from Firefox.",
        page: { title: "North Korea vows to bolster military might" },
      },
    )) as { ok: boolean; report?: { id: string } };
    expect(receipt.ok).toBe(true);
    const id = receipt.report?.id ?? "";

    await waitFor(
      async () => desk.accepted(),
      (keys) => keys.includes(id),
      20_000,
    );
    const stored = await waitFor(
      () => storedReportState(id),
      (state) => state === "sent",
      10_000,
    );
    expect(stored).toBe("sent");
    expect(desk.posts).toHaveLength(1);
    expect(desk.posts[0].body).toMatchObject({ motivation: "questioning" });
    await options.close();
  });
});

/** The state of report `id` in the outbox (IndexedDB of the add-on's origin, read from its control page). */
function storedReportState(id: string): Promise<string | null> {
  return firefox.control.evaluate(async (reportId) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open("trusted-storage", 1);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      const reports = await new Promise<{ id: string; state: string }[] | undefined>((resolve, reject) => {
        const request = db.transaction("items", "readonly").objectStore("items").get("reports");
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      return reports?.find((report) => report.id === reportId)?.state ?? null;
    } finally {
      db.close();
    }
  }, id);
}

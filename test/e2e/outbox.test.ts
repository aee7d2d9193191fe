/**
 * The report outbox in real Chromium (issue 4, item 3): reports submitted
 * from an extension page reach a loopback report desk that fails each
 * report's first two POSTs with 503 and accepts the third, exactly once per
 * idempotency key, also when the service worker is stopped between
 * attempts; a 4xx fails the report with the server's message and no retry;
 * and without an endpoint no request is made at all. A request goes only
 * where the reader said: a redirect is never followed (the report fails with
 * a clear message), and no cookie or referrer goes with it. The browser
 * restart is in outbox-restart.test.ts.
 */
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type ExtensionBrowser, type FixtureServer, launchBrowser, startServer } from "./harness";
import {
  DISPUTE,
  NEW_CLAIM,
  openExtensionPage,
  openReportDesk,
  type Receipt,
  type ReportDesk,
  resetOutbox,
  sendFromPage,
  setEndpoint,
  storedReport,
  storedReports,
  submitReport,
} from "./report-desk";

/** Retries wait 2 s, then 4 s, and alarms of unpacked extensions may fire a few seconds late. */
const SENT_WITHIN = { timeout: 45_000, interval: 250 };
/** Long enough for a retry that should not happen (the first would come after 2 s). */
const NO_RETRY_MS = 6_000;

let server: FixtureServer;
let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  page = await openExtensionPage(browser);
});

afterEach(async () => {
  await page.close();
  await resetOutbox(browser);
});

/** The extension's service worker as the DevTools protocol sees it, seen from `page`'s session. */
interface WatchedWorker {
  /** Stops the worker (`ServiceWorker.stopAllWorkers`), waits until it has stopped, and returns when it stopped. */
  stop(): Promise<number>;
  /** Whether the worker has been running again since the last `stop()` (with the statuses seen, for the message). */
  restarted(): { restarted: boolean; statuses: string };
  detach(): Promise<void>;
}

/**
 * Watches the extension's service worker through `page`'s DevTools session.
 * (Playwright keeps the same `Worker` for a stopped and restarted worker:
 * evaluating in it waits until something wakes the worker.)
 */
async function watchWorker(page: Page): Promise<WatchedWorker> {
  const cdp = await browser.context.newCDPSession(page);
  const statuses: { status: string; at: number }[] = [];
  let stoppedIndex = -1;
  cdp.on("ServiceWorker.workerVersionUpdated", ({ versions }) => {
    for (const version of versions)
      if (version.scriptURL.startsWith(`chrome-extension://${browser.extensionId}/`))
        statuses.push({ status: version.runningStatus, at: Date.now() });
  });
  await cdp.send("ServiceWorker.enable");
  return {
    async stop() {
      const from = statuses.length;
      await cdp.send("ServiceWorker.stopAllWorkers");
      await expect
        .poll(() => statuses.slice(from).some(({ status }) => status === "stopped"), { timeout: 10_000 })
        .toBe(true);
      stoppedIndex = statuses.findIndex(({ status }, index) => index >= from && status === "stopped");
      return statuses[stoppedIndex].at;
    },
    restarted: () => ({
      restarted: statuses.slice(stoppedIndex + 1).some(({ status }) => status === "running"),
      statuses: statuses.map(({ status }) => status).join(" → "),
    }),
    detach: () => cdp.detach(),
  };
}

/** The state of the stored report `id`. */
const stateOf = async (id: string) => (await storedReport(browser, id))?.state;

/** Asserts that the desk accepted each of `keys` exactly once, after two 503s, and saw nothing else. */
function expectDeliveredOnce(desk: ReportDesk, keys: string[]): void {
  expect([...desk.accepted()].sort(), "accepted keys, each once").toEqual([...keys].sort());
  for (const key of keys)
    expect(
      desk.postsOf(key).map((post) => post.status),
      `the POSTs of ${key}`,
    ).toEqual([503, 503, 201]);
  expect(desk.posts, "POSTs in all").toHaveLength(3 * keys.length);
}

describe("with a report endpoint", () => {
  it("retries through two 503s and the desk accepts each report exactly once, as a Web Annotation", async () => {
    const desk = openReportDesk(server);
    await setEndpoint(browser, desk.url);
    const dispute = await submitReport(page, DISPUTE);
    const newClaim = await submitReport(page, NEW_CLAIM);
    expect(dispute.state).toBe("queued");
    expect(newClaim.state).toBe("queued");

    await expect.poll(() => stateOf(dispute.id), SENT_WITHIN).toBe("sent");
    await expect.poll(() => stateOf(newClaim.id), SENT_WITHIN).toBe("sent");
    expectDeliveredOnce(desk, [dispute.id, newClaim.id]);

    for (const post of desk.posts) expect(post.contentType).toMatch(/^application\/json/);
    const [annotation] = desk.postsOf(dispute.id).map((post) => post.body);
    expect(annotation).toMatchObject({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      id: `urn:uuid:${dispute.id}`,
      type: "Annotation",
      motivation: "questioning",
      target: {
        source: DISPUTE.page.url,
        title: DISPUTE.page.title,
        claimId: "friday",
        selector: { type: "TextQuoteSelector", exact: expect.stringContaining("Friday") },
      },
      body: [
        { purpose: "tagging", value: "wrong-verdict" },
        { purpose: "commenting", value: DISPUTE.comment },
      ],
    });
    const [newClaimBody] = desk.postsOf(newClaim.id).map((post) => post.body);
    expect(newClaimBody).toMatchObject({
      creator: { type: "Person", email: NEW_CLAIM.email },
      target: { title: NEW_CLAIM.page.title, selector: NEW_CLAIM.selector },
    });
    expect((newClaimBody as { target: object }).target).not.toHaveProperty("source");
    // Every attempt carried the same body.
    for (const key of [dispute.id, newClaim.id]) {
      const bodies = desk.postsOf(key).map((post) => JSON.stringify(post.body));
      expect(new Set(bodies).size).toBe(1);
    }

    expect(await storedReport(browser, dispute.id)).toMatchObject({ state: "sent", attempts: 3 });
    expect((await storedReport(browser, dispute.id))?.sentAt).toEqual(expect.any(String));
    expect((await storedReport(browser, dispute.id))?.lastError).toBeUndefined();

    // Sent is final: nothing more arrives.
    await page.waitForTimeout(NO_RETRY_MS);
    expect(desk.posts).toHaveLength(6);
    expect(browser.workerErrors).toEqual([]);
  });

  it("keeps the report and its retries when the service worker is stopped between attempts", async () => {
    const desk = openReportDesk(server);
    await setEndpoint(browser, desk.url);
    const worker = await watchWorker(page);
    const requestsBefore = browser.requests.length;

    const report = await submitReport(page, DISPUTE);
    // The first attempt failed: the report waits in storage for its retry.
    await expect.poll(() => desk.posts.length, SENT_WITHIN).toBe(1);
    await expect
      .poll(() => storedReport(browser, report.id), SENT_WITHIN)
      .toMatchObject({
        state: "queued",
        attempts: 1,
        lastError: expect.stringMatching(/^503/),
      });

    const stoppedAt = await worker.stop();
    expect(desk.posts, "no attempt was cut short by the stop").toHaveLength(1);
    // Nothing but the alarm wakes it: a new worker starts and retries (and fails once more).
    await expect.poll(() => desk.posts.length, SENT_WITHIN).toBe(2);
    expect(desk.posts[1].at).toBeGreaterThan(stoppedAt);
    await expect.poll(() => worker.restarted(), { timeout: 10_000 }).toMatchObject({ restarted: true });

    // Stopped again between the second and the third attempt (once the second is recorded).
    await expect
      .poll(() => storedReport(browser, report.id), SENT_WITHIN)
      .toMatchObject({ state: "queued", attempts: 2 });
    const stoppedAgainAt = await worker.stop();
    await expect.poll(() => desk.accepted(), SENT_WITHIN).toEqual([report.id]);
    expect(desk.posts[2].at).toBeGreaterThan(stoppedAgainAt);
    await expect.poll(() => worker.restarted(), { timeout: 10_000 }).toMatchObject({ restarted: true });

    await expect.poll(() => stateOf(report.id), SENT_WITHIN).toBe("sent");
    expectDeliveredOnce(desk, [report.id]);
    expect(await storedReport(browser, report.id)).toMatchObject({ attempts: 3 });
    await page.waitForTimeout(NO_RETRY_MS);
    expect(desk.posts).toHaveLength(3);
    // The harness's recorder saw them too, from each worker (what the test without an endpoint relies on).
    expect(browser.requests.slice(requestsBefore).filter((request) => request.url === desk.url)).toEqual(
      Array(3).fill({ url: desk.url, from: "service-worker" }),
    );
    await worker.detach();
  });

  it("fails the report with the desk's message on a 4xx and never retries it", async () => {
    const desk = openReportDesk(server, () => ({ status: 422, message: "comment rejected: links are not allowed" }));
    await setEndpoint(browser, desk.url);
    const report = await submitReport(page, DISPUTE);
    await expect.poll(() => stateOf(report.id), SENT_WITHIN).toBe("failed");
    expect(await storedReport(browser, report.id)).toMatchObject({
      state: "failed",
      attempts: 1,
      lastError: expect.stringContaining("comment rejected: links are not allowed"),
    });
    expect((await storedReport(browser, report.id))?.lastError).toMatch(/^422/);
    await page.waitForTimeout(NO_RETRY_MS);
    expect(desk.posts.map((post) => [post.key, post.status])).toEqual([[report.id, 422]]);
    expect(await stateOf(report.id)).toBe("failed");
  });

  it("sends a failed report again when retried from a page, with the same idempotency key", async () => {
    let refuse = true;
    const desk = openReportDesk(server, () => (refuse ? { status: 400, message: "try later" } : { status: 201 }));
    await setEndpoint(browser, desk.url);
    const report = await submitReport(page, NEW_CLAIM);
    await expect.poll(() => stateOf(report.id), SENT_WITHIN).toBe("failed");

    refuse = false;
    expect(await sendFromPage(page, { type: "retry-report", id: report.id })).toMatchObject({
      id: report.id,
      state: "queued",
    });
    await expect.poll(() => stateOf(report.id), SENT_WITHIN).toBe("sent");
    expect(desk.posts.map((post) => [post.key, post.status])).toEqual([
      [report.id, 400],
      [report.id, 201],
    ]);
  });

  it("answers an invalid draft with its errors, stores nothing and sends nothing", async () => {
    const desk = openReportDesk(server);
    await setEndpoint(browser, desk.url);
    const receipt = (await sendFromPage(page, {
      type: "submit-report",
      draft: { ...DISPUTE, reason: "other", comment: "", email: "not-an-email" },
    })) as Receipt;
    expect(receipt).toEqual({
      ok: false,
      errors: { comment: expect.stringContaining("required"), email: expect.any(String) },
    });
    await page.waitForTimeout(1_000);
    expect(await storedReports(browser)).toEqual([]);
    expect(desk.posts).toEqual([]);
  });
});

describe("where reports go", () => {
  let elsewhere: FixtureServer;
  beforeAll(async () => {
    elsewhere = await startServer();
  });
  afterAll(async () => {
    await elsewhere?.close();
  });

  it.each([307, 308, 301, 302, 303])(
    "a desk answering %i to another server: the other server receives nothing, and the report is failed, not sent",
    async (status) => {
      const other = openReportDesk(elsewhere, () => ({ status: 201 }), "/collector");
      const hits: string[] = [];
      server.route("/redirecting", (request, response) => {
        hits.push(`desk ${request.method}`);
        response.writeHead(status, { Location: other.url }).end();
      });
      await setEndpoint(browser, server.url("/redirecting"));
      const report = await submitReport(page, DISPUTE);
      await expect.poll(() => stateOf(report.id), SENT_WITHIN).toBe("failed");
      expect((await storedReport(browser, report.id))?.lastError).toMatch(/redirect/);
      await page.waitForTimeout(500);
      expect(other.posts).toEqual([]);
      expect(elsewhere.served.filter((path) => path.startsWith("/collector"))).toEqual([]);
      expect(hits).toEqual(["desk POST"]);
    },
  );

  it("sends no cookie and no referrer, even when the desk's site has set cookies", async () => {
    const desk = openReportDesk(server, () => ({ status: 201 }));
    await browser.context.addCookies([{ name: "session", value: "reader-secret", url: server.url("/") }]);
    await setEndpoint(browser, desk.url);
    const report = await submitReport(page, DISPUTE);
    await expect.poll(() => stateOf(report.id), SENT_WITHIN).toBe("sent");
    expect(desk.posts).toHaveLength(1);
    expect(desk.posts[0].headers.cookie).toBeUndefined();
    expect(desk.posts[0].headers.referer).toBeUndefined();
    await browser.context.clearCookies();
  });
});

describe("without a report endpoint", () => {
  it("keeps the report on the device and makes no request at all", async () => {
    const desk = openReportDesk(server, () => ({ status: 201 }));
    await setEndpoint(browser, null);
    const requestsBefore = browser.requests.length;
    const servedBefore = server.served.length;

    const report = await submitReport(page, DISPUTE);
    expect(report.state).toBe("local");
    expect(await sendFromPage(page, { type: "retry-report", id: report.id })).toMatchObject({ state: "local" });
    // A worker that starts runs the outbox (as after a restart): it still has nowhere to send to.
    const worker = await watchWorker(page);
    await worker.stop();
    expect(await sendFromPage(page, { type: "retry-report", id: report.id })).toMatchObject({ state: "local" });
    await expect.poll(() => worker.restarted(), { timeout: 10_000 }).toMatchObject({ restarted: true });
    await worker.detach();
    await page.waitForTimeout(NO_RETRY_MS);

    expect(await storedReport(browser, report.id)).toMatchObject({ state: "local", attempts: 0 });
    expect(browser.requests.slice(requestsBefore)).toEqual([]);
    expect(server.served.slice(servedBefore)).toEqual([]);
    expect(desk.posts).toEqual([]);
  });

  it("sends a kept report once an endpoint is set and the reader retries it", async () => {
    const desk = openReportDesk(server);
    await setEndpoint(browser, null);
    const report = await submitReport(page, NEW_CLAIM);
    expect(report.state).toBe("local");

    await setEndpoint(browser, desk.url);
    await page.waitForTimeout(1_000);
    expect(desk.posts, "nothing is sent retroactively").toEqual([]);
    await sendFromPage(page, { type: "retry-report", id: report.id });
    await expect.poll(() => stateOf(report.id), SENT_WITHIN).toBe("sent");
    expectDeliveredOnce(desk, [report.id]);
  });
});

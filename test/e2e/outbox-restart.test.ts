/**
 * The report outbox across a browser restart (issue 4, item 3): a report
 * still queued when the browser closes is sent after it starts again on the
 * same profile, and the loopback desk accepts it exactly once.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type ExtensionBrowser, type FixtureServer, launchBrowser, startServer } from "./harness";
import {
  failTwiceThenAccept,
  NEW_CLAIM,
  openExtensionPage,
  openReportDesk,
  setEndpoint,
  storedReport,
  submitReport,
} from "./report-desk";

const SENT_WITHIN = { timeout: 45_000, interval: 250 };

let server: FixtureServer;
let profile: string;
let browser: ExtensionBrowser | undefined;

beforeAll(async () => {
  server = await startServer();
  profile = await mkdtemp(join(tmpdir(), "factcheck-restart-"));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
});

it("sends a report still queued when the browser closed once it starts again on the same profile", async () => {
  // Until the restart the desk is down; then it fails the report's first two POSTs and accepts the third.
  let restarted = false;
  const desk = openReportDesk(server, (post) => (restarted ? failTwiceThenAccept(post) : { status: 503 }));

  browser = await launchBrowser({ userDataDir: profile });
  const { extensionId } = browser;
  await setEndpoint(browser, desk.url);
  const page = await openExtensionPage(browser);
  const report = await submitReport(page, NEW_CLAIM);
  const first = browser;
  await expect.poll(() => desk.posts.length, SENT_WITHIN).toBeGreaterThanOrEqual(1);
  // The failed attempt is recorded: the report waits in storage for its retry.
  await expect
    .poll(() => storedReport(first, report.id), SENT_WITHIN)
    .toMatchObject({ state: "queued", lastError: expect.stringMatching(/^503/) });
  await browser.close();
  browser = undefined;
  const closedAt = Date.now();
  const beforeRestart = desk.posts.length;
  expect(desk.accepted(), "nothing accepted before the restart").toEqual([]);

  restarted = true;
  browser = await launchBrowser({ userDataDir: profile });
  expect(browser.extensionId, "the same extension on the same profile").toBe(extensionId);

  await expect.poll(() => desk.accepted(), SENT_WITHIN).toEqual([report.id]);
  expect(desk.posts.slice(beforeRestart).every((post) => post.at > closedAt)).toBe(true);
  expect(desk.posts.length, "POSTs after the restart").toBeGreaterThan(beforeRestart);
  expect(desk.postsOf(report.id).map((post) => post.status)).toEqual([503, 503, 201]);
  expect(desk.posts).toHaveLength(3);

  const running = browser;
  await expect.poll(() => storedReport(running, report.id), SENT_WITHIN).toMatchObject({ state: "sent", attempts: 3 });
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  expect(desk.posts, "nothing after the report was accepted").toHaveLength(3);
});

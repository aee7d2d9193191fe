/**
 * The report outbox (lib/reports.ts) on the fake browser, with fake timers
 * and a stubbed `fetch`: stored before anything else, validated, kept on
 * the device without an endpoint, POSTed as a Web Annotation with its
 * idempotency key, retried with backoff through the alarm, failed on a 4xx,
 * never sent twice at once, and never losing an entry it cannot read.
 */
import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { z } from "zod";
import { claimById } from "../../lib/dataset";
import {
  BASE_RETRY_DELAY_MS,
  deleteReport,
  getEndpoint,
  getReports,
  MAX_RESPONSE_BYTES,
  MAX_RETRY_DELAY_MS,
  migrateLegacyStorage,
  OUTBOX_ALARM,
  processOutbox,
  REDIRECT_ERROR,
  readAtMost,
  retryDelay,
  retryReport,
  setEndpoint,
  submitReport,
  watchEndpoint,
  watchReports,
} from "../../lib/reports/outbox";
import { MAX_COMMENT_LENGTH, type Report, type ReportDraft } from "../../lib/reports/schema";
import { defineTrustedItem } from "../../lib/trusted-storage";

/** The outbox's and the endpoint's items in trusted storage, read and written raw. */
const rawReports = defineTrustedItem<unknown>("reports", []);
const rawEndpoint = defineTrustedItem<unknown>("reportEndpoint", null);

const NOW = Date.parse("2025-03-01T10:00:00.000Z");
const ENDPOINT = "https://desk.example/reports";

const DISPUTE: ReportDraft = {
  kind: "dispute",
  claimId: "friday",
  reason: "wrong-verdict",
  comment: "KCNA carried it on Saturday in Pyongyang.",
  email: "reader@mail.example",
  page: { title: "North Korea vows to bolster military might", url: "https://news.example/world/nk" },
};

const NEW_CLAIM: ReportDraft = {
  kind: "new-claim",
  selector: { type: "TextQuoteSelector", exact: "three summits", prefix: "held ", suffix: " since 2018" },
  reason: "other",
  comment: "This count looks wrong.",
  page: { title: "Some page" },
};

/** The `fetch` stub of the current test. */
let fetchMock: Mock<typeof fetch>;

/** Answers every POST with `status` (and `body` as text). */
function answer(status: number, body = "", statusText = ""): void {
  fetchMock.mockImplementation(async () => new Response(status === 204 ? null : body, { status, statusText }));
}

/** The `Idempotency-Key` header of a request. */
function idempotencyKey(init: RequestInit | undefined): string | null {
  return new Headers(init?.headers).get("Idempotency-Key");
}

/** What trusted storage holds under the outbox's key, as stored. */
async function storedReports(): Promise<unknown> {
  return rawReports.getValue();
}

/** Puts `value` where the outbox keeps its reports, as another context (or an older version) would. */
async function storeRaw(value: unknown): Promise<void> {
  await rawReports.setValue(value);
}

/**
 * Waits until every outbox task queued so far has finished (the send that
 * `submitReport` and `retryReport` start in the background included): a retry
 * of an id that does not exist is queued behind them and changes nothing.
 */
async function outboxIdle(): Promise<void> {
  await retryReport("00000000-0000-4000-8000-000000000000");
}

/** The one stored report (after the outbox settled). */
async function onlyReport(): Promise<Report> {
  await outboxIdle();
  const reports = await getReports();
  expect(reports).toHaveLength(1);
  return reports[0];
}

/** The outbox alarm's time, or undefined when none is set. */
async function alarmTime(): Promise<number | undefined> {
  return (await fakeBrowser.alarms.get(OUTBOX_ALARM))?.scheduledTime;
}

/** `report` without its retry fields, as a sent or failed report keeps it. */
function settled(report: Report): Report {
  const { nextAttemptAt: _, lastError: __, ...rest } = report;
  return rest;
}

/** A stored report as an earlier session of the outbox left it. */
function storedReport(overrides: Partial<Report> = {}): Report {
  return {
    id: crypto.randomUUID(),
    createdAt: new Date(NOW - 60_000).toISOString(),
    draft: DISPUTE,
    state: "queued",
    attempts: 0,
    nextAttemptAt: NOW - 1,
    ...overrides,
  };
}

beforeEach(async () => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  // IndexedDB (fake-indexeddb) schedules with setImmediate: leave that real.
  vi.useFakeTimers({ now: NOW, toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"] });
  fetchMock = vi.fn<typeof fetch>();
  answer(201);
  vi.stubGlobal("fetch", fetchMock);
});

afterEach(async () => {
  await outboxIdle();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("retryDelay", () => {
  it("doubles from 2 s with each failed attempt, up to an hour", () => {
    expect(BASE_RETRY_DELAY_MS).toBe(2_000);
    expect([1, 2, 3, 4, 5].map(retryDelay)).toEqual([2_000, 4_000, 8_000, 16_000, 32_000]);
    expect(retryDelay(0)).toBe(2_000);
    expect(retryDelay(12)).toBe(MAX_RETRY_DELAY_MS);
    expect(retryDelay(200)).toBe(60 * 60_000);
  });
});

describe("submitReport without an endpoint", () => {
  it("keeps the report on the device (state local) and makes no request, ever", async () => {
    const report = await submitReport(DISPUTE);
    expect(report).toMatchObject({ draft: DISPUTE, state: "local", attempts: 0 });
    expect(report.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(report.createdAt).toBe(new Date(NOW).toISOString());
    expect(report.nextAttemptAt).toBeUndefined();
    expect(await storedReports()).toEqual([report]);

    await processOutbox();
    vi.setSystemTime(NOW + 24 * 60 * 60_000);
    await processOutbox();
    expect(await alarmTime(), "no alarm is set for a local report").toBeUndefined();
    expect(await onlyReport()).toEqual(report);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("keeps queued reports waiting (unsent) when the endpoint was removed", async () => {
    const queued = storedReport();
    await storeRaw([queued]);
    await processOutbox();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(await onlyReport()).toEqual(queued);
  });

  it("gives each report its own id, oldest first", async () => {
    const first = await submitReport(DISPUTE);
    const second = await submitReport(NEW_CLAIM);
    expect(first.id).not.toBe(second.id);
    expect((await getReports()).map((report) => report.id)).toEqual([first.id, second.id]);
  });

  it("starts from an empty outbox once storage is cleared (nothing remembered in memory)", async () => {
    await submitReport(DISPUTE);
    await rawReports.removeValue();
    expect(await getReports()).toEqual([]);
    const report = await submitReport(NEW_CLAIM);
    expect(await storedReports()).toEqual([report]);
  });
});

describe("submitReport with invalid input", () => {
  it.each<[string, unknown, string]>([
    ['"other" without a comment', { ...DISPUTE, reason: "other", comment: "" }, "comment"],
    ['"other" with only white space', { ...DISPUTE, reason: "other", comment: "   \n " }, "comment"],
    [
      `a comment over ${MAX_COMMENT_LENGTH} characters`,
      { ...DISPUTE, comment: "x".repeat(MAX_COMMENT_LENGTH + 1) },
      "comment",
    ],
    ["a bad email", { ...DISPUTE, email: "reader@" }, "email"],
    ["a claim id that is not a slug", { ...DISPUTE, claimId: "Friday Claim" }, "claimId"],
    ["no page title", { ...DISPUTE, page: { url: "https://news.example/world/nk" } }, "page.title"],
    [
      "a page address that is not http(s)",
      { ...DISPUTE, page: { title: "t", url: "javascript:alert(1)" } },
      "page.url",
    ],
    ["an unknown reason", { ...DISPUTE, reason: "spam" }, "reason"],
    ["an extra field", { ...DISPUTE, verdict: "accurate" }, ""],
    ["an empty selection", { ...NEW_CLAIM, selector: { ...NEW_CLAIM.selector, exact: " " } }, "selector.exact"],
  ])("throws for %s, stores nothing and makes no request", async (_, draft, path) => {
    await setEndpoint(ENDPOINT);
    const error = await (async () => submitReport(draft))().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(z.ZodError);
    expect((error as z.ZodError).issues.map((issue) => issue.path.join("."))).toContain(path);
    await outboxIdle();
    expect(await storedReports()).toEqual([]);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("accepts a comment of exactly the maximum length, and no comment for other reasons", async () => {
    await submitReport({ ...DISPUTE, comment: "x".repeat(MAX_COMMENT_LENGTH) });
    await submitReport({ ...DISPUTE, reason: "outdated", comment: "", email: undefined });
    expect(await getReports()).toHaveLength(2);
  });

  it("trims the comment", async () => {
    const report = await submitReport({ ...DISPUTE, comment: "  spaced out \n" });
    expect(report.draft.comment).toBe("spaced out");
  });
});

describe("submitReport with an endpoint", () => {
  beforeEach(async () => {
    await setEndpoint(ENDPOINT);
  });

  it("stores the report before the request starts", async () => {
    const storedAtFetch: unknown[] = [];
    fetchMock.mockImplementation(async () => {
      storedAtFetch.push(await storedReports());
      return new Response(null, { status: 201 });
    });
    const report = await submitReport(DISPUTE);
    expect(report.state).toBe("queued");
    await outboxIdle();
    expect(fetchMock).toHaveBeenCalledOnce();
    expect(storedAtFetch).toEqual([[report]]);
  });

  it("POSTs one Web Annotation with the report id as idempotency key", async () => {
    const report = await submitReport(DISPUTE);
    await outboxIdle();
    expect(fetchMock).toHaveBeenCalledOnce();
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe(ENDPOINT);
    expect(init?.method).toBe("POST");
    expect(init?.headers).toEqual({ "Content-Type": "application/json", "Idempotency-Key": report.id });
    expect(init?.signal).toBeInstanceOf(AbortSignal);
    const body = JSON.parse(String(init?.body));
    expect(body).toEqual({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      id: `urn:uuid:${report.id}`,
      type: "Annotation",
      motivation: "questioning",
      created: report.createdAt,
      generator: { type: "Software", name: expect.any(String) },
      creator: { type: "Person", email: DISPUTE.email },
      target: {
        source: DISPUTE.page.url,
        title: DISPUTE.page.title,
        selector: claimById("friday")?.selector,
        claimId: "friday",
      },
      body: [
        { type: "TextualBody", purpose: "tagging", value: "wrong-verdict" },
        { type: "TextualBody", purpose: "commenting", value: DISPUTE.comment },
      ],
    });
  });

  it("sends a new claim with its selection and without a page address when none was given", async () => {
    await submitReport(NEW_CLAIM);
    await outboxIdle();
    const body = JSON.parse(String(fetchMock.mock.calls[0][1]?.body));
    expect(body.target).toEqual({ title: "Some page", selector: NEW_CLAIM.selector });
    expect(body.creator).toBeUndefined();
    expect(body.body).toEqual([
      { type: "TextualBody", purpose: "tagging", value: "other" },
      { type: "TextualBody", purpose: "commenting", value: NEW_CLAIM.comment },
    ]);
  });

  it.each([200, 201, 202, 204])("marks the report sent on %i, with the time, and clears the alarm", async (status) => {
    answer(status);
    const report = await submitReport(DISPUTE);
    const sent = await onlyReport();
    expect(sent).toEqual({ ...settled(report), state: "sent", attempts: 1, sentAt: new Date(NOW).toISOString() });
    expect(sent.nextAttemptAt).toBeUndefined();
    expect(await alarmTime()).toBeUndefined();
  });

  it("sets the alarm before the first request, so that a stopped worker wakes up to send", async () => {
    const alarmAtFetch: (number | undefined)[] = [];
    fetchMock.mockImplementation(async () => {
      alarmAtFetch.push(await alarmTime());
      return new Response(null, { status: 201 });
    });
    await submitReport(DISPUTE);
    await outboxIdle();
    expect(alarmAtFetch).toHaveLength(1);
    expect(alarmAtFetch[0]).toBeGreaterThan(NOW);
  });

  it("retries after a 500 with exponential backoff (2 s, 4 s, 8 s) through the alarm, then sends", async () => {
    answer(500, "database down", "Internal Server Error");
    const report = await submitReport(DISPUTE);
    let now = NOW;
    for (const [attempts, delay] of [
      [1, 2_000],
      [2, 4_000],
      [3, 8_000],
    ]) {
      const queued = await onlyReport();
      expect(queued).toEqual({
        ...report,
        state: "queued",
        attempts,
        lastError: "500 Internal Server Error: database down",
        nextAttemptAt: now + delay,
      });
      expect(await alarmTime(), `alarm after attempt ${attempts}`).toBe(now + delay);
      expect(fetchMock).toHaveBeenCalledTimes(attempts);

      // Not due yet: nothing is sent.
      vi.setSystemTime(now + delay - 1);
      await processOutbox();
      expect(fetchMock).toHaveBeenCalledTimes(attempts);

      now += delay;
      vi.setSystemTime(now);
      if (attempts === 3) answer(201);
      await processOutbox();
    }
    expect(fetchMock).toHaveBeenCalledTimes(4);
    for (const [, init] of fetchMock.mock.calls) expect(idempotencyKey(init)).toBe(report.id);
    const sent = await onlyReport();
    expect(sent).toEqual({ ...settled(report), state: "sent", attempts: 4, sentAt: new Date(now).toISOString() });
    expect(await alarmTime()).toBeUndefined();
  });

  it("retries after a network error, keeping the error", async () => {
    fetchMock.mockRejectedValue(new TypeError("Failed to fetch"));
    const report = await submitReport(NEW_CLAIM);
    expect(await onlyReport()).toEqual({
      ...report,
      state: "queued",
      attempts: 1,
      lastError: "network error: Failed to fetch",
      nextAttemptAt: NOW + 2_000,
    });
    expect(await alarmTime()).toBe(NOW + 2_000);

    answer(201);
    vi.setSystemTime(NOW + 2_000);
    await processOutbox();
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(await onlyReport()).toMatchObject({ state: "sent", attempts: 2 });
  });

  it.each([408, 429, 502, 503])("retries after %i", async (status) => {
    answer(status, "later");
    await submitReport(DISPUTE);
    expect(await onlyReport()).toMatchObject({ state: "queued", attempts: 1, nextAttemptAt: NOW + 2_000 });
    expect((await onlyReport()).lastError).toMatch(new RegExp(`^${status}`));
  });

  it.each([400, 401, 403, 404, 409, 413, 422])(
    "marks the report failed with the server's message on %i and never retries it",
    async (status) => {
      answer(status, "  comment rejected: contains a link \n");
      const report = await submitReport(DISPUTE);
      const failed = await onlyReport();
      expect(failed).toEqual({
        ...settled(report),
        state: "failed",
        attempts: 1,
        lastError: `${status}: comment rejected: contains a link`,
      });
      expect(await alarmTime()).toBeUndefined();

      vi.setSystemTime(NOW + 24 * 60 * 60_000);
      await processOutbox();
      expect(fetchMock).toHaveBeenCalledOnce();
      expect(await onlyReport()).toEqual(failed);
    },
  );

  it("keeps at most 500 characters of the server's message, and the status when there is none", async () => {
    answer(422, "y".repeat(2_000), "Unprocessable Content");
    await submitReport(DISPUTE);
    const { lastError } = await onlyReport();
    expect(lastError).toHaveLength(500);
    expect(lastError).toMatch(/^422 Unprocessable Content: yyy/);

    await deleteReport((await onlyReport()).id);
    answer(400);
    await submitReport(DISPUTE);
    expect((await onlyReport()).lastError).toBe("400");
  });

  it("sends queued reports left by an earlier session as soon as it runs (worker or browser restart)", async () => {
    const due = storedReport({ attempts: 2, lastError: "503", nextAttemptAt: NOW - 10 });
    const later = storedReport({ attempts: 3, lastError: "503", nextAttemptAt: NOW + 8_000 });
    await storeRaw([due, later]);
    await processOutbox();
    expect(fetchMock).toHaveBeenCalledOnce();
    expect(idempotencyKey(fetchMock.mock.calls[0][1])).toBe(due.id);
    const [sent, waiting] = await getReports();
    expect(sent).toEqual({
      id: due.id,
      createdAt: due.createdAt,
      draft: due.draft,
      state: "sent",
      attempts: 3,
      sentAt: new Date(NOW).toISOString(),
    });
    expect(waiting).toEqual(later);
    expect(await alarmTime(), "the alarm waits for the next report due").toBe(NOW + 8_000);
  });

  it("never POSTs the same report twice when the outbox runs twice at once", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    fetchMock.mockImplementation(async () => {
      await gate;
      return new Response(null, { status: 201 });
    });
    await storeRaw([storedReport(), storedReport()]);
    const runs = [processOutbox(), processOutbox(), processOutbox()];
    release();
    await Promise.all(runs);
    const keys = fetchMock.mock.calls.map(([, init]) => idempotencyKey(init));
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(2);
    expect((await getReports()).map((report) => report.state)).toEqual(["sent", "sent"]);
  });

  it("never POSTs a report twice when a submission and the alarm's run overlap", async () => {
    let calls = 0;
    fetchMock.mockImplementation(async () => {
      calls += 1;
      // The alarm fires while the first request is in flight.
      if (calls === 1) void processOutbox();
      return new Response(null, { status: 201 });
    });
    await submitReport(DISPUTE);
    await outboxIdle();
    await processOutbox();
    expect(fetchMock).toHaveBeenCalledOnce();
  });
});

describe("the background's outbox alarm", () => {
  /** Runs the background entrypoint on the fake browser (its context menu and commands stubbed out). */
  async function startBackground(): Promise<void> {
    vi.spyOn(fakeBrowser.contextMenus.onClicked, "addListener").mockImplementation(() => {});
    vi.spyOn(fakeBrowser.commands.onCommand, "addListener").mockImplementation(() => {});
    const { default: background } = await import("../../entrypoints/background");
    background.main();
    // The outbox runs once the migration (queued first) is done: wait for both.
    await outboxIdle();
    await outboxIdle();
  }

  /** Fires alarm `name` as the browser does, and waits for the outbox to settle. */
  async function fire(name = OUTBOX_ALARM): Promise<void> {
    await fakeBrowser.alarms.onAlarm.trigger({ name, scheduledTime: Date.now() });
    await outboxIdle();
  }

  it("sends a report left queued by an earlier session when the worker starts", async () => {
    await setEndpoint(ENDPOINT);
    await storeRaw([storedReport({ attempts: 1, lastError: "503", nextAttemptAt: NOW - 1 })]);
    await startBackground();
    expect(fetchMock).toHaveBeenCalledOnce();
    expect(await onlyReport()).toMatchObject({ state: "sent", attempts: 2 });
  });

  it("retries a failed attempt when the alarm fires after the delay", async () => {
    await startBackground();
    await setEndpoint(ENDPOINT);
    answer(503);
    await submitReport(DISPUTE);
    expect(await onlyReport()).toMatchObject({ state: "queued", attempts: 1 });
    const when = await alarmTime();
    expect(when).toBe(NOW + 2_000);

    answer(201);
    await fire(); // early (a browser may fire a little before): not due yet, nothing sent
    expect(fetchMock).toHaveBeenCalledOnce();
    vi.setSystemTime(when as number);
    await fire("some-other-alarm");
    expect(fetchMock).toHaveBeenCalledOnce();
    await fire();
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(await onlyReport()).toMatchObject({ state: "sent", attempts: 2 });
  });

  it("makes no request when the alarm fires without an endpoint", async () => {
    await startBackground();
    await submitReport(DISPUTE);
    vi.setSystemTime(NOW + 60_000);
    await fire();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(await onlyReport()).toMatchObject({ state: "local", attempts: 0 });
  });
});

describe("entries the outbox cannot read", () => {
  it.each([[{}], ["garbage"], [null], [{ id: "not-a-uuid", state: "sent" }]])(
    "keeps %j untouched when other reports change",
    async (corrupt) => {
      const local = storedReport({ state: "local", nextAttemptAt: undefined });
      await storeRaw([corrupt, local]);
      expect(await getReports()).toEqual([local]);

      const added = await submitReport(NEW_CLAIM);
      expect(await storedReports()).toEqual([corrupt, local, added]);

      await setEndpoint(ENDPOINT);
      await retryReport(local.id);
      await outboxIdle();
      expect((await storedReports()) as unknown[]).toHaveLength(3);
      expect(((await storedReports()) as unknown[])[0]).toEqual(corrupt);

      await deleteReport(added.id);
      expect(await storedReports()).toEqual([corrupt, expect.objectContaining({ id: local.id, state: "sent" })]);
    },
  );

  it("reads a stored value that is not a list as an empty outbox", async () => {
    await storeRaw("garbage");
    expect(await getReports()).toEqual([]);
    await processOutbox();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe("retryReport", () => {
  it("queues a failed report again and sends it at once", async () => {
    await setEndpoint(ENDPOINT);
    answer(400, "bad");
    const report = await submitReport(DISPUTE);
    expect(await onlyReport()).toMatchObject({ state: "failed", lastError: "400: bad" });

    answer(201);
    vi.setSystemTime(NOW + 1_000);
    const queued = await retryReport(report.id);
    expect(queued).toMatchObject({ id: report.id, state: "queued", nextAttemptAt: NOW + 1_000 });
    const sent = await onlyReport();
    expect(sent).toMatchObject({
      id: report.id,
      state: "sent",
      attempts: 2,
      sentAt: new Date(NOW + 1_000).toISOString(),
    });
    expect(sent.lastError).toBeUndefined();
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it("sends a report kept on the device once an endpoint exists", async () => {
    const report = await submitReport(DISPUTE);
    await setEndpoint(ENDPOINT);
    expect(fetchMock).not.toHaveBeenCalled();
    await retryReport(report.id);
    expect(await onlyReport()).toMatchObject({ id: report.id, state: "sent", attempts: 1 });
    expect(fetchMock).toHaveBeenCalledOnce();
  });

  it("keeps a local report local while there is no endpoint", async () => {
    const report = await submitReport(DISPUTE);
    expect(await retryReport(report.id)).toEqual(report);
    expect(await onlyReport()).toEqual(report);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("does nothing for a sent report", async () => {
    await setEndpoint(ENDPOINT);
    const report = await submitReport(DISPUTE);
    const sent = await onlyReport();
    expect(sent.state).toBe("sent");
    expect(await retryReport(report.id)).toEqual(sent);
    expect(await onlyReport()).toEqual(sent);
    expect(fetchMock).toHaveBeenCalledOnce();
  });

  it("returns null for an unknown report", async () => {
    expect(await retryReport(crypto.randomUUID())).toBeNull();
    expect(await storedReports()).toEqual([]);
  });
});

describe("deleteReport", () => {
  it("removes only that report", async () => {
    const first = await submitReport(DISPUTE);
    const second = await submitReport(NEW_CLAIM);
    const third = await submitReport(DISPUTE);
    await deleteReport(second.id);
    expect(await storedReports()).toEqual([first, third]);
    await deleteReport(crypto.randomUUID());
    expect(await storedReports()).toEqual([first, third]);
  });

  it("stops the retries of a queued report", async () => {
    await setEndpoint(ENDPOINT);
    answer(503);
    const report = await submitReport(DISPUTE);
    await outboxIdle();
    await deleteReport(report.id);
    vi.setSystemTime(NOW + 60_000);
    await processOutbox();
    expect(fetchMock).toHaveBeenCalledOnce();
    expect(await getReports()).toEqual([]);
    expect(await alarmTime()).toBeUndefined();
  });
});

describe("watchReports", () => {
  it("reports the readable reports whenever the outbox changes, until unwatched", async () => {
    const callback = vi.fn();
    const unwatch = watchReports(callback);
    const report = await submitReport(DISPUTE);
    expect(callback).toHaveBeenLastCalledWith([report]);
    await storeRaw(["garbage", report]);
    expect(callback).toHaveBeenLastCalledWith([report]);
    unwatch();
    await deleteReport(report.id);
    expect(callback).toHaveBeenCalledTimes(2);
  });
});

describe("the endpoint", () => {
  it("is null by default", async () => {
    expect(await getEndpoint()).toBeNull();
  });

  it.each([
    "https://desk.example/reports",
    "https://desk.example:8443/api/v1/reports?source=extension",
    "http://127.0.0.1:8080/reports",
    "http://localhost/reports",
    "http://localhost:3000",
  ])("accepts %s", async (endpoint) => {
    await setEndpoint(endpoint);
    expect(await getEndpoint()).toBe(endpoint);
    expect(await rawEndpoint.getValue()).toBe(endpoint);
    expect(await fakeBrowser.storage.local.get()).toEqual({});
  });

  it.each([
    "http://example.com/reports",
    "http://192.168.1.10/reports",
    "ftp://desk.example/reports",
    "desk.example/reports",
    "javascript:alert(1)",
    "not a url",
    "https://reader:secret@desk.example/reports",
    "https://token@desk.example/reports",
    "https://desk.example/reports#inbox",
    "https://desk.example/reports#",
  ])("rejects %s and keeps the endpoint it had", async (endpoint) => {
    await setEndpoint(ENDPOINT);
    await expect(setEndpoint(endpoint)).rejects.toBeInstanceOf(z.ZodError);
    expect(await getEndpoint()).toBe(ENDPOINT);
  });

  it('is cleared by "" and by null', async () => {
    await setEndpoint(ENDPOINT);
    await setEndpoint("");
    expect(await getEndpoint()).toBeNull();
    await setEndpoint(ENDPOINT);
    await setEndpoint(null);
    expect(await getEndpoint()).toBeNull();
  });

  it("is reported to watchers when set or cleared (null when the stored value is invalid), until unwatched", async () => {
    const callback = vi.fn();
    const unwatch = watchEndpoint(callback);
    await setEndpoint(ENDPOINT);
    expect(callback).toHaveBeenLastCalledWith(ENDPOINT);
    await rawEndpoint.setValue("http://example.com/reports");
    expect(callback).toHaveBeenLastCalledWith(null);
    await setEndpoint("http://127.0.0.1:8080/reports");
    expect(callback).toHaveBeenLastCalledWith("http://127.0.0.1:8080/reports");
    await setEndpoint("");
    expect(callback).toHaveBeenLastCalledWith(null);
    expect(callback).toHaveBeenCalledTimes(4);
    unwatch();
    await setEndpoint(ENDPOINT);
    expect(callback).toHaveBeenCalledTimes(4);
  });

  it.each([["http://example.com/reports"], [42], [{ url: ENDPOINT }], ["garbage"]])(
    "is null when %j is stored, and nothing is sent to it",
    async (value) => {
      await rawEndpoint.setValue(value);
      expect(await getEndpoint()).toBeNull();
      const report = await submitReport(DISPUTE);
      expect(report.state).toBe("local");
      await outboxIdle();
      expect(fetchMock).not.toHaveBeenCalled();
    },
  );
});

describe("where a request goes, and what it carries", () => {
  beforeEach(async () => {
    await setEndpoint(ENDPOINT);
  });

  it("never follows a redirect, sends no credentials, cookies or referrer, and skips caches", async () => {
    answer(201);
    await submitReport(DISPUTE);
    await outboxIdle();
    expect(fetchMock).toHaveBeenCalledOnce();
    expect(fetchMock.mock.calls[0][1]).toMatchObject({
      method: "POST",
      redirect: "manual",
      credentials: "omit",
      referrerPolicy: "no-referrer",
      cache: "no-store",
    });
  });

  it.each([301, 302, 303, 307, 308])(
    "marks a report failed, with a clear message, when the desk answers %i",
    async (status) => {
      fetchMock.mockImplementation(
        async () => new Response(null, { status, headers: { Location: "https://elsewhere.example/" } }),
      );
      await submitReport(DISPUTE);
      await outboxIdle();
      expect(await onlyReport()).toMatchObject({ state: "failed", attempts: 1, lastError: REDIRECT_ERROR });
      expect(await onlyReport()).not.toHaveProperty("sentAt");
      expect(fetchMock).toHaveBeenCalledOnce();
    },
  );

  it("marks a report failed on the browser's opaque answer to a redirect it did not follow", async () => {
    const opaque = Object.defineProperties(new Response(null, { status: 200 }), {
      type: { value: "opaqueredirect" },
      status: { value: 0 },
      ok: { value: false },
    });
    fetchMock.mockResolvedValue(opaque);
    await submitReport(DISPUTE);
    await outboxIdle();
    expect(await onlyReport()).toMatchObject({ state: "failed", lastError: REDIRECT_ERROR });
  });

  it("reads at most a few KB of a failed answer, however long it is", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new TextEncoder().encode("x".repeat(1024)));
      },
    });
    fetchMock.mockResolvedValue(new Response(endless, { status: 422 }));
    await submitReport(DISPUTE);
    await outboxIdle();
    expect(await onlyReport()).toMatchObject({ state: "failed", lastError: expect.stringMatching(/^422: x+$/) });
    expect(pulled).toBeLessThanOrEqual(MAX_RESPONSE_BYTES / 1024 + 2);
  });
});

describe("readAtMost", () => {
  it("returns the whole of a short body and the first `limit` bytes of a long one", async () => {
    expect(await readAtMost(new Response("short"), 100)).toBe("short");
    expect(await readAtMost(new Response("0123456789"), 4)).toBe("0123");
    expect(await readAtMost(new Response(null), 4)).toBe("");
  });
});

describe("migrateLegacyStorage", () => {
  it("moves the reports and the endpoint an older version kept in storage.local, and removes them there", async () => {
    const kept = storedReport({ state: "local", nextAttemptAt: undefined });
    const corrupt = { id: "not-a-uuid", draft: "damaged" };
    await fakeBrowser.storage.local.set({
      reports: [kept, corrupt],
      reportEndpoint: ENDPOINT,
      settings: { enabled: false },
    });
    await migrateLegacyStorage();
    expect(await storedReports()).toEqual([kept, corrupt]);
    expect(await getEndpoint()).toBe(ENDPOINT);
    expect(await fakeBrowser.storage.local.get()).toEqual({ settings: { enabled: false } });
  });

  it("merges by id with what trusted storage holds, so a second run (or a crash between steps) loses and doubles nothing", async () => {
    const first = storedReport({ state: "local", nextAttemptAt: undefined });
    const second = { ...first, id: "9b2e6f0a-1c3d-4e5f-8a7b-6c5d4e3f2a10" };
    await storeRaw([first]);
    await fakeBrowser.storage.local.set({ reports: [first, second] });
    await migrateLegacyStorage();
    await migrateLegacyStorage();
    expect(await storedReports()).toEqual([first, second]);
  });

  it("keeps an endpoint already set in trusted storage, and ignores an invalid legacy one", async () => {
    await setEndpoint("https://new.example/reports");
    await fakeBrowser.storage.local.set({ reportEndpoint: ENDPOINT });
    await migrateLegacyStorage();
    expect(await getEndpoint()).toBe("https://new.example/reports");
    await setEndpoint(null);
    await fakeBrowser.storage.local.set({ reportEndpoint: "http://example.com/reports" });
    await migrateLegacyStorage();
    expect(await getEndpoint()).toBeNull();
  });

  it("does nothing when there is nothing to move", async () => {
    await migrateLegacyStorage();
    expect(await getReports()).toEqual([]);
  });
});

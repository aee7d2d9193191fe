/**
 * The report outbox, run by the background. Reports are the reader's own
 * words: each one is written to `storage.local` before anything else
 * happens, keeps its UUID as idempotency key, and leaves the outbox only
 * when the reader deletes it. With a report endpoint configured, queued
 * reports are POSTed as W3C Web Annotations and retried with exponential
 * backoff through the `alarms` API, which outlives service-worker and browser
 * restarts; a 2xx marks a report sent, a 4xx marks it failed with the
 * server's message. Without an endpoint nothing is sent at all.
 *
 * Every change goes through one queue (`serialized`), so an alarm and a
 * submission never send the same report twice at once.
 */
import { browser } from "wxt/browser";
import { toWebAnnotation } from "./export";
import { Report, ReportDraft, ReportEndpoint } from "./schema";
import { reportEndpointItem as endpointItem, reportsItem } from "./storage";

/** Name of the alarm that wakes the outbox. */
export const OUTBOX_ALARM = "report-outbox";

/** First retry delay; each further failure doubles it, up to `MAX_RETRY_DELAY_MS`. */
export const BASE_RETRY_DELAY_MS = 2_000;
/** Longest wait between two attempts. */
export const MAX_RETRY_DELAY_MS = 60 * 60_000;
/** An attempt that has not answered by then counts as a network failure. */
const REQUEST_TIMEOUT_MS = 20_000;
/** The server's message kept with a failed report, at most. */
const MAX_ERROR_LENGTH = 500;

let queue: Promise<unknown> = Promise.resolve();

/** Runs `task` after every earlier outbox task has finished. */
function serialized<T>(task: () => Promise<T>): Promise<T> {
  const result = queue.then(task);
  queue = result.catch(() => undefined);
  return result;
}

/** The stored entries, as a copy (the item's fallback array is shared: it must never be modified). */
async function readRaw(): Promise<unknown[]> {
  const value = await reportsItem.getValue();
  return Array.isArray(value) ? [...value] : [];
}

function parseReport(value: unknown): Report | null {
  const parsed = Report.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Every report that can be read, oldest first. */
export async function getReports(): Promise<Report[]> {
  return (await readRaw()).flatMap((value) => parseReport(value) ?? []);
}

/** Calls `callback` with the reports whenever the outbox changes. */
export function watchReports(callback: (reports: Report[]) => void): () => void {
  return reportsItem.watch((value) =>
    callback((Array.isArray(value) ? value : []).flatMap((entry) => parseReport(entry) ?? [])),
  );
}

/** The configured endpoint, or `null` (also when the stored value is not a valid endpoint). */
export async function getEndpoint(): Promise<string | null> {
  const parsed = ReportEndpoint.safeParse(await endpointItem.getValue());
  return parsed.success ? parsed.data : null;
}

/** Calls `callback` with the endpoint (or `null`) whenever it is set or cleared. */
export function watchEndpoint(callback: (endpoint: string | null) => void): () => void {
  return endpointItem.watch((value) => {
    const parsed = ReportEndpoint.safeParse(value);
    callback(parsed.success ? parsed.data : null);
  });
}

/**
 * Sets or clears (`null` or "") the endpoint; throws on an invalid address.
 * Reports kept on the device are not sent retroactively: the reader chooses
 * per report (retry) once an endpoint exists.
 */
export async function setEndpoint(value: string | null): Promise<void> {
  if (!value) await endpointItem.setValue(null);
  else await endpointItem.setValue(ReportEndpoint.parse(value));
}

/** Replaces the stored report with `report.id` (keeping every other entry as it is). */
async function saveReport(report: Report): Promise<void> {
  const raw = await readRaw();
  const index = raw.findIndex((entry) => (entry as { id?: unknown } | null)?.id === report.id);
  if (index === -1) raw.push(report);
  else raw[index] = report;
  await reportsItem.setValue(raw);
}

/**
 * Validates `draft` (throws with the zod issues when invalid, storing
 * nothing), stores it as a new report, and, when an endpoint is configured,
 * sends it at once. Resolves once it is stored, with its state then.
 */
export function submitReport(draft: unknown): Promise<Report> {
  const valid = ReportDraft.parse(draft);
  return serialized(async () => {
    const endpoint = await getEndpoint();
    const report: Report = {
      id: crypto.randomUUID(),
      createdAt: new Date().toISOString(),
      draft: valid,
      state: endpoint ? "queued" : "local",
      attempts: 0,
      ...(endpoint ? { nextAttemptAt: Date.now() } : {}),
    };
    await saveReport(report);
    // The alarm first: should the worker stop before the send below, the alarm wakes it again.
    if (report.state === "queued") await scheduleNextAttempt();
    return report;
  }).then((report) => {
    if (report.state === "queued") void processOutbox();
    return report;
  });
}

/** Queues a report again (after a failure, or once an endpoint exists) and tries it at once. */
export function retryReport(id: string): Promise<Report | null> {
  return serialized(async () => {
    const report = (await getReports()).find((candidate) => candidate.id === id);
    if (!report || report.state === "sent") return report ?? null;
    const endpoint = await getEndpoint();
    if (!endpoint) return report;
    const queued: Report = { ...report, state: "queued", nextAttemptAt: Date.now() };
    await saveReport(queued);
    return queued;
  }).then((report) => {
    if (report?.state === "queued") void processOutbox();
    return report;
  });
}

/** Deletes a report (the reader confirmed it in the popup). */
export function deleteReport(id: string): Promise<void> {
  return serialized(async () => {
    const raw = await readRaw();
    await reportsItem.setValue(raw.filter((entry) => (entry as { id?: unknown } | null)?.id !== id));
  });
}

/**
 * Sends every queued report that is due, one after another, then sets the
 * alarm for the next one due. Run on submission, on the alarm, and whenever
 * the background starts.
 */
export function processOutbox(now: () => number = Date.now): Promise<void> {
  return serialized(async () => {
    const endpoint = await getEndpoint();
    const due = (await getReports()).filter(
      (report) => report.state === "queued" && (report.nextAttemptAt ?? 0) <= now(),
    );
    // The endpoint was removed: queued reports wait until there is one again.
    if (endpoint && due.length > 0) {
      // A watchdog: should the worker stop in the middle of a send, this alarm wakes it to try again.
      await browser.alarms.create(OUTBOX_ALARM, { when: now() + REQUEST_TIMEOUT_MS + BASE_RETRY_DELAY_MS });
      for (const report of due) await saveReport(await attempt(report, endpoint, now));
    }
    await scheduleNextAttempt();
  });
}

/** One POST of `report`; the report as it stands afterwards. */
async function attempt(report: Report, endpoint: string, now: () => number): Promise<Report> {
  const attempts = report.attempts + 1;
  try {
    const response = await fetch(endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Idempotency-Key": report.id },
      body: JSON.stringify(toWebAnnotation(report)),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    if (response.ok) {
      return { ...withoutRetry(report), state: "sent", attempts, sentAt: new Date(now()).toISOString() };
    }
    const message = await serverMessage(response);
    // The server refused this report: retrying would not change its mind.
    if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
      return { ...withoutRetry(report), state: "failed", attempts, lastError: message };
    }
    return retryLater(report, attempts, message, now);
  } catch (error) {
    return retryLater(report, attempts, `network error: ${(error as Error).message}`, now);
  }
}

function withoutRetry(report: Report): Report {
  const { nextAttemptAt: _, lastError: __, ...rest } = report;
  return rest;
}

function retryLater(report: Report, attempts: number, error: string, now: () => number): Report {
  return { ...report, state: "queued", attempts, lastError: error, nextAttemptAt: now() + retryDelay(attempts) };
}

/** Exponential backoff: 2 s, 4 s, 8 s, … up to an hour. */
export function retryDelay(attempts: number): number {
  return Math.min(BASE_RETRY_DELAY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_DELAY_MS);
}

async function serverMessage(response: Response): Promise<string> {
  const text = (await response.text().catch(() => "")).trim();
  const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
  return (text ? `${status}: ${text}` : status).slice(0, MAX_ERROR_LENGTH);
}

/** Sets the outbox alarm for the earliest queued report, or clears it when none is queued. */
async function scheduleNextAttempt(): Promise<void> {
  const due = (await getReports())
    .filter((report) => report.state === "queued" && report.nextAttemptAt !== undefined)
    .map((report) => report.nextAttemptAt as number);
  if (due.length === 0) {
    await browser.alarms.clear(OUTBOX_ALARM);
    return;
  }
  await browser.alarms.create(OUTBOX_ALARM, { when: Math.max(Math.min(...due), Date.now() + 100) });
}

/**
 * The report outbox, run by the background: where reports are kept, the
 * queue, and the sending. Reports are the reader's own words: each one is
 * written to trusted storage (lib/trusted-storage.ts, out of content
 * scripts' reach) before anything else happens, keeps its UUID as
 * idempotency key, and leaves the outbox only when the reader deletes it.
 * With a report endpoint configured, queued reports are POSTed as W3C Web
 * Annotations and retried with exponential backoff through the `alarms` API,
 * which outlives service-worker and browser restarts; a 2xx marks a report
 * sent, a 4xx or a redirect marks it failed with a message. Without an
 * endpoint nothing is sent at all.
 *
 * A request goes only where the reader said: redirects are never followed,
 * no cookies or credentials go with it, no referrer, and at most a few KB of
 * the answer are read.
 *
 * Every change goes through one queue (`serialized`), so an alarm and a
 * submission never send the same report twice at once.
 */
import { browser } from "wxt/browser";
import { storage } from "wxt/utils/storage";
import { defineTrustedItem } from "../trusted-storage";
import { Report, ReportDraft, ReportEndpoint } from "./schema";
import { toWebAnnotation } from "./web-annotation";

/**
 * The outbox's entries, kept raw: one that no longer parses (a future
 * version's, or damaged) is never dropped when others change.
 */
const reportsItem = defineTrustedItem<unknown>("reports", []);

/** The fact-check desk's report endpoint, set on the options page; none by default. */
const endpointItem = defineTrustedItem<unknown>("reportEndpoint", null);

/** Where versions before trusted storage kept the reports and the endpoint (`storage.local`). */
const LEGACY_REPORTS_KEY = "local:reports";
const LEGACY_ENDPOINT_KEY = "local:reportEndpoint";

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
/** Bytes of an answer read, at most: enough for an error message, never a flood. */
export const MAX_RESPONSE_BYTES = 4096;

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
  const index = raw.findIndex((entry) => idOf(entry) === report.id);
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
    await reportsItem.setValue(raw.filter((entry) => idOf(entry) !== id));
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
      // A redirect is answered, never followed: the report goes only to the address the reader set.
      // ("manual" rather than "error": the answer says it was a redirect, so the reader can be told.)
      redirect: "manual",
      credentials: "omit",
      referrerPolicy: "no-referrer",
      cache: "no-store",
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    if (response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400)) {
      await response.body?.cancel().catch(() => undefined);
      return { ...withoutRetry(report), state: "failed", attempts, lastError: REDIRECT_ERROR };
    }
    if (response.ok) {
      await response.body?.cancel().catch(() => undefined);
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

/** What a report says after the endpoint answered with a redirect. */
export const REDIRECT_ERROR =
  "The endpoint answered with a redirect to another address. Reports are sent only to the address you set, so it was not sent: set the final address on the options page, then retry.";

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

/** The status and the start of the answer's text (at most `MAX_RESPONSE_BYTES` read), for the reader. */
async function serverMessage(response: Response): Promise<string> {
  const text = (await readAtMost(response, MAX_RESPONSE_BYTES).catch(() => "")).trim();
  const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
  return (text ? `${status}: ${text}` : status).slice(0, MAX_ERROR_LENGTH);
}

/** Reads at most `limit` bytes of the answer's body as text, then stops the download. */
export async function readAtMost(response: Response, limit: number): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    while (length < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value.subarray(0, limit - length));
      length += Math.min(value.length, limit - length);
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return new TextDecoder().decode(bytes);
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

/**
 * Moves the reports and the endpoint that earlier versions kept in
 * `storage.local` (which content scripts can read) into trusted storage,
 * then removes them there. Reports are merged by id, never lost: an entry
 * already moved is not moved twice, and one that cannot be read is kept as
 * it was. Run by the background whenever it starts, before the outbox.
 */
export function migrateLegacyStorage(): Promise<void> {
  return serialized(async () => {
    const legacy = await storage.getItems([LEGACY_REPORTS_KEY, LEGACY_ENDPOINT_KEY]);
    const [reports, endpoint] = [LEGACY_REPORTS_KEY, LEGACY_ENDPOINT_KEY].map(
      (key) => legacy.find((item) => item.key === key)?.value,
    );
    if (Array.isArray(reports) && reports.length > 0) {
      const current = await readRaw();
      const known = new Set(current.map(idOf));
      const moved = reports.filter((entry) => {
        const id = idOf(entry);
        return id === undefined || !known.has(id);
      });
      await reportsItem.setValue([...current, ...moved]);
    }
    if (typeof endpoint === "string" && (await endpointItem.getValue()) === null) {
      const parsed = ReportEndpoint.safeParse(endpoint);
      if (parsed.success) await endpointItem.setValue(parsed.data);
    }
    if (reports !== undefined || endpoint !== undefined) {
      await storage.removeItems([LEGACY_REPORTS_KEY, LEGACY_ENDPOINT_KEY]);
      await storage.removeMeta(LEGACY_REPORTS_KEY).catch(() => undefined);
      await storage.removeMeta(LEGACY_ENDPOINT_KEY).catch(() => undefined);
    }
  });
}

/** The id of a stored entry, when it has one. */
function idOf(entry: unknown): unknown {
  return (entry as { id?: unknown } | null)?.id;
}

/**
 * A fact-check desk for the outbox's end-to-end tests: a report endpoint
 * on the fixture server that answers CORS (preflight included) and records
 * every POST, and helpers to submit reports from an extension page and read
 * the outbox from the service worker.
 */
import type { IncomingMessage } from "node:http";
import type { Page } from "playwright-core";
import type { ExtensionBrowser, FixtureServer } from "./harness";

/** The CORS headers a report endpoint sends (README, "Reporting a claim"). */
export const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "POST",
  "Access-Control-Allow-Headers": "Content-Type, Idempotency-Key",
};

/** One POST the desk received. */
export interface DeskPost {
  /** The `Idempotency-Key` header ("" when missing). */
  key: string;
  contentType: string;
  /** The JSON body (or the raw text when it is not JSON). */
  body: unknown;
  /** What the desk answered. */
  status: number;
  /** When it arrived (ms since the epoch). */
  at: number;
  /** The request's headers, lower-case names (to check what was not sent: cookies, referrer). */
  headers: Record<string, string | string[] | undefined>;
}

/** What the desk answers to a POST: a status and a text body. */
export interface DeskAnswer {
  status: number;
  message?: string;
}

/** A report endpoint at `url`, and what it received. */
export interface ReportDesk {
  url: string;
  posts: DeskPost[];
  /** OPTIONS requests (preflights) received. */
  preflights: number;
  /** The idempotency keys of the POSTs answered with 2xx, in order (a key twice is a duplicate). */
  accepted(): string[];
  /** The POSTs of one report, by idempotency key. */
  postsOf(key: string): DeskPost[];
}

/**
 * The desk's usual behaviour: each report's first two POSTs fail with 503,
 * the third is accepted with 201 (a later one, a duplicate, would be too).
 */
export function failTwiceThenAccept(post: { key: string; previous: DeskPost[] }): DeskAnswer {
  return post.previous.length < 2 ? { status: 503, message: "desk busy" } : { status: 201 };
}

async function readBody(request: IncomingMessage): Promise<string> {
  let text = "";
  for await (const chunk of request) text += chunk;
  return text;
}

/**
 * Serves a report desk at `path` on `server` (replacing any earlier route
 * there). `answer` decides each POST's answer from its key and that key's
 * earlier POSTs.
 */
export function openReportDesk(
  server: FixtureServer,
  answer: (post: { key: string; previous: DeskPost[] }) => DeskAnswer = failTwiceThenAccept,
  path = "/reports",
): ReportDesk {
  const desk: ReportDesk = {
    url: server.url(path),
    posts: [],
    preflights: 0,
    accepted: () => desk.posts.filter((post) => post.status >= 200 && post.status < 300).map((post) => post.key),
    postsOf: (key) => desk.posts.filter((post) => post.key === key),
  };
  server.route(path, async (request, response) => {
    if (request.method === "OPTIONS") {
      desk.preflights += 1;
      response.writeHead(204, CORS_HEADERS).end();
      return;
    }
    if (request.method !== "POST") {
      response.writeHead(405, CORS_HEADERS).end();
      return;
    }
    const text = await readBody(request);
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Kept as text: the test sees what arrived.
    }
    const key = String(request.headers["idempotency-key"] ?? "");
    const { status, message } = answer({ key, previous: desk.postsOf(key) });
    desk.posts.push({
      key,
      contentType: String(request.headers["content-type"] ?? ""),
      body,
      status,
      at: Date.now(),
      headers: { ...request.headers },
    });
    response.writeHead(status, { ...CORS_HEADERS, "Content-Type": "text/plain; charset=utf-8" }).end(message ?? "");
  });
  return desk;
}

/** A report as the tests read it from storage. */
export interface StoredReport {
  id: string;
  state: "local" | "queued" | "sent" | "failed";
  attempts: number;
  lastError?: string;
  nextAttemptAt?: number;
  sentAt?: string;
}

/** Sets the report endpoint as the options page does (trusted storage key `reportEndpoint`); `null` removes it. */
export async function setEndpoint(browser: ExtensionBrowser, url: string | null): Promise<void> {
  await browser.setTrustedValue("reportEndpoint", url);
}

/** The outbox as stored (trusted storage key `reports`), `[]` when empty. */
export async function storedReports(browser: ExtensionBrowser): Promise<StoredReport[]> {
  return ((await browser.trustedValue("reports")) ?? []) as StoredReport[];
}

/** The stored report `id`, or `null`. */
export async function storedReport(browser: ExtensionBrowser, id: string): Promise<StoredReport | null> {
  return (await storedReports(browser)).find((report) => report.id === id) ?? null;
}

/** Empties the outbox and removes the endpoint (between tests; every report must have settled by then). */
export async function resetOutbox(browser: ExtensionBrowser): Promise<void> {
  await browser.setTrustedValue("reports", null);
  await browser.setTrustedValue("reportEndpoint", null);
}

/** An extension page (the popup's page, opened in a tab) to send messages to the background from. */
export async function openExtensionPage(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  return page;
}

/** Sends `message` to the background from the extension page `page`, as the popup and the report page do. */
export function sendFromPage(page: Page, message: unknown): Promise<unknown> {
  return page.evaluate(`chrome.runtime.sendMessage(${JSON.stringify(message)})`);
}

/** The background's answer to `submit-report`. */
export type Receipt = { ok: true; report: StoredReport } | { ok: false; errors: Record<string, string> };

/** Submits `draft` from the extension page `page`; the stored report (throws on a refusal). */
export async function submitReport(page: Page, draft: unknown): Promise<StoredReport> {
  const receipt = (await sendFromPage(page, { type: "submit-report", draft })) as Receipt | undefined;
  if (!receipt?.ok) throw new Error(`the background refused the report: ${JSON.stringify(receipt)}`);
  return receipt.report;
}

/** A valid dispute of a claim of the dataset. */
export const DISPUTE = {
  kind: "dispute",
  claimId: "friday",
  reason: "wrong-verdict",
  comment: "KCNA carried it on Saturday, Pyongyang time.",
  page: { title: "North Korea vows to bolster military might", url: "https://news.example/world/nk" },
} as const;

/** A valid new-claim report of a selected text, without the page's address. */
export const NEW_CLAIM = {
  kind: "new-claim",
  selector: { type: "TextQuoteSelector", exact: "three summits", prefix: "Trump and Kim held ", suffix: " since 2018" },
  reason: "other",
  comment: "Two summits and a meeting at the DMZ.",
  email: "reader@mail.example",
  page: { title: "Another outlet" },
} as const;

/**
 * The one protocol for asking the background about reports. Extension
 * pages (popup, report window) submit, retry and delete reports and capture
 * a tab's selection; the overlay in a page may only ask for the report
 * window to open on one of its claims, so nothing the reader types ever
 * passes through a page. Every request is validated where it is received
 * and its sender checked (lib/messaging.ts).
 */
import "../zod-jitless";
import { z } from "zod";
import { type MessageSender, senderContext } from "../messaging";
import { Slug } from "../schema";
import { deleteReport, retryReport, submitReport } from "./outbox";
import { openReportWindow } from "./report-window";
import type { ReportReceipt } from "./schema";
import { captureSelection } from "./selection";

/** Requests from the extension's own pages. */
const PageRequest = z.discriminatedUnion("type", [
  /** Answered with a `ReportReceipt`. The draft is validated by the outbox, which reports errors by field. */
  z.strictObject({ type: z.literal("submit-report"), draft: z.unknown() }),
  z.strictObject({ type: z.literal("retry-report"), id: z.uuid() }),
  z.strictObject({ type: z.literal("delete-report"), id: z.uuid() }),
  /** Answered with a `CapturedSelection`, or `null` when nothing is selected in that tab. */
  z.strictObject({ type: z.literal("capture-selection"), tabId: z.number().int().min(0) }),
]);

/**
 * The one request a content script may make: open the report window to
 * dispute a claim of the page it runs in (the page's title and address are
 * taken from the browser's record of the tab, not from the page).
 */
const ContentScriptRequest = z.strictObject({ type: z.literal("open-report"), claimId: Slug });

/** Every request of the protocol. */
export const ReportRequest = z.union([PageRequest, ContentScriptRequest]);
export type ReportRequest = z.infer<typeof ReportRequest>;

/** A request that passed its checks, with the tab it came from (content scripts). */
export type AcceptedReportRequest =
  | { request: z.infer<typeof PageRequest>; from: "page" }
  | { request: z.infer<typeof ContentScriptRequest>; from: "content-script"; tab: { title: string; url?: string } };

/**
 * Validates a request received by the background: pages may make every
 * page request, the extension's content scripts only `open-report`, from any
 * frame of a tab (the overlay runs in the frame that carries the article;
 * the request only opens the report window, where the reader types).
 * Returns `null` (the caller ignores it) otherwise.
 */
export function acceptReportRequest(raw: unknown, sender: MessageSender): AcceptedReportRequest | null {
  switch (senderContext(sender)) {
    case "page": {
      const parsed = PageRequest.safeParse(raw);
      return parsed.success ? { request: parsed.data, from: "page" } : null;
    }
    case "content-script": {
      const parsed = ContentScriptRequest.safeParse(raw);
      if (!parsed.success) return null;
      return {
        request: parsed.data,
        from: "content-script",
        tab: { title: sender.tab?.title ?? "", ...(sender.tab?.url ? { url: sender.tab.url } : {}) },
      };
    }
    default:
      return null;
  }
}

/** Stores `draft` as a report; the receipt carries the report, or the errors by field (nothing stored). */
export async function submitDraft(draft: unknown): Promise<ReportReceipt> {
  try {
    return { ok: true, report: await submitReport(draft) };
  } catch (error) {
    if (!(error instanceof z.ZodError)) throw error;
    const errors: Record<string, string> = {};
    for (const issue of error.issues) errors[issue.path.join(".") || "draft"] ??= issue.message;
    return { ok: false, errors };
  }
}

/** Answers an accepted request (in the background). */
export async function handleReportRequest(accepted: AcceptedReportRequest): Promise<unknown> {
  if (accepted.from === "content-script") {
    await openReportWindow({ kind: "dispute", claimId: accepted.request.claimId, page: accepted.tab });
    return null;
  }
  const { request } = accepted;
  switch (request.type) {
    case "submit-report":
      return submitDraft(request.draft);
    case "retry-report":
      return retryReport(request.id);
    case "delete-report":
      return deleteReport(request.id);
    case "capture-selection":
      return captureSelection(request.tabId);
  }
}

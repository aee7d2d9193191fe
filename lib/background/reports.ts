/**
 * The background's side of reporting: submissions from cards, the popup and
 * the report page (validated, answered with a receipt), retries, deletions,
 * and the context menu item that reports a selected text as a new claim.
 */
import { browser } from "wxt/browser";
import { z } from "zod";
import { deleteReport, retryReport, submitReport } from "../reports";
import type { PageMessage, ReportReceipt } from "../schema";
import { pendingSelectionItem } from "../storage";
import { captureSelection } from "./selection";

/** Id of the context menu item (its title is the accessible contract "Report claim for fact-checking"). */
export const REPORT_MENU_ITEM = "report-claim";

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

/** Answers a validated message from an extension page. */
export async function handlePageMessage(message: PageMessage): Promise<unknown> {
  switch (message.type) {
    case "submit-report":
      return submitDraft(message.draft);
    case "retry-report":
      return retryReport(message.id);
    case "delete-report":
      return deleteReport(message.id);
    case "capture-selection":
      return captureSelection(message.tabId);
  }
}

/** Adds the context menu item for selected text (on install and update; menus persist). */
export function createReportMenu(): void {
  browser.contextMenus.create({
    id: REPORT_MENU_ITEM,
    title: "Report claim for fact-checking",
    contexts: ["selection"],
  });
}

/**
 * The context menu item was chosen: capture the selection in the tab and
 * open the report page for it, in a small window of its own.
 */
export async function reportSelectionFromMenu(tabId: number | undefined): Promise<void> {
  if (tabId === undefined) return;
  const selection = await captureSelection(tabId);
  const id = crypto.randomUUID();
  if (selection) await pendingSelectionItem(id).setValue(selection);
  await browser.windows.create({
    url: `${browser.runtime.getURL("/")}report.html?selection=${id}&tabId=${tabId}`,
    type: "popup",
    width: 440,
    height: 680,
  });
}

/**
 * The report window: the extension page (`report.html?subject=<id>`) where
 * the reader writes a report, out of any web page's reach. The background
 * opens it for a dispute (the card's "Report a problem with this
 * annotation") or for a selected text (the context menu's "Report claim for
 * fact-checking"), after stashing what is reported in session storage
 * (trusted contexts only) under a one-time id that the window takes.
 */
import { browser } from "wxt/browser";
import { storage } from "wxt/utils/storage";
import { t } from "../i18n/translate";
import { ReportSubject } from "./schema";
import { captureSelection } from "./selection";

/** Id of the context menu item (its title is the accessible contract "Report claim for fact-checking"). */
export const REPORT_MENU_ITEM = "report-claim";

/** Size of the report window, in CSS pixels. */
const WINDOW_SIZE = { width: 460, height: 720 };

/** What the window with one-time id `id` reports (session storage: gone with the browser session). */
function subjectItem(id: string) {
  return storage.defineItem<unknown>(`session:report-subject:${id}`, { fallback: null });
}

/** The subject stashed under `id`, taken once; `null` if there is none (or it is corrupt). */
export async function takeReportSubject(id: string): Promise<ReportSubject | null> {
  const item = subjectItem(id);
  const parsed = ReportSubject.safeParse(await item.getValue());
  await item.removeValue();
  return parsed.success ? parsed.data : null;
}

/**
 * Stashes `subject` (when there is one) and opens the report window for it,
 * a small window of its own. Without a subject the window explains that
 * nothing was selected.
 */
export async function openReportWindow(subject: ReportSubject | null): Promise<void> {
  const id = crypto.randomUUID();
  if (subject) await subjectItem(id).setValue(ReportSubject.parse(subject));
  await browser.windows.create({
    url: browser.runtime.getURL(`/report.html?subject=${id}`),
    type: "popup",
    ...WINDOW_SIZE,
  });
}

/** Adds the context menu item for selected text (on install and update; menus persist), in the interface language installed. */
export function createReportMenu(): void {
  browser.contextMenus.create({
    id: REPORT_MENU_ITEM,
    title: t("contextMenuReport"),
    contexts: ["selection"],
  });
}

/**
 * The context menu item was chosen in frame `frameId` of tab `tabId`:
 * capture the selection there and open the report window for it.
 */
export async function reportSelectionFromMenu(tabId: number | undefined, frameId?: number): Promise<void> {
  if (tabId === undefined) return;
  const selection = await captureSelection(tabId, frameId);
  await openReportWindow(selection ? { kind: "new-claim", selection } : null);
}

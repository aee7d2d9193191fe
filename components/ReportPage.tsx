/**
 * The report page (`report.html?selection=<id>&tabId=<n>`), opened in a
 * small window by the context menu item "Report claim for fact-checking":
 * takes the selection the background captured and stashed under `<id>`,
 * and shows the new-claim report form for it, or explains that no text was
 * selected. Once the report is stored, the window can be closed.
 */
import { useEffect, useState } from "preact/hooks";
import { askBackground } from "../lib/messaging";
import type { CapturedSelection, ReportDraft } from "../lib/schema";
import { takePendingSelection } from "../lib/storage";
import { ReportForm } from "./ReportForm";

/** Props of {@link ReportPage}. */
export interface ReportPageProps {
  /** The page's query string (default: `location.search`), read for `?selection=<id>`. */
  search?: string;
  /** Closes the window (default: `window.close()`). */
  close?(): void;
}

/** Hands a report draft to the background; resolves with its receipt. */
const sendReport = (draft: ReportDraft) => askBackground({ type: "submit-report", draft });

/** The stashed selection named by `?selection=`, or `null` when there is none. */
async function selectionFrom(search: string): Promise<CapturedSelection | null> {
  const id = new URLSearchParams(search).get("selection");
  if (!id) return null;
  try {
    return await takePendingSelection(id);
  } catch {
    return null;
  }
}

/** Renders the page. */
export function ReportPage({ search = window.location.search, close = () => window.close() }: ReportPageProps) {
  const [selection, setSelection] = useState<CapturedSelection | null | undefined>(undefined);

  useEffect(() => {
    let live = true;
    selectionFrom(search).then((found) => live && setSelection(found));
    return () => {
      live = false;
    };
  }, [search]);

  return (
    <main class="fc-report-page">
      {selection === undefined ? (
        <p>Reading the selected text…</p>
      ) : selection === null ? (
        <div class="fc-report-page__none">
          <h1>Report a claim for fact-checking</h1>
          <p>
            No text was selected, so there is nothing to report. Select the text of the claim on the page, then choose
            “Report claim for fact-checking” from the menu of a right click on it.
          </p>
          <button type="button" class="fc-report__button" onClick={close}>
            Close window
          </button>
        </div>
      ) : (
        <ReportForm subject={{ kind: "new-claim", selection }} send={sendReport} onClose={close} headingLevel={1} />
      )}
    </main>
  );
}

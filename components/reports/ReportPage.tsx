/**
 * The report window (`report.html?subject=<id>`), opened by the background
 * for a dispute (the card's "Report a problem with this annotation") or a
 * selected text (the context menu's "Report claim for fact-checking"): takes
 * the subject the background stashed under `<id>` and shows the report form
 * for it, or explains that there is nothing to report. This is where the
 * reader types, in an extension page that no web page can read. Once the
 * report is stored, the window can be closed.
 */
import { useEffect, useState } from "preact/hooks";
import { t } from "../../lib/i18n/translate";
import { takeReportSubject } from "../../lib/reports/report-window";
import type { ReportSubject } from "../../lib/reports/schema";
import { ReportForm } from "./ReportForm";

/** Props of {@link ReportPage}. */
export interface ReportPageProps {
  /** The page's query string (default: `location.search`), read for `?subject=<id>`. */
  search?: string;
  /** Closes the window (default: `window.close()`). */
  close?(): void;
}

/** The stashed subject named by `?subject=`, or `null` when there is none. */
async function subjectFrom(search: string): Promise<ReportSubject | null> {
  const id = new URLSearchParams(search).get("subject");
  if (!id) return null;
  try {
    return await takeReportSubject(id);
  } catch {
    return null;
  }
}

/** Renders the page. */
export function ReportPage({ search = window.location.search, close = () => window.close() }: ReportPageProps) {
  const [subject, setSubject] = useState<ReportSubject | null | undefined>(undefined);

  useEffect(() => {
    let live = true;
    subjectFrom(search).then((found) => live && setSubject(found));
    return () => {
      live = false;
    };
  }, [search]);

  return (
    <main class="fc-report-page">
      {subject === undefined ? (
        <p>{t("readingSubject")}</p>
      ) : subject === null ? (
        <div class="fc-report-page__none">
          <h1>{t("reportClaimTitle")}</h1>
          <p>{t("nothingToReport")}</p>
          <button type="button" class="fc-button" onClick={close}>
            {t("closeWindow")}
          </button>
        </div>
      ) : (
        <ReportForm subject={subject} onClose={close} headingLevel={1} />
      )}
    </main>
  );
}

/**
 * "Your reports" in the popup: says plainly whether reports go anywhere (a
 * report endpoint is configured) or stay on this device, then lists every
 * report, newest first, with its state in words, what it is about and when
 * it was made; "Retry" (queued, failed or kept reports), "Delete" with an
 * inline confirmation, and "Export all (JSON)", a W3C Web Annotation
 * collection downloaded as a file. Follows the outbox live.
 */

import { useEffect, useId, useLayoutEffect, useRef, useState } from "preact/hooks";
import { browser } from "wxt/browser";
import { claimById } from "../../lib/dataset";
import { currentLocale, t, tParts, tPlural } from "../../lib/i18n/translate";
import { askBackground } from "../../lib/reports/client";
import { getEndpoint, getReports, watchEndpoint, watchReports } from "../../lib/reports/outbox";
import { Report } from "../../lib/reports/schema";
import { toAnnotationCollection } from "../../lib/reports/web-annotation";
import { failureText, reasonLabel } from "./ReportForm";

/** A report's state in words: "Kept on this device", "Queued, retrying", "Sent", "Failed: <server message>". */
export function reportStateText(report: Report): string {
  switch (report.state) {
    case "local":
      return t("stateLocal");
    case "queued":
      return t("stateQueued");
    case "sent":
      return t("stateSent");
    case "failed":
      return t("stateFailed", report.lastError ? failureText(report.lastError) : t("stateFailedDefault"));
  }
}

/** What a report is about: the disputed claim's quote, or the selected text of a new claim. */
export function reportSubject(report: Report): { label: string; quote: string } {
  const { draft } = report;
  if (draft.kind === "new-claim") return { label: t("newClaim"), quote: draft.selector.exact };
  return { label: t("disputeOf"), quote: claimById(draft.claimId)?.selector.exact ?? draft.claimId };
}

/** The export's file name, dated: `fact-check-reports-2020-06-12.json`. */
export function exportFileName(now = new Date()): string {
  return `fact-check-reports-${now.toISOString().slice(0, 10)}.json`;
}

/**
 * Downloads `reports` as one W3C AnnotationCollection (JSON-LD), through a
 * Blob URL and an `<a download>`, without any request.
 */
export function downloadReports(reports: readonly Report[], doc: Document = document): void {
  const json = JSON.stringify(toAnnotationCollection(reports), null, 2);
  const url = URL.createObjectURL(new Blob([json], { type: "application/ld+json" }));
  const link = doc.createElement("a");
  link.href = url;
  link.download = exportFileName();
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by then; free it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** When a report was made, in the interface language (medium date, short time, the reader's time zone). */
const formatMadeAt = (iso: string) =>
  new Intl.DateTimeFormat(currentLocale(), { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));

/** Longest comment shown in the list; the full one is in the export. */
const COMMENT_PREVIEW_LENGTH = 160;

/** Renders the section. */
export function ReportsList() {
  const [reports, setReports] = useState<Report[] | null>(null);
  const [endpoint, setEndpoint] = useState<string | null | undefined>(undefined);
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();

  useEffect(() => {
    let live = true;
    const unwatchReports = watchReports((next) => live && setReports(next));
    const unwatchEndpoint = watchEndpoint((next) => live && setEndpoint(next));
    getReports().then((current) => live && setReports((shown) => shown ?? current));
    getEndpoint().then((current) => live && setEndpoint((shown) => (shown === undefined ? current : shown)));
    return () => {
      live = false;
      unwatchReports();
      unwatchEndpoint();
    };
  }, []);

  const newestFirst = [...(reports ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const openOptions = (event: Event) => {
    event.preventDefault();
    void browser.runtime.openOptionsPage();
  };

  return (
    <section class="popup__section fc-reports" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {t("yourReports")}
      </h2>
      {endpoint !== undefined && (
        <p class={endpoint ? "fc-reports__endpoint" : "fc-reports__endpoint fc-reports__endpoint--none"}>
          {endpoint ? (
            <>{tParts("reportsSentTo", <span class="fc-reports__url">{endpoint}</span>)} </>
          ) : (
            <>{t("reportsKept")} </>
          )}
          <a href={browser.runtime.getURL("/options.html")} onClick={openOptions}>
            {endpoint ? t("changeEndpoint") : t("setEndpoint")}
          </a>
        </p>
      )}
      {reports === null ? (
        <p>{t("readingReports")}</p>
      ) : newestFirst.length === 0 ? (
        <p class="fc-reports__empty">{t("noReports")}</p>
      ) : (
        <>
          <ul class="fc-reports__list">
            {newestFirst.map((report) => (
              <ReportItem key={report.id} report={report} onDeleted={() => heading.current?.focus()} />
            ))}
          </ul>
          <button type="button" class="fc-button fc-reports__export" onClick={() => downloadReports(newestFirst)}>
            {t("exportAll")}
          </button>
        </>
      )}
    </section>
  );
}

/** One report of the list, with its actions. */
function ReportItem({ report, onDeleted }: { report: Report; onDeleted(): void }) {
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const noButton = useRef<HTMLButtonElement>(null);
  const { label, quote } = reportSubject(report);
  const { comment } = report.draft;

  useLayoutEffect(() => {
    if (confirming) noButton.current?.focus();
  }, [confirming]);

  const retry = async () => {
    if (busy) return;
    setBusy(true);
    setNote("");
    try {
      const parsed = Report.safeParse(await askBackground({ type: "retry-report", id: report.id }));
      const answer = parsed.success ? parsed.data : null;
      if (answer?.state === "local") setNote(t("retryLocal"));
      else if (answer?.state === "queued") setNote(t("retryQueued"));
    } catch {
      setNote(t("extensionDidNotAnswer"));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    try {
      await askBackground({ type: "delete-report", id: report.id });
      onDeleted();
    } catch {
      setConfirming(false);
      setNote(t("deleteFailed"));
    }
  };

  return (
    <li class={`fc-reports__item fc-reports__item--${report.state}`} data-report-id={report.id}>
      <p class="fc-reports__state">{reportStateText(report)}</p>
      {report.state === "queued" && report.lastError && (
        <p class="fc-reports__detail">{tPlural("attemptsSoFar", report.attempts, failureText(report.lastError))}</p>
      )}
      <p class="fc-reports__about">
        {label}: <q class="fc-reports__quote">{quote}</q>
      </p>
      <p class="fc-reports__meta">
        {reasonLabel(report.draft.reason)} · <time dateTime={report.createdAt}>{formatMadeAt(report.createdAt)}</time>
      </p>
      {comment && (
        <p class="fc-reports__comment">
          {comment.length > COMMENT_PREVIEW_LENGTH ? `${comment.slice(0, COMMENT_PREVIEW_LENGTH)}…` : comment}
        </p>
      )}
      {confirming ? (
        <fieldset class="fc-reports__confirm">
          <legend>{t("deleteConfirm")}</legend>
          <button type="button" class="fc-button fc-reports__yes" onClick={remove}>
            {t("yes")}
          </button>{" "}
          <button
            ref={noButton}
            type="button"
            class="fc-button"
            onClick={() => {
              setConfirming(false);
              requestAnimationFrame(() => deleteButton.current?.focus());
            }}
          >
            {t("no")}
          </button>
        </fieldset>
      ) : (
        <div class="fc-reports__actions">
          {report.state !== "sent" && (
            <button type="button" class="fc-button" aria-busy={busy} onClick={retry}>
              {t("retry")}
            </button>
          )}
          <button ref={deleteButton} type="button" class="fc-button" onClick={() => setConfirming(true)}>
            {t("delete")}
          </button>
        </div>
      )}
      <p class="fc-reports__note" aria-live="polite">
        {note}
      </p>
    </li>
  );
}

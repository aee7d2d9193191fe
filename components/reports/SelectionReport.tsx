/**
 * The popup's "Report selected text": asks the background to capture the
 * text selected in the tab (as a W3C TextQuoteSelector, with the page's
 * title and address) and shows the new-claim report form for it, or says
 * that nothing is selected. Works on any page, not only the article's.
 */
import { useRef, useState } from "preact/hooks";
import { t } from "../../lib/i18n/translate";
import { askBackground } from "../../lib/reports/client";
import { CapturedSelection } from "../../lib/reports/schema";
import { ReportForm } from "./ReportForm";

/** Props of {@link SelectionReport}. */
export interface SelectionReportProps {
  /** The tab whose selection is reported. */
  tabId: number;
}

/** Renders the button, then the form for the captured selection (or why there is none). */
export function SelectionReport({ tabId }: SelectionReportProps) {
  const [selection, setSelection] = useState<CapturedSelection | null>(null);
  const [note, setNote] = useState("");
  const [capturing, setCapturing] = useState(false);
  // A new capture replaces the form, even for the same text.
  const [generation, setGeneration] = useState(0);
  const button = useRef<HTMLButtonElement>(null);

  const capture = async () => {
    if (capturing) return;
    setCapturing(true);
    setNote("");
    try {
      const parsed = CapturedSelection.safeParse(await askBackground({ type: "capture-selection", tabId }));
      setSelection(parsed.success ? parsed.data : null);
      setGeneration((count) => count + 1);
      if (!parsed.success) setNote(t("selectFirst"));
    } catch {
      setSelection(null);
      setNote(t("selectionUnreadable"));
    } finally {
      setCapturing(false);
    }
  };

  return (
    <div class="fc-selection-report">
      <p class="fc-selection-report__hint">{t("selectionHint")}</p>
      <button
        ref={button}
        type="button"
        class="fc-button fc-selection-report__button"
        aria-expanded={selection !== null}
        onClick={capture}
      >
        {t("reportSelectedText")}
      </button>
      <p class="fc-selection-report__note" aria-live="polite">
        {note}
      </p>
      {selection && (
        <ReportForm
          key={generation}
          subject={{ kind: "new-claim", selection }}
          onClose={() => {
            setSelection(null);
            button.current?.focus();
          }}
          headingLevel={3}
        />
      )}
    </div>
  );
}

/**
 * The card that opens beside a claim in the page: the verdict, the claim as
 * quoted, the details (summary, the record with dates, later developments,
 * sources, how it was anchored), "Copy link to this claim" (the page's
 * address with a text fragment to the claim), "Copy ClaimReview" (the
 * review as schema.org JSON-LD), and "Report a problem with this
 * annotation", which opens the report form in the card. A labelled dialog;
 * Esc closes it (also from inside the form).
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { browser } from "wxt/browser";
import { dataset } from "../lib/dataset";
import { toClaimReview } from "../lib/dataset-export/claim-review";
import type { AnchoredClaim, Claim, ReportDraft } from "../lib/schema";
import { linkToClaim } from "../lib/text-fragment";
import { VERDICTS } from "../lib/verdicts";
import { ClaimDetails } from "./ClaimDetails";
import { CopyButton } from "./CopyButton";
import { ReportForm } from "./ReportForm";
import { VerdictChip } from "./VerdictChip";

/**
 * Hands a report to the background from the content script (which cannot
 * use `askBackground`: the background takes `submit-report` from this
 * extension's content scripts as a runtime message) and returns its receipt.
 */
function sendFromPage(draft: ReportDraft): Promise<unknown> {
  return browser.runtime.sendMessage({ type: "submit-report", draft });
}

/** The claim's review as ClaimReview JSON-LD, pointing into this page and published today. */
function claimReviewJson(claim: Claim, anchor: AnchoredClaim): string {
  const review = toClaimReview(claim, {
    article: dataset.article,
    datePublished: new Date().toISOString().slice(0, 10),
    pageUrl: location.href,
    textDirective: anchor.textDirective,
  });
  return JSON.stringify(review, null, 2);
}

/** Props of {@link ClaimCard}. */
export interface ClaimCardProps {
  claim: Claim;
  anchor: AnchoredClaim;
  /** Document coordinates of the card's top-left corner. */
  left: number;
  top: number;
  /** Move focus into the card when it opens (keyboard and click), not on hover. */
  takeFocus: boolean;
  onClose(): void;
  onHover(inside: boolean): void;
  /** The reader started a report: keep the card open even when the pointer leaves it. */
  onPin?(): void;
  /** Sends a report draft (default: a runtime message to the background). */
  sendReport?(draft: ReportDraft): Promise<unknown>;
}

/** The claim card, positioned in document coordinates. */
export function ClaimCard({
  claim,
  anchor,
  left,
  top,
  takeFocus,
  onClose,
  onHover,
  onPin,
  sendReport = sendFromPage,
}: ClaimCardProps) {
  const dialog = useRef<HTMLDivElement>(null);
  const reportButton = useRef<HTMLButtonElement>(null);
  const [reporting, setReporting] = useState(false);
  useEffect(() => {
    if (takeFocus) dialog.current?.focus();
  }, [takeFocus, claim.id]);

  const closeReport = () => {
    setReporting(false);
    // After the render that brings the button back.
    requestAnimationFrame(() => reportButton.current?.focus({ preventScroll: true }));
  };

  return (
    <div
      ref={dialog}
      class="fc-card"
      role="dialog"
      aria-label={`Fact-check: ${VERDICTS[claim.verdict].label}`}
      data-card-for={claim.id}
      tabIndex={-1}
      style={{ left: `${left}px`, top: `${top}px` }}
      onMouseEnter={() => onHover(true)}
      onMouseLeave={() => onHover(false)}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.stopPropagation();
          onClose();
        } else if (reporting) {
          // Typing a report: the page's own keyboard shortcuts must not act on it.
          event.stopPropagation();
        }
      }}
    >
      <div class="fc-card__header">
        <VerdictChip verdict={claim.verdict} />
        <button type="button" class="fc-card__close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <blockquote class="fc-card__quote">“{claim.selector.exact}”</blockquote>
      {reporting ? (
        <ReportForm
          subject={{ kind: "dispute", claim, page: { title: document.title, url: location.href } }}
          send={sendReport}
          onClose={closeReport}
          headingLevel={3}
        />
      ) : (
        <>
          <ClaimDetails claim={claim} anchor={anchor} headingLevel={3} />
          <div class="fc-card__actions">
            <CopyButton
              class="fc-card__copy"
              label="Copy link to this claim"
              text={() => linkToClaim(location.href, claim.selector, anchor.textDirective)}
            />
            <CopyButton class="fc-card__copy" label="Copy ClaimReview" text={() => claimReviewJson(claim, anchor)} />
          </div>
          <button
            ref={reportButton}
            type="button"
            class="fc-card__report"
            onClick={() => {
              onPin?.();
              setReporting(true);
            }}
          >
            Report a problem with this annotation
          </button>
        </>
      )}
    </div>
  );
}

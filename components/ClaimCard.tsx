/**
 * The card that opens beside a claim in the page: the verdict, the claim as
 * quoted, the details (summary, the record with dates, later developments,
 * sources, how it was anchored), "Copy link to this claim" (the page's
 * address with a text fragment to the claim), "Copy ClaimReview" (the
 * review as schema.org JSON-LD), and "Report a problem with this
 * annotation". The card is a viewer: it lives in the page, whose scripts can
 * read and drive it, so nothing is typed here. The report button only asks
 * the background to open the report window (an extension page); it and the
 * copy buttons act only on the reader's own click or key press
 * (`event.isTrusted`), never on one the page made up. A non-modal dialog
 * labelled by its heading, right after its marker in the reading order: Esc
 * closes it (focus goes back to the marker), and Tab past its last control
 * closes it as focus goes on to what follows the marker in the page.
 */
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { ClaimRecord } from "../lib/claim-record";
import { toClaimReview } from "../lib/dataset-export/claim-review";
import { t } from "../lib/i18n/translate";
import { askBackground } from "../lib/reports/client";
import type { AnchoredClaim, Article, Claim } from "../lib/schema";
import { linkToClaim } from "../lib/text-fragment";
import { verdictLabel } from "../lib/verdicts";
import { ClaimDetails } from "./ClaimDetails";
import { CopyButton } from "./CopyButton";
import { HowWeCheckButton } from "./HowWeCheckLink";
import { VerdictChip } from "./VerdictChip";
import { VerdictDates } from "./VerdictDates";

/** Asks the background to open the report window for a dispute of `claimId`. */
const openReportWindow = (claimId: string): Promise<unknown> => askBackground({ type: "open-report", claimId });

/** The claim's review as ClaimReview JSON-LD, pointing into this page and published today. */
function claimReviewJson(claim: Claim, article: Article, anchor: AnchoredClaim): string {
  const review = toClaimReview(claim, {
    article,
    datePublished: new Date().toISOString().slice(0, 10),
    pageUrl: location.href,
    textDirective: anchor.textDirective,
  });
  return JSON.stringify(review, null, 2);
}

/** Props of {@link ClaimCard}. */
export interface ClaimCardProps {
  /** The claim and what its review draws on (lib/claim-record.ts). */
  record: ClaimRecord;
  /** The article, for the claim's ClaimReview. */
  article: Article;
  anchor: AnchoredClaim;
  /** Document coordinates of the card's top-left corner. */
  left: number;
  top: number;
  /** Move focus into the card when it opens (keyboard and click), not on hover. */
  takeFocus: boolean;
  onClose(): void;
  /** Focus left the card for something other than its marker. */
  onLeave(): void;
  onHover(inside: boolean): void;
  /** The reader asked to report: keep the card open even when the pointer leaves it. */
  onPin?(): void;
  /** Opens the report window for the claim (default: asks the background). */
  openReport?(claimId: string): Promise<unknown>;
}

/** The claim card, positioned in document coordinates. */
export function ClaimCard({
  record,
  article,
  anchor,
  left,
  top,
  takeFocus,
  onClose,
  onLeave,
  onHover,
  onPin,
  openReport = openReportWindow,
}: ClaimCardProps) {
  const { claim } = record;
  const dialog = useRef<HTMLDivElement>(null);
  const [reportNote, setReportNote] = useState("");
  useLayoutEffect(() => {
    // In the top layer no ancestor's overflow, transform or z-index can clip or cover the card, and
    // its DOM place (the reading order after its marker) stays. Manual: no light dismiss.
    const card = dialog.current;
    if (card?.showPopover) {
      card.popover = "manual";
      card.showPopover();
    }
  }, []);
  useEffect(() => {
    if (takeFocus) dialog.current?.focus();
  }, [takeFocus, claim.id]);

  const report = async (event: MouseEvent) => {
    // A click the page's scripts dispatched is not the reader's: it opens nothing.
    if (!event.isTrusted) return;
    onPin?.();
    try {
      await openReport(claim.id);
      setReportNote(t("reportFormOpened"));
    } catch {
      setReportNote(t("reportFormNotOpened"));
    }
  };

  return (
    <div
      ref={dialog}
      class="fc-card"
      role="dialog"
      aria-modal="false"
      aria-labelledby="fc-card-title"
      data-card-for={claim.id}
      tabIndex={-1}
      style={{ left: `${left}px`, top: `${top}px` }}
      onToggle={(event) => {
        // The page's scripts can hide it (hidePopover): the card then counts as closed.
        if (event.isTrusted && event.newState === "closed" && dialog.current?.isConnected) onLeave();
      }}
      onMouseEnter={() => onHover(true)}
      onMouseLeave={() => onHover(false)}
      onFocusOut={(event) => {
        // Focus gone elsewhere in the page (not back to the marker, not nowhere): the reader moved on.
        const to = event.relatedTarget as Element | null;
        if (event.isTrusted && to && !dialog.current?.contains(to) && to.getAttribute("data-claim-id") !== claim.id)
          onLeave();
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape" && event.isTrusted) {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <h2 id="fc-card-title" class="fc-visually-hidden">
        {t("cardName", verdictLabel(claim.verdict))}
      </h2>
      <div class="fc-card__header">
        <VerdictChip verdict={claim.verdict} />
        <VerdictDates record={record} />
        <button type="button" class="fc-card__close" aria-label={t("close")} onClick={onClose}>
          ×
        </button>
      </div>
      <blockquote class="fc-card__quote">“{claim.selector.exact}”</blockquote>
      <ClaimDetails record={record} anchor={anchor} headingLevel={3} />
      <div class="fc-card__actions">
        <CopyButton
          class="fc-card__copy"
          label={t("copyLinkToClaim")}
          text={() => linkToClaim(location.href, claim.selector, anchor.textDirective)}
        />
        <CopyButton
          class="fc-card__copy"
          label={t("copyClaimReview")}
          text={() => claimReviewJson(claim, article, anchor)}
        />
      </div>
      <button type="button" class="fc-card__report" onClick={report}>
        {t("reportAnnotation")}
      </button>
      <p class="fc-card__note" role="status">
        {reportNote}
      </p>
      <HowWeCheckButton />
    </div>
  );
}

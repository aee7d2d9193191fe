/**
 * The card that opens beside a claim in the page: the verdict, the claim as
 * quoted, the details (summary, the record with dates, later developments,
 * sources, how it was anchored). A labelled dialog; Esc closes it.
 */
import { useEffect, useRef } from "preact/hooks";
import type { AnchoredClaim, Claim } from "../lib/schema";
import { VERDICTS } from "../lib/verdicts";
import { ClaimDetails } from "./ClaimDetails";
import { VerdictChip } from "./VerdictChip";

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
}

/** The claim card, positioned in document coordinates. */
export function ClaimCard({ claim, anchor, left, top, takeFocus, onClose, onHover }: ClaimCardProps) {
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (takeFocus) dialog.current?.focus();
  }, [takeFocus, claim.id]);

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
      <ClaimDetails claim={claim} anchor={anchor} headingLevel={3} />
    </div>
  );
}

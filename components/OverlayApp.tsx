/**
 * What the overlay shows in one of its hosts: a marker per claim and, when
 * one is open, its card right after it (next in the reading order: Tab from
 * the marker goes into the card, Tab past the card on to what follows). Stateless: the overlay
 * (lib/overlay/: the open card's state in card-state.ts, the rest in the
 * controller) renders this again when anything changes.
 */

import { Fragment } from "preact";
import { claimRecord } from "../lib/claim-record";
import { MARKER_SIZE, type MarkerPosition } from "../lib/overlay/marker-position";
import type { AnchoredClaim, Claim, Dataset } from "../lib/schema";
import { ClaimCard } from "./ClaimCard";
import { ClaimMarker } from "./ClaimMarker";

/** Width of a card, in CSS pixels (the stylesheet uses the same). */
export const CARD_WIDTH = 360;

/** One claim as the overlay shows it. */
export interface OverlayItem {
  claim: Claim;
  anchor: AnchoredClaim;
  /** Where its marker goes; `null` while the claim is not rendered (hidden by the page). */
  position: MarkerPosition | null;
}

/** Props of {@link OverlayApp}. */
export interface OverlayAppProps {
  items: readonly OverlayItem[];
  /** The dataset the cards draw on (the overlay's copy, from the background). */
  data: Pick<Dataset, "article" | "facts" | "sources" | "corrections">;
  /** The claim whose card is open, and whether the card takes focus. */
  open: { claimId: string; takeFocus: boolean } | null;
  /** The visible part of the document, horizontally: where cards must fit. */
  viewport: { left: number; width: number };
  onActivate(claimId: string): void;
  onHoverMarker(claimId: string | null): void;
  onHoverCard(inside: boolean): void;
  onClose(): void;
  /** Focus left the open card for the page: it closes, focus stays where the reader took it. */
  onLeaveCard(): void;
  /** The reader started a report in the open card: it stays open until closed. */
  onPinCard?(): void;
}

/** The markers and the open card. */
export function OverlayApp({
  items,
  data,
  open,
  viewport,
  onActivate,
  onHoverMarker,
  onHoverCard,
  onClose,
  onLeaveCard,
  onPinCard,
}: OverlayAppProps) {
  return (
    <>
      {items.map(({ claim, anchor, position }) => (
        <Fragment key={claim.id}>
          <ClaimMarker
            claim={claim}
            position={position}
            expanded={claim.id === open?.claimId}
            onActivate={onActivate}
            onHover={onHoverMarker}
          />
          {position && claim.id === open?.claimId ? (
            <ClaimCard
              record={claimRecord(data, claim)}
              article={data.article}
              anchor={anchor}
              left={cardLeft(position, viewport)}
              top={position.top + MARKER_SIZE + 6}
              takeFocus={open.takeFocus}
              onClose={onClose}
              onLeave={onLeaveCard}
              onHover={onHoverCard}
              onPin={onPinCard}
            />
          ) : null}
        </Fragment>
      ))}
    </>
  );
}

/** A card starts just left of its marker and stays within the viewport. */
export function cardLeft(position: MarkerPosition, viewport: { left: number; width: number }): number {
  const margin = 8;
  const preferred = position.left - 24;
  // As the stylesheet sizes it: narrower than CARD_WIDTH on a narrow (or zoomed) viewport.
  const width = Math.min(CARD_WIDTH, viewport.width - 2 * margin);
  const max = viewport.left + viewport.width - width - margin;
  return Math.max(viewport.left + margin, Math.min(preferred, max));
}

/**
 * The focusable marker at the end of a claim's last line (DOM contract:
 * `[data-claim-id]`, `data-verdict`, role button, an accessible name that
 * says the verdict). Highlights alone cannot take focus; this can.
 */

import { t } from "../lib/i18n/translate";
import type { MarkerPosition } from "../lib/overlay/marker-position";
import type { Claim } from "../lib/schema";
import { VERDICTS, verdictLabel } from "../lib/verdicts";

/** Props of {@link ClaimMarker}. */
export interface ClaimMarkerProps {
  claim: Claim;
  /**
   * Where it goes; `null` while the claim's text is not rendered (in a
   * collapsed part of the page): the marker is then kept, hidden, so that
   * every anchored claim keeps exactly one marker, and shows when the text does.
   */
  position: MarkerPosition | null;
  expanded: boolean;
  onActivate(claimId: string): void;
  onHover(claimId: string | null): void;
}

/**
 * A round button showing the verdict's icon, named "<Verdict> claim:
 * <summary>" (in the interface language): a 24 px target around a smaller visible disc (the overlay's
 * stylesheet), its box at `position`.
 */
export function ClaimMarker({ claim, position, expanded, onActivate, onHover }: ClaimMarkerProps) {
  const style = VERDICTS[claim.verdict];
  return (
    <button
      type="button"
      class="fc-marker"
      data-claim-id={claim.id}
      data-verdict={claim.verdict}
      aria-label={t("markerName", verdictLabel(claim.verdict), claim.summary)}
      aria-haspopup="dialog"
      aria-expanded={expanded}
      hidden={!position}
      style={{
        ...(position ? { left: `${position.left}px`, top: `${position.top}px` } : {}),
        color: style.color,
      }}
      onClick={() => onActivate(claim.id)}
      onMouseEnter={() => onHover(claim.id)}
      onMouseLeave={() => onHover(null)}
    >
      <span class="fc-marker__icon" aria-hidden="true">
        {style.icon}
      </span>
    </button>
  );
}

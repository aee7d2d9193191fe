/**
 * Which claim's card is open, and how: the cards' open, hover and pin state
 * machine, with no DOM. A card opened by the pointer resting on a claim
 * closes when the pointer leaves (after a grace time to reach the card); a
 * card opened by a click, Enter or a command is pinned and stays until
 * closed. The overlay renders again on every change and moves focus where
 * this says; the timers come from the caller (through `ctx` in the overlay,
 * so none fires after the script is gone).
 */

/** Pointer dwell on a marker or a claim's text before its card opens. */
export const HOVER_OPEN_MS = 250;
/** Grace time to move the pointer from the claim into its card before it closes. */
export const HOVER_CLOSE_MS = 350;

/** The open card: its claim, whether it takes focus, and whether the pointer opened it. */
export interface OpenCard {
  claimId: string;
  takeFocus: boolean;
  byHover: boolean;
}

/** Timers the state machine schedules hover opening and closing with. */
export interface CardTimers {
  setTimeout(handler: () => void, ms: number): number;
  clearTimeout(id: number | undefined): void;
}

/** What the overlay does when the state changes. */
export interface CardEffects {
  /** The open card changed: render again. */
  changed(): void;
  /** A card closed by the reader's key or button: focus goes back to its marker. */
  returnFocus(claimId: string): void;
}

/** The cards' state machine; see the module's comment. */
export class CardState {
  #open: OpenCard | null = null;
  #cardHovered = false;
  #timer: number | undefined;
  readonly #timers: CardTimers;
  readonly #effects: CardEffects;

  /** Starts with no card open. */
  constructor(timers: CardTimers, effects: CardEffects) {
    this.#timers = timers;
    this.#effects = effects;
  }

  /** The open card, or null. */
  get open(): OpenCard | null {
    return this.#open;
  }

  /** The claim whose card the pointer opened, or null (a pinned card is not "hovered open"). */
  get hoveredClaimId(): string | null {
    return this.#open?.byHover ? this.#open.claimId : null;
  }

  /** A marker was clicked or pressed: opens its card pinned and focused, or closes it when already pinned. */
  activate(claimId: string): void {
    this.#show(claimId, { takeFocus: true, byHover: false, toggle: true });
  }

  /** Opens a claim's card pinned, without moving focus into it (a click on the claim's text, a command). */
  pin(claimId: string): void {
    this.#show(claimId, { takeFocus: false, byHover: false });
  }

  /** The reader acted inside the open card (started a report): leaving it with the pointer no longer closes it. */
  pinOpen(): void {
    if (this.#open) this.#open = { ...this.#open, byHover: false };
    this.#timers.clearTimeout(this.#timer);
  }

  /** A click outside every claim and card: closes a pinned card (a hovered one closes by the pointer). */
  clickOutside(): void {
    if (this.#open && !this.#open.byHover) this.close(false);
  }

  /**
   * The pointer rests on a claim (marker or text), or on none: opens that
   * claim's card after {@link HOVER_OPEN_MS}, or closes a card the pointer
   * opened after {@link HOVER_CLOSE_MS} unless the pointer reached the card.
   * A pinned card is left alone.
   */
  hover(claimId: string | null): void {
    this.#timers.clearTimeout(this.#timer);
    if (claimId) {
      if (this.#open && !this.#open.byHover) return;
      this.#timer = this.#timers.setTimeout(
        () => this.#show(claimId, { takeFocus: false, byHover: true }),
        HOVER_OPEN_MS,
      );
    } else if (this.#open?.byHover) {
      this.#timer = this.#timers.setTimeout(() => {
        if (!this.#cardHovered) this.close(false);
      }, HOVER_CLOSE_MS);
    }
  }

  /** The pointer entered or left the open card. */
  hoverCard(inside: boolean): void {
    this.#cardHovered = inside;
    if (!inside) this.hover(null);
  }

  /** Closes the open card; `returnFocus` when the reader closed it by key or button. */
  close(returnFocus: boolean): void {
    if (!this.#open) return;
    const { claimId } = this.#open;
    this.#open = null;
    this.#cardHovered = false;
    this.#effects.changed();
    if (returnFocus) this.#effects.returnFocus(claimId);
  }

  /** Forgets a card whose claim is no longer shown (hidden by a switch, or gone); the caller renders. */
  retain(shown: (claimId: string) => boolean): void {
    if (this.#open && !shown(this.#open.claimId)) this.#open = null;
  }

  /** Forgets everything (the overlay is hidden); the caller renders. */
  reset(): void {
    this.#timers.clearTimeout(this.#timer);
    this.#open = null;
    this.#cardHovered = false;
  }

  #show(claimId: string, how: { takeFocus: boolean; byHover: boolean; toggle?: boolean }): void {
    this.#timers.clearTimeout(this.#timer);
    if (how.toggle && this.#open?.claimId === claimId && !this.#open.byHover) {
      this.close(true);
      return;
    }
    // Already open: the pointer resting on it again changes nothing.
    if (this.#open?.claimId === claimId && how.byHover) return;
    this.#open = { claimId, takeFocus: how.takeFocus, byHover: how.byHover };
    this.#effects.changed();
  }
}

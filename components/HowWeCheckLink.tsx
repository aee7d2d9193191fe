/**
 * The ways to the "How we check" page. The extension's own pages (popup,
 * options) link to it: an ordinary link to the extension page, opened in a
 * new tab. A card in a web page cannot: its link would need the page to be
 * web-accessible, and the web page's scripts could click it; so the card
 * has a button that asks the background to open it, and only on the
 * reader's own click (`event.isTrusted`).
 */
import { useState } from "preact/hooks";
import { browser } from "wxt/browser";
import { HOW_WE_CHECK_PAGE } from "../lib/background/open-pages";
import { t } from "../lib/i18n/translate";
import { sendToBackground } from "../lib/messaging";

/** Props of {@link HowWeCheckLink}. */
export interface HowWeCheckLinkProps {
  class?: string;
}

/** "How we check" as a link that opens the page in a new tab (for the extension's own pages only). */
export function HowWeCheckLink({ class: className }: HowWeCheckLinkProps) {
  return (
    <a
      class={className ? `fc-how-we-check-link ${className}` : "fc-how-we-check-link"}
      href={browser.runtime.getURL(HOW_WE_CHECK_PAGE)}
      target="_blank"
      rel="noopener noreferrer"
    >
      {t("howWeCheck")}
      <span class="fc-visually-hidden"> {t("opensInNewTab")}</span>
    </a>
  );
}

/** Asks the background to open the page; true once it did. */
const askToOpen = async (): Promise<boolean> => (await sendToBackground({ type: "open-how-we-check" })) === true;

/** Props of {@link HowWeCheckButton}. */
export interface HowWeCheckButtonProps {
  /** Opens the page (default: asks the background); resolves to whether it opened. */
  open?(): Promise<boolean>;
}

/** "How we check" in an in-page card: a trusted click asks the background to open the page in a new tab. */
export function HowWeCheckButton({ open = askToOpen }: HowWeCheckButtonProps) {
  const [note, setNote] = useState("");
  const onClick = async (event: MouseEvent) => {
    // A click the page's scripts dispatched is not the reader's: it opens nothing.
    if (!event.isTrusted) return;
    const opened = await open().catch(() => false);
    setNote(opened ? "" : t("howWeCheckNotOpened"));
  };
  return (
    <div class="fc-card__method">
      <button type="button" class="fc-card__method-button" onClick={onClick}>
        {t("howWeCheck")}
        <span class="fc-visually-hidden"> {t("opensInNewTab")}</span>
      </button>
      <p class="fc-card__note" role="status">
        {note}
      </p>
    </div>
  );
}

/**
 * A button that copies text to the clipboard and says so ("Copied", or
 * "Could not copy"), visibly and to screen readers. In a page's overlay it
 * acts only on a trusted event: the page's own scripts can dispatch clicks
 * into our open shadow root, and must not make us write to the reader's
 * clipboard.
 */
import { useEffect, useState } from "preact/hooks";
import { t } from "../lib/i18n/translate";

/** How long the feedback stays before the button reads as before. */
export const FEEDBACK_MS = 2000;

/** Props of {@link CopyButton}. */
export interface CopyButtonProps {
  /** The button's text (its accessible name). */
  label: string;
  /** The text to copy, computed on click (the page may have changed since the render). */
  text(): string;
  class?: string;
  /** Ignore clicks the browser did not see the reader make (default true; the popup's page has no page scripts). */
  trustedOnly?: boolean;
  /** Writes to the clipboard (default `navigator.clipboard.writeText`). */
  copy?(text: string): Promise<void>;
}

/** Writes `text` with the asynchronous clipboard API (a secure context and a user gesture are needed). */
function writeClipboard(text: string): Promise<void> {
  if (!navigator.clipboard?.writeText) return Promise.reject(new Error("no clipboard on this page"));
  return navigator.clipboard.writeText(text);
}

/** The copy button. */
export function CopyButton({
  label,
  text,
  class: className,
  trustedOnly = true,
  copy = writeClipboard,
}: CopyButtonProps) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [state]);

  const onClick = async (event: MouseEvent) => {
    if (trustedOnly && !event.isTrusted) return;
    try {
      await copy(text());
      setState("copied");
    } catch {
      setState("failed");
    }
  };

  return (
    <>
      <button type="button" class={className} data-copy-state={state} onClick={onClick}>
        {state === "copied" ? t("copied") : state === "failed" ? t("copyFailed") : label}
      </button>
      <span class="fc-visually-hidden" aria-live="polite">
        {state === "copied" ? t("copiedNamed", label) : state === "failed" ? t("copyFailedNamed", label) : ""}
      </span>
    </>
  );
}

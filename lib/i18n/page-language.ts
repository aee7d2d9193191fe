/**
 * An extension page in the reader's language: installs the language the
 * reader chose (or the browser's) before the first render, and renders the
 * page again when the choice changes in any context (the options page,
 * another window).
 */
import { type ComponentChildren, render } from "preact";
import { getSettings, watchSettings } from "../storage";
import { installLanguage } from "./tables";
import { type MessageKey, t } from "./translate";

/**
 * Renders `app()` into `root` in the interface language, the document's
 * title being the message `titleKey`; follows changes of the choice until
 * the returned function is called.
 */
export async function renderInLanguage(
  root: HTMLElement,
  app: () => ComponentChildren,
  titleKey: MessageKey,
): Promise<() => void> {
  let shown: string | undefined;
  const show = (choice: Parameters<typeof installLanguage>[0]) => {
    const locale = installLanguage(choice);
    if (locale === shown) return;
    shown = locale;
    document.title = t(titleKey);
    // Rendered again from the root, every component reads its words again, keeping its state and
    // the reader's focus (the language's radio button they just chose).
    render(app(), root);
  };
  const unwatch = watchSettings((settings) => show(settings.language));
  show((await getSettings()).language);
  return unwatch;
}

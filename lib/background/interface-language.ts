/**
 * The interface language in the background: the words of its own texts
 * (the context menu, the badge's tooltip), and what it hands the overlay,
 * which carries neither message tables nor the dataset: the chosen
 * language's table and the dataset's texts in that language. Follows the
 * reader's choice in the options as it changes.
 */
import { browser } from "wxt/browser";
import { dataset } from "../dataset";
import { localizeDataset } from "../i18n/localize-dataset";
import { browserLanguages, type InterfaceLocale, installLanguage, messagesFor, resolveLocale } from "../i18n/tables";
import { t } from "../i18n/translate";
import { REPORT_MENU_ITEM } from "../reports/report-window";
import type { Dataset, InterfaceMessages } from "../schema";
import { getSettings, watchSettings } from "../storage";

/** The interface language now: the reader's choice, or the browser's language (one read of the settings). */
export async function interfaceLocale(): Promise<InterfaceLocale> {
  return resolveLocale((await getSettings()).language, browserLanguages());
}

/** The interface's words in `locale`, for an overlay that starts (`get-cards`). */
export function answerMessages(locale: InterfaceLocale): InterfaceMessages {
  return {
    locale,
    messages: Object.entries(messagesFor(locale)).map(([key, message]) => ({ key, message })),
  };
}

/** The dataset, its texts in `locale`, for an overlay that starts (`get-cards`). */
export function answerDataset(locale: InterfaceLocale): Dataset {
  return localizeDataset(dataset, locale);
}

/**
 * Installs the interface language in the background now and whenever the
 * reader changes it (for as long as the worker runs), renaming the context
 * menu item to match; resolves once the first language is installed.
 */
export function followInterfaceLanguage(): Promise<void> {
  let language: string | undefined;
  const apply = (choice: Parameters<typeof installLanguage>[0]) => {
    if (choice === language) return;
    language = choice;
    installLanguage(choice);
    // The item may not exist yet (created on install): nothing to rename then. Some implementations throw
    // rather than reject: called inside an async function, either way ends in the catch.
    void (async () => browser.contextMenus.update(REPORT_MENU_ITEM, { title: t("contextMenuReport") }))().catch(
      () => undefined,
    );
  };
  watchSettings((settings) => apply(settings.language));
  return getSettings().then((settings) => apply(settings.language));
}

/**
 * The bundled message tables and the choice between them, for the contexts
 * that may carry both (the background and the extension's pages; the
 * overlay gets its table from the background). The interface follows the
 * browser's language unless the reader chose one in the options.
 */
import { browser } from "wxt/browser";
import en from "../../public/_locales/en/messages.json";
import ko from "../../public/_locales/ko/messages.json";
import type { Language } from "../protocol-schema";
import { type CompiledMessages, compileMessages, installLocale, type LocaleMessage } from "./translate";

/** The languages of the interface, as BCP 47 tags; the first is the default. */
export const INTERFACE_LOCALES = ["en", "ko"] as const;
/** One of {@link INTERFACE_LOCALES}. */
export type InterfaceLocale = (typeof INTERFACE_LOCALES)[number];

const FILES: Record<InterfaceLocale, Record<string, LocaleMessage>> = { en, ko };
const compiled = new Map<InterfaceLocale, CompiledMessages>();

/** The message table of `locale`, compiled once. */
export function messagesFor(locale: InterfaceLocale): CompiledMessages {
  let table = compiled.get(locale);
  if (!table) {
    table = compileMessages(FILES[locale]);
    compiled.set(locale, table);
  }
  return table;
}

/**
 * The interface language for the reader's `choice`: the chosen one, or, for
 * "auto", the first of the browser's languages (`browserLanguages`, most
 * preferred first) that the interface has, English when none.
 */
export function resolveLocale(choice: Language, browserLanguages: readonly string[]): InterfaceLocale {
  if (choice !== "auto") return choice;
  for (const tag of browserLanguages) {
    const language = tag.split(/[-_]/)[0].toLowerCase();
    const found = INTERFACE_LOCALES.find((locale) => locale === language);
    if (found) return found;
  }
  return INTERFACE_LOCALES[0];
}

/** The browser's interface language (the one `_locales` are chosen by), then the page's preferences. */
export function browserLanguages(): string[] {
  const languages: string[] = [];
  try {
    languages.push(browser.i18n.getUILanguage());
  } catch {
    // No i18n API here (a test page): the page's languages decide.
  }
  if (typeof navigator !== "undefined") languages.push(...(navigator.languages ?? [navigator.language]));
  return languages.filter(Boolean);
}

/** Installs, in this context, the interface language for the reader's `choice`; returns it. */
export function installLanguage(choice: Language): InterfaceLocale {
  const locale = resolveLocale(choice, browserLanguages());
  installLocale(locale, messagesFor(locale));
  if (typeof document !== "undefined") document.documentElement.lang = locale;
  return locale;
}

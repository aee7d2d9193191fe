/**
 * The interface's words in the reader's language: one lookup for every
 * context. `browser.i18n.getMessage` always answers in the browser's
 * language and cannot honour the reader's choice in the options, so each
 * context installs a message table itself: the extension's pages and the
 * background pick one of the bundled tables (tables.ts), the overlay gets the
 * chosen one from the background (it bundles none, to stay small). The
 * tables are the extension's own `_locales/<lang>/messages.json`, so the
 * browser reads the same words for the manifest.
 */
import type enMessages from "../../public/_locales/en/messages.json";

/** The key of a message, as in `_locales/en/messages.json`. */
export type MessageKey = keyof typeof enMessages;

/** A message of a `messages.json` file: named placeholders (`$COUNT$`) stand for positional ones (`$1`). */
export interface LocaleMessage {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

/**
 * A message table ready for lookup: each message with its named
 * placeholders already turned into the positional `$1`…`$9` they stand for.
 * What the background hands the overlay.
 */
export type CompiledMessages = Record<string, string>;

/** Turns a `messages.json` table into a {@link CompiledMessages} table. */
export function compileMessages(file: Record<string, LocaleMessage>): CompiledMessages {
  const compiled: CompiledMessages = {};
  for (const [key, { message, placeholders = {} }] of Object.entries(file)) {
    const named = new Map(Object.entries(placeholders).map(([name, { content }]) => [name.toLowerCase(), content]));
    compiled[key] = message.replace(
      /\$([A-Za-z0-9_@]+)\$/g,
      (whole, name: string) => named.get(name.toLowerCase()) ?? whole,
    );
  }
  return compiled;
}

let messages: CompiledMessages = {};
let locale = "en";

/** Makes `table` (in the language `tag`, a BCP 47 tag) the words of this context. */
export function installLocale(tag: string, table: CompiledMessages): void {
  locale = tag;
  messages = table;
}

/** The BCP 47 tag of the language installed in this context ("en" until one is). */
export function currentLocale(): string {
  return locale;
}

/**
 * The message `key` with `$1`…`$9` replaced by `values` (`$$` is a dollar
 * sign); the key itself when the table lacks it, so that a missing word shows
 * as its name and never as an empty control.
 */
export function t(key: MessageKey, ...values: (string | number)[]): string {
  const message = messages[key];
  if (message === undefined) return key;
  return message.replace(/\$(\$|[1-9])/g, (_, index: string) =>
    index === "$" ? "$" : String(values[Number(index) - 1] ?? ""),
  );
}

/**
 * A message that varies with a count: `<key>_<plural category>` chosen by
 * `Intl.PluralRules` in the installed language ("one", "other"…, falling
 * back to `<key>_other`), with the count, formatted, as `$1`.
 */
export function tPlural(key: string, count: number, ...values: (string | number)[]): string {
  const category = new Intl.PluralRules(locale).select(count);
  const chosen = `${key}_${category}` in messages ? `${key}_${category}` : `${key}_other`;
  return t(chosen as MessageKey, new Intl.NumberFormat(locale).format(count), ...values);
}

/**
 * The message `key` split around its `$1`…`$9`, with `values` in their
 * places: for words around an element (a `<time>`, a link), in the order the
 * language puts them.
 */
export function tParts<T>(key: MessageKey, ...values: (T | string | number)[]): (T | string | number)[] {
  return (messages[key] ?? key)
    .replace(/\$\$/g, "$")
    .split(/(\$[1-9])/)
    .map((piece) => (/^\$[1-9]$/.test(piece) ? values[Number(piece[1]) - 1] : piece))
    .filter((piece) => piece !== "" && piece !== undefined);
}

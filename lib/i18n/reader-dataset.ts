/**
 * The bundled dataset as the extension's pages show it: its texts in the
 * interface language installed in the page (translate.ts).
 */
import { dataset } from "../dataset";
import type { Dataset } from "../schema";
import { localizeDataset } from "./localize-dataset";
import { currentLocale } from "./translate";

let cached: { locale: string; data: Dataset } | undefined;

/** The dataset with its texts in the installed interface language, built once per language. */
export function readerDataset(): Dataset {
  const locale = currentLocale();
  if (cached?.locale !== locale) cached = { locale, data: localizeDataset(dataset, locale) };
  return cached.data;
}

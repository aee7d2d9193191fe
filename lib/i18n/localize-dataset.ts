/**
 * The dataset's texts in the reader's language: the claims' summaries,
 * explanations and later developments, the facts and the corrections. The
 * claims' quotes stay as the article has them, since they are what is found
 * on the page.
 */
import type { Dataset } from "../schema";

/**
 * The dataset with its texts in the language of `locale` (a BCP 47 tag),
 * where the dataset has them; the dataset as it is otherwise. For now every
 * text is in English, so every locale gets the dataset unchanged.
 */
export function localizeDataset(dataset: Dataset, locale: string): Dataset {
  void locale;
  return dataset;
}

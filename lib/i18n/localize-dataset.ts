/**
 * The dataset in the reader's language: English as written in `data/`, or
 * with its reader-facing texts in Korean (`data/ko.json`). Imported by the
 * background and the extension's pages only: the overlay gets the dataset
 * the background localized, so the Korean texts never weigh on a content
 * script.
 */
import korean from "../../data/ko.json";
import type { Dataset } from "../schema";
import { correctionKeys } from "./correction-key";
import type { DatasetTranslation } from "./dataset-translation";

/**
 * The Korean texts of the bundled dataset. JSON imports are typed loosely:
 * the cast stands on the build's check of the file against the dataset
 * (`parseTranslation` in validate-dataset.ts) and on the test that parsing
 * it changes nothing.
 */
export const KOREAN_DATASET_TEXTS = korean as DatasetTranslation;

/** The language subtag of a BCP 47 tag, lower case (`ko` for `ko-KR`; `ko_KR`, as some APIs write it, too). */
function languageOf(locale: string): string {
  return locale.split(/[-_]/, 1)[0].toLowerCase();
}

/**
 * `dataset` with the texts a reader reads taken from `translation` (the
 * article's description; each claim's summary, explanation and later
 * developments; each fact's label and text; each correction's summary),
 * matched by id, and for corrections by date and place. A text the
 * translation lacks stays in English; everything else (quotes, ids, dates,
 * verdicts, sources, references) is unchanged. `dataset` is not modified.
 */
export function translateDataset(dataset: Dataset, translation: DatasetTranslation): Dataset {
  const keys = correctionKeys(dataset.corrections);
  return {
    ...dataset,
    article: { ...dataset.article, description: translation.article.description },
    claims: dataset.claims.map((claim) => {
      const texts = translation.claims[claim.id];
      if (!texts) return claim;
      return {
        ...claim,
        summary: texts.summary,
        explanation: texts.explanation,
        laterDevelopments: claim.laterDevelopments.map((later, index) => ({
          ...later,
          text: texts.laterDevelopments[index] ?? later.text,
        })),
      };
    }),
    facts: dataset.facts.map((fact) => {
      const texts = translation.facts[fact.id];
      return texts ? { ...fact, label: texts.label ?? fact.label, text: texts.text } : fact;
    }),
    corrections: dataset.corrections.map((correction, index) => {
      const texts = translation.corrections[keys[index]];
      return texts ? { ...correction, summary: texts.summary } : correction;
    }),
  };
}

/**
 * `dataset` for a reader whose language is `locale` (a BCP 47 tag such as
 * `ko`, `ko-KR` or `en-US`): its reader-facing texts in Korean when the
 * tag's language is Korean, otherwise `dataset` itself, unchanged. Quotes
 * stay as the article has them; ids, dates, verdicts and sources never
 * change. Pure: `dataset` is not modified.
 */
export function localizeDataset(dataset: Dataset, locale: string): Dataset {
  return languageOf(locale) === "ko" ? translateDataset(dataset, KOREAN_DATASET_TEXTS) : dataset;
}

/**
 * The shape of a translation of the dataset's reader-facing texts
 * (`data/ko.json`), and its check against the English dataset: every text a
 * reader reads has its translation, no translation names a claim, fact or
 * correction the dataset lacks, and a claim has as many translated later
 * developments as it has later developments. What is not read as prose stays
 * in the English dataset alone: ids, dates, verdicts, quotes and sources.
 *
 * Written with `zod/mini`, like the dataset's schema; only the build, the
 * tests and the dataset command load it, never the extension.
 */
import "../zod-jitless";
import * as z from "zod/mini";
import { type Dataset, Slug } from "../schema";
import { correctionKeys } from "./correction-key";

/** A translated text: non-empty, and in Hangul (an English text copied over is not a translation). */
const KoreanText = z
  .string()
  .check(z.trim(), z.minLength(1), z.regex(/[\uAC00-\uD7A3]/, "must be written in Korean (no Hangul found)"));

/** A translated text of at most `length` characters, the limit of the English it translates. */
const ShortKoreanText = (length: number) => KoreanText.check(z.maxLength(length));

/** The key of a correction, which has no id (see correction-key.ts). */
const CorrectionKey = z
  .string()
  .check(z.regex(/^\d{4}-\d{2}(-\d{2})?#[1-9]\d*$/, "must be the correction's date and number, e.g. 2026-12-01#1"));

/** The translated texts of a claim: its later developments' texts in the claim's order. */
const ClaimTexts = z.strictObject({
  summary: ShortKoreanText(140),
  explanation: KoreanText,
  laterDevelopments: z.array(KoreanText),
});

/** The translated texts of a fact; the label is there when the English fact has one. */
const FactTexts = z.strictObject({
  label: z.optional(ShortKoreanText(60)),
  text: KoreanText,
});

/** A translation of the dataset's reader-facing texts, by claim id, fact id and correction key. */
export const DatasetTranslation = z.strictObject({
  article: z.strictObject({ description: KoreanText }),
  claims: z.record(Slug, ClaimTexts),
  facts: z.record(Slug, FactTexts),
  corrections: z.record(CorrectionKey, z.strictObject({ summary: KoreanText })),
});
export type DatasetTranslation = z.infer<typeof DatasetTranslation>;

/**
 * The schema of a complete translation of `dataset`: the shape of
 * `DatasetTranslation`, and for each claim, fact and correction of the
 * dataset a translation of each of its texts, nothing for ids the dataset
 * lacks, and one later-development text per later development.
 */
export function translationSchemaFor(dataset: Dataset) {
  return DatasetTranslation.check(
    z.superRefine((translation, ctx) => {
      const expectKeys = (collection: "claims" | "facts" | "corrections", known: string[], noun: string) => {
        const translated = translation[collection];
        for (const key of known)
          if (!Object.hasOwn(translated, key))
            ctx.addIssue({ code: "custom", message: `no translation of ${noun} "${key}"`, path: [collection, key] });
        const knownKeys = new Set(known);
        for (const key of Object.keys(translated))
          if (!knownKeys.has(key))
            ctx.addIssue({ code: "custom", message: `unknown ${noun} "${key}"`, path: [collection, key] });
      };
      expectKeys(
        "claims",
        dataset.claims.map((claim) => claim.id),
        "claim",
      );
      expectKeys(
        "facts",
        dataset.facts.map((fact) => fact.id),
        "fact",
      );
      expectKeys("corrections", correctionKeys(dataset.corrections), "correction");

      for (const claim of dataset.claims) {
        const texts = translation.claims[claim.id];
        if (texts && texts.laterDevelopments.length !== claim.laterDevelopments.length)
          ctx.addIssue({
            code: "custom",
            message: `has ${texts.laterDevelopments.length} texts for the claim's ${claim.laterDevelopments.length} later developments`,
            path: ["claims", claim.id, "laterDevelopments"],
          });
      }
      for (const fact of dataset.facts) {
        const texts = translation.facts[fact.id];
        if (!texts) continue;
        if (fact.label !== undefined && texts.label === undefined)
          ctx.addIssue({ code: "custom", message: "no translation of the label", path: ["facts", fact.id, "label"] });
        if (fact.label === undefined && texts.label !== undefined)
          ctx.addIssue({ code: "custom", message: "the fact has no label", path: ["facts", fact.id, "label"] });
      }
    }),
  );
}

/**
 * Validating dataset input against the schema, with errors that name the
 * file and the zod path of every bad field: what the build hook, the tests
 * and the dataset commands use. The extension itself ships the data the
 * build validated (`dataset.ts`), without validating it again.
 */
import * as z from "zod/mini";
import { type DatasetTranslation, translationSchemaFor } from "./i18n/dataset-translation";
import { Dataset } from "./schema";

// The schemas are written with zod/mini, which has no messages of its own: these errors are read by people.
z.config(z.locales.en());

/** The dataset files, by the top-level key they provide. */
export const DATASET_FILES = {
  meta: "data/meta.json",
  article: "data/article.json",
  claims: "data/claims.json",
  facts: "data/facts.json",
  sources: "data/sources.json",
  corrections: "data/corrections.json",
} as const;

/** The translations of the dataset's reader-facing texts, by language (the top-level key of their errors' paths). */
export const TRANSLATION_FILES = {
  ko: "data/ko.json",
} as const;

const FILES: Record<string, string> = { ...DATASET_FILES, ...TRANSLATION_FILES };

/** A dataset that does not match the schema; the message lists every bad field. */
export class DatasetError extends Error {
  constructor(readonly issues: z.core.$ZodIssue[]) {
    super(`Invalid dataset:\n${issues.map(describeIssue).join("\n")}`);
    this.name = "DatasetError";
  }
}

/** `data/claims.json claims[3].summary: Too big: …`, `data/ko.json ko.claims.friday.summary: …` */
function describeIssue(issue: z.core.$ZodIssue): string {
  const [top, ...rest] = issue.path;
  const file = FILES[String(top)] ?? "dataset";
  const path =
    issue.path.length === 0
      ? "(root)"
      : String(top) + rest.map((key) => (typeof key === "number" ? `[${key}]` : `.${String(key)}`)).join("");
  return `  ${file} ${path}: ${issue.message}`;
}

/** Validates raw dataset input; throws a `DatasetError` listing every bad field. */
export function parseDataset(input: unknown): Dataset {
  const result = Dataset.safeParse(input);
  if (!result.success) throw new DatasetError(result.error.issues);
  return result.data;
}

/**
 * Validates a translation (`TRANSLATION_FILES`) against the dataset it
 * translates; throws a `DatasetError` listing every missing, unknown or
 * miscounted text, with paths under the language (`ko.claims.friday.summary`).
 */
export function parseTranslation(
  dataset: Dataset,
  language: keyof typeof TRANSLATION_FILES,
  input: unknown,
): DatasetTranslation {
  const result = translationSchemaFor(dataset).safeParse(input);
  if (!result.success)
    throw new DatasetError(result.error.issues.map((issue) => ({ ...issue, path: [language, ...issue.path] })));
  return result.data;
}

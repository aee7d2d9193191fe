/**
 * Reading the dataset from disk (Node only): what the build hook and the
 * dataset tests use, so that a broken file fails both with its zod path.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Dataset } from "./schema";
import { DATASET_FILES, parseDataset, parseTranslation, TRANSLATION_FILES } from "./validate-dataset";

/** The parsed JSON of `file` (a `data/…` path) read from `directory`; a read or syntax error names the file. */
function readDataFile(directory: string, file: string): unknown {
  try {
    return JSON.parse(readFileSync(join(directory, file.replace(/^data\//, "")), "utf8"));
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
}

/**
 * Reads and validates the dataset files (`DATASET_FILES`: meta, article,
 * claims, facts, sources, corrections) in `directory`, then each translation
 * (`TRANSLATION_FILES`: ko.json) against them: a text without its
 * translation fails like a bad field.
 */
export function loadDatasetFrom(directory: string): Dataset {
  const input: Record<string, unknown> = {};
  for (const [key, file] of Object.entries(DATASET_FILES)) input[key] = readDataFile(directory, file);
  const dataset = parseDataset(input);
  for (const [language, file] of Object.entries(TRANSLATION_FILES))
    parseTranslation(dataset, language as keyof typeof TRANSLATION_FILES, readDataFile(directory, file));
  return dataset;
}

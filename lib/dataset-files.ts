/**
 * Reading the dataset from disk (Node only): what the build hook and the
 * dataset tests use, so that a broken file fails both with its zod path.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Dataset } from "./schema";
import { DATASET_FILES, parseDataset } from "./validate-dataset";

/** Reads and validates the dataset files (`DATASET_FILES`: meta, article, claims, facts, sources, corrections) in `directory`. */
export function loadDatasetFrom(directory: string): Dataset {
  const input: Record<string, unknown> = {};
  for (const [key, file] of Object.entries(DATASET_FILES)) {
    const path = join(directory, file.replace(/^data\//, ""));
    try {
      input[key] = JSON.parse(readFileSync(path, "utf8"));
    } catch (error) {
      throw new Error(`${file}: ${(error as Error).message}`);
    }
  }
  return parseDataset(input);
}

/**
 * The bundled dataset, validated once when first imported. A bad field
 * throws a `DatasetError` naming the file and the zod path of the field;
 * the build checks the files the same way first (wxt.config.ts).
 */
import article from "../data/article.json";
import claims from "../data/claims.json";
import facts from "../data/facts.json";
import sources from "../data/sources.json";
import type { Dataset } from "./schema";
import { parseDataset } from "./validate-dataset";

/** The validated dataset bundled with the extension. */
export const dataset: Dataset = parseDataset({ article, claims, facts, sources });

/** Looks up a claim by id. */
export function claimById(id: string, data: Dataset = dataset): Dataset["claims"][number] | undefined {
  return data.claims.find((claim) => claim.id === id);
}

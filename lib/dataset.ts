/**
 * The bundled dataset, validated once when first imported. A bad field
 * throws a `DatasetError` naming the file and the zod path of the field;
 * the build checks the files the same way first (wxt.config.ts).
 */
import article from "../data/article.json";
import claims from "../data/claims.json";
import corrections from "../data/corrections.json";
import facts from "../data/facts.json";
import meta from "../data/meta.json";
import sources from "../data/sources.json";
import type { Correction, Dataset } from "./schema";
import { parseDataset } from "./validate-dataset";

/** The validated dataset bundled with the extension. */
export const dataset: Dataset = parseDataset({ meta, article, claims, facts, sources, corrections });

/** Looks up a claim by id. */
export function claimById(id: string, data: Dataset = dataset): Dataset["claims"][number] | undefined {
  return data.claims.find((claim) => claim.id === id);
}

/**
 * The corrections-log entries that name a claim, newest first: what a card
 * needs to say "Corrected on <date>" (the first entry's date) and to list
 * what changed. Entries for the dataset as a whole (no claim ids) are not
 * included; an unknown id gets an empty list.
 */
export function correctionsForClaim(claimId: string, data: Dataset = dataset): Correction[] {
  return data.corrections
    .filter((correction) => correction.claimIds.includes(claimId))
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

/**
 * The bundled dataset, as plain data. It is validated before it is bundled,
 * not when the extension runs: every build checks the files against the
 * schema first (wxt.config.ts) and fails with the file and zod path of a bad
 * field, and the tests check that these files are exactly what the schema
 * accepts (nothing for the schema to fill in or change). So the overlay, which
 * loads on every article page, carries no validation code for the data.
 */
import article from "../data/article.json";
import claims from "../data/claims.json";
import corrections from "../data/corrections.json";
import facts from "../data/facts.json";
import meta from "../data/meta.json";
import sources from "../data/sources.json";
import type { Dataset } from "./schema";

/**
 * The dataset bundled with the extension. JSON imports are typed loosely
 * (strings, not the schema's unions): the cast stands on the build's
 * validation and on the test that parsing these files changes nothing.
 */
export const dataset = { meta, article, claims, facts, sources, corrections } as unknown as Dataset;

/** Looks up a claim by id. */
export function claimById(id: string, data: Dataset = dataset): Dataset["claims"][number] | undefined {
  return data.claims.find((claim) => claim.id === id);
}

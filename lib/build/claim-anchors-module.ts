/**
 * The claims' anchors (id, topic, verdict and quote of each claim, none of
 * its prose) as a module made from the dataset when the extension is built:
 * `import claimAnchors from "virtual:claim-anchors"`. The overlay bundles
 * them as plain data, a few kilobytes validated with the rest of the
 * dataset before every build (wxt.config.ts), so that it anchors the claims
 * without waiting for an answer or checking one. A Vite plugin, used by the
 * build and by the unit tests alike.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";
import { claimAnchor } from "../claim-record.ts";
import type { Claim } from "../schema";

/** The module's name, as the code imports it. */
export const CLAIM_ANCHORS_MODULE = "virtual:claim-anchors";

/** The dataset's claims (data/claims.json), which the build and the unit tests make the module from. */
export const DATASET_CLAIMS_FILE = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "data", "claims.json");

/** The id Vite knows it by once resolved (the leading NUL keeps other plugins off it). */
const RESOLVED_ID = `\0${CLAIM_ANCHORS_MODULE}`;

/** The module's source for the claims in `claimsFile` (the dataset's claims.json). */
export function claimAnchorsSource(claimsFile: string): string {
  const claims = JSON.parse(readFileSync(claimsFile, "utf8")) as Claim[];
  return `export default ${JSON.stringify(claims.map(claimAnchor))};\n`;
}

/** The plugin that provides the module from `claimsFile` (the dataset's, unless a test gives another). */
export function claimAnchorsModule(claimsFile = DATASET_CLAIMS_FILE): Plugin {
  return {
    name: "claim-anchors",
    resolveId: (source) => (source === CLAIM_ANCHORS_MODULE ? RESOLVED_ID : null),
    load(id) {
      if (id !== RESOLVED_ID) return null;
      this.addWatchFile(claimsFile);
      return claimAnchorsSource(claimsFile);
    },
  };
}

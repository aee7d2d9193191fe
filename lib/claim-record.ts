/**
 * A claim with everything its review shows: the facts it rests on (oldest
 * first), its sources and those of its later developments, and its
 * corrections (newest first). Computed from whichever copy of the dataset a
 * context has: the bundled one in the extension's pages, the one the
 * background hands the overlay. And the opposite: a claim without its
 * review, as the overlay bundles it (lib/build/claim-anchors-module.ts).
 */
import type { Claim, ClaimAnchor, Correction, Dataset, Fact, Source } from "./schema";

/** One claim's review, ready to show. */
export interface ClaimRecord {
  claim: Claim;
  facts: Fact[];
  sources: Source[];
  corrections: Correction[];
}

/** The parts of the dataset a record draws on. */
export type RecordSource = Pick<Dataset, "facts" | "sources" | "corrections">;

/** The record of `claim` in `data`; ids the data lacks are left out. */
export function claimRecord(data: RecordSource, claim: Claim): ClaimRecord {
  const facts = claim.facts
    .map((factId) => data.facts.find((fact) => fact.id === factId))
    .filter((fact): fact is Fact => fact !== undefined)
    .sort((a, b) => a.date.localeCompare(b.date));
  const sourceIds = new Set([...claim.sources, ...claim.laterDevelopments.flatMap((later) => later.sources)]);
  const sources = [...sourceIds]
    .map((sourceId) => data.sources.find((source) => source.id === sourceId))
    .filter((source): source is Source => source !== undefined);
  return { claim, facts, sources, corrections: correctionsOf(data, claim.id) };
}

/**
 * The corrections-log entries that name a claim, newest first: what a card
 * needs to say "Corrected on <date>" (the first entry's date) and to list
 * what changed. Entries for the dataset as a whole (no claim ids) are not
 * included; an unknown id gets an empty list.
 */
export function correctionsOf(data: Pick<Dataset, "corrections">, claimId: string): Correction[] {
  return data.corrections
    .filter((correction) => correction.claimIds.includes(claimId))
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

/** What anchoring and painting need of `claim` (its id, topic, verdict and quote): no prose. */
export function claimAnchor({ id, topic, verdict, selector }: Claim): ClaimAnchor {
  return { id, topic, verdict, selector };
}

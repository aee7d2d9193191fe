/**
 * Dates against sources: a dated statement (a fact, a later development)
 * may not speak of a time after the newest source cited for it, since no
 * source could then have reported it. One implementation, used by the
 * dataset tests (test/dataset.test.ts) and by `npm run dataset:check`, which
 * reports each problem under its claim. It is not a schema rule, so that the
 * check can still list the quotes and sources of a dataset with such a
 * problem instead of stopping at the first parse error.
 */
import type { Claim, Fact, PartialDate, Source } from "./schema";

/**
 * Whether `date` falls after `other`, compared at the precision of the less
 * precise of the two: a source dated `2019-03` may have appeared on any day
 * of March, so it can support a fact of 20 March 2019, but not one of April.
 */
export function isAfter(date: PartialDate, other: PartialDate): boolean {
  const length = Math.min(date.length, other.length);
  return date.slice(0, length) > other.slice(0, length);
}

/** The newest date among the sources with these ids (unknown ids are skipped); `undefined` if none is known. */
export function latestSourceDate(sourceIds: readonly string[], sources: readonly Source[]): PartialDate | undefined {
  let latest: PartialDate | undefined;
  for (const id of sourceIds) {
    const source = sources.find((candidate) => candidate.id === id);
    if (source && (latest === undefined || lastDay(source.date) > lastDay(latest))) latest = source.date;
  }
  return latest;
}

/** A sort key for the last day a date can mean: a month sorts after each of its days. */
function lastDay(date: PartialDate): string {
  return date.length === 7 ? `${date}-99` : date;
}

/** A dated statement whose date postdates every source cited for it. */
export interface DateProblem {
  /** Where the offending date is, as a zod-style path into the dataset. */
  path: (string | number)[];
  /** `fact "hanoi-summit"` or `claim "no-relief", later development 1`. */
  label: string;
  /** The date checked: a fact's last day (`endDate` when it has one), a later development's date. */
  date: PartialDate;
  latestSource: PartialDate;
}

/**
 * Every fact and later development dated after the newest of its sources.
 * A multi-day fact is checked by its last day: a source must have seen the
 * event end to report it whole.
 */
export function dateProblems(data: {
  facts: readonly Fact[];
  claims: readonly Claim[];
  sources: readonly Source[];
}): DateProblem[] {
  const problems: DateProblem[] = [];
  data.facts.forEach((fact, index) => {
    const latest = latestSourceDate(fact.sources, data.sources);
    const date = fact.endDate ?? fact.date;
    if (latest && isAfter(date, latest))
      problems.push({
        path: ["facts", index, fact.endDate ? "endDate" : "date"],
        label: `fact "${fact.id}"`,
        date,
        latestSource: latest,
      });
  });
  data.claims.forEach((claim, claimIndex) => {
    claim.laterDevelopments.forEach((later, index) => {
      const latest = latestSourceDate(later.sources, data.sources);
      if (latest && isAfter(later.date, latest))
        problems.push({
          path: ["claims", claimIndex, "laterDevelopments", index, "date"],
          label: `claim "${claim.id}", later development ${index}`,
          date: later.date,
          latestSource: latest,
        });
    });
  });
  return problems;
}

/**
 * The dates a verdict is given with, wherever a verdict is shown: "As of
 * 12 June 2020" (the date the review speaks for, the article's), "Corrected
 * 1 December 2026" when the corrections log names the claim, and the
 * corrections themselves, each dated, with what changed. Dates are written
 * with the month in full (`formatLongDate`) in `<time>` elements.
 */
import { type ComponentChildren, h } from "preact";
import { useId } from "preact/hooks";
import type { ClaimRecord } from "../lib/claim-record";
import { formatLongDate } from "../lib/i18n/dates";
import { t, tParts } from "../lib/i18n/translate";
import type { Correction } from "../lib/schema";

/** A dataset date with the month in full, in a `<time>` element. */
export function LongDate({ date }: { date: string }) {
  return <time dateTime={date}>{formatLongDate(date)}</time>;
}

/** Props of {@link VerdictDates}. */
export interface VerdictDatesProps {
  record: Pick<ClaimRecord, "claim" | "corrections">;
}

/**
 * "As of 12 June 2020 · Corrected 1 December 2026": shown next to the
 * verdict. The correction's date is the newest entry's; what changed is in
 * {@link ClaimCorrections}.
 */
export function VerdictDates({ record: { claim, corrections } }: VerdictDatesProps) {
  const newest = corrections[0];
  return (
    <span class="fc-verdict-dates">
      <span class="fc-verdict-dates__as-of">{tParts("asOf", <LongDate date={claim.asOf} />)}</span>
      {newest && (
        <>
          {" "}
          {/* The separator stays with what it introduces when the line wraps. */}
          <span class="fc-verdict-dates__corrected">
            <span aria-hidden="true">· </span>
            {tParts("correctedOn", <LongDate date={newest.date} />)}
          </span>
        </>
      )}
    </span>
  );
}

/** Props of {@link ClaimCorrections}. */
export interface ClaimCorrectionsProps {
  /** The claim's corrections, newest first (`ClaimRecord.corrections`). */
  corrections: readonly Correction[];
  /** Level of the section heading (default 3). */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
}

/**
 * The corrections of a claim, newest first, each "Corrected 1 December 2026:
 * <what was wrong and what changed>"; nothing for a claim never corrected.
 */
export function ClaimCorrections({ corrections, headingLevel = 3 }: ClaimCorrectionsProps) {
  const id = useId();
  if (corrections.length === 0) return null;
  return (
    <section class="fc-corrections" aria-labelledby={`${id}-corrections`}>
      <Heading level={headingLevel} id={`${id}-corrections`}>
        {t(corrections.length === 1 ? "correctionHeading" : "correctionsHeading")}
      </Heading>
      <ul class="fc-corrections__list">
        {corrections.map((correction, index) => (
          <li key={`${correction.date}-${index}`} class="fc-corrections__item">
            <strong class="fc-corrections__date">
              {tParts("correctedOnColon", <LongDate date={correction.date} />)}
            </strong>{" "}
            {correction.summary}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A heading of the given level, styled as the review's other section headings. */
function Heading({ level, id, children }: { level: number; id: string; children: ComponentChildren }) {
  return h(`h${level}`, { id, class: "fc-details__heading" }, children);
}

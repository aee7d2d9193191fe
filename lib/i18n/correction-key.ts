/**
 * How a translation names a correction, which has no id: by its date and its
 * place among the entries of that date, counted from 1 in the log's order
 * (`2026-12-01#3`). A new entry on another day leaves every key as it was,
 * wherever it goes in the log. Kept apart from the translation's schema so
 * that applying a translation needs no zod.
 */
import type { Correction } from "../schema";

/** The keys of `corrections`, in the log's order. */
export function correctionKeys(corrections: Pick<Correction, "date">[]): string[] {
  const seen = new Map<string, number>();
  return corrections.map((correction) => {
    const number = (seen.get(correction.date) ?? 0) + 1;
    seen.set(correction.date, number);
    return `${correction.date}#${number}`;
  });
}

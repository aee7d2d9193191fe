/**
 * A dataset date, or a date range, as readers of the interface language
 * read it (lib/i18n/dates.ts), in `<time>` elements that carry the
 * machine-readable date.
 */
import { dateRangeParts, formatDate } from "../lib/i18n/dates";

/** Props of {@link DateRange}. */
export interface DateRangeProps {
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  date: string;
  /** Last day of a multi-day event, same formats. */
  endDate?: string;
}

/** Renders the date, or the range with each end in a `<time dateTime>` element ("27–28 Feb 2019"). */
export function DateRange({ date, endDate }: DateRangeProps) {
  if (!endDate) return <time dateTime={date}>{formatDate(date)}</time>;
  const [start, between, end] = dateRangeParts(date, endDate);
  return (
    <span class="fc-date-range">
      <time dateTime={date}>{start}</time>
      {between}
      <time dateTime={endDate}>{end}</time>
    </span>
  );
}

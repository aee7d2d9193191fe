/**
 * A dataset date, or a date range, as readers read it, in `<time>` elements
 * that carry the machine-readable date.
 */
import { formatDate } from "../lib/verdicts";

/** Props of {@link DateRange}. */
export interface DateRangeProps {
  /** `YYYY-MM-DD` or `YYYY-MM`. */
  date: string;
  /** Last day of a multi-day event, same formats. */
  endDate?: string;
}

/**
 * Formats a date or range as text: "12 Jun 2018"; "27–28 Feb 2019" when both
 * ends are days of the same month; otherwise "20 Dec 2019 – 3 Jan 2020".
 */
export function formatDateRange(date: string, endDate?: string): string {
  if (!endDate) return formatDate(date);
  const [start, end] = [formatDate(date), formatDate(endDate)];
  if (sameMonthDays(date, endDate)) return `${start.split(" ")[0]}–${end}`;
  return `${start} – ${end}`;
}

/** Whether both dates are full days of the same month and year. */
function sameMonthDays(date: string, endDate: string): boolean {
  return date.length === 10 && endDate.length === 10 && date.slice(0, 7) === endDate.slice(0, 7);
}

/** Renders {@link formatDateRange} with each end in a `<time dateTime>` element. */
export function DateRange({ date, endDate }: DateRangeProps) {
  if (!endDate) return <time dateTime={date}>{formatDate(date)}</time>;
  if (sameMonthDays(date, endDate)) {
    return (
      <span class="fc-date-range">
        <time dateTime={date}>{formatDate(date).split(" ")[0]}</time>–
        <time dateTime={endDate}>{formatDate(endDate)}</time>
      </span>
    );
  }
  return (
    <span class="fc-date-range">
      <time dateTime={date}>{formatDate(date)}</time> – <time dateTime={endDate}>{formatDate(endDate)}</time>
    </span>
  );
}

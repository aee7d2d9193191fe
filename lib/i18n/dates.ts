/**
 * Dataset dates as readers of the installed language write them. The
 * dataset's dates are partial (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) and mean a
 * calendar day, month or year, not an instant: they are formatted in UTC so
 * that no time zone moves them. `Intl.DateTimeFormat` writes them in the
 * reader's language; English keeps fixed month abbreviations, because
 * engines' locale data differ there ("Sep" or "Sept").
 */
import { currentLocale } from "./translate";

/** Month abbreviations for English, fixed (see the module comment). */
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The parts of a dataset date: year, and month and day when it has them. */
function partsOf(date: string): { year: number; month?: number; day?: number } {
  const [year, month, day] = date.split("-").map(Number);
  return { year, month: month || undefined, day: day || undefined };
}

/** The instant in UTC a dataset date starts at. */
function utc(date: string): Date {
  const { year, month = 1, day = 1 } = partsOf(date);
  return new Date(Date.UTC(year, month - 1, day));
}

const isEnglish = (tag: string) => tag.split("-")[0].toLowerCase() === "en";

/** An `Intl.DateTimeFormat` for a date of `date`'s precision, in UTC. */
function formatter(tag: string, date: string, month: "short" | "long"): Intl.DateTimeFormat {
  const { month: hasMonth, day } = partsOf(date);
  return new Intl.DateTimeFormat(tag, {
    year: "numeric",
    ...(hasMonth ? { month } : {}),
    ...(day ? { day: "numeric" } : {}),
    timeZone: "UTC",
  });
}

/** A dataset date, short: "12 Jun 2020", "Jan 2020", "2020"; in Korean "2020년 6월 12일". */
export function formatDate(date: string, tag: string = currentLocale()): string {
  if (isEnglish(tag)) {
    const { year, month, day } = partsOf(date);
    if (!month) return String(year);
    return day ? `${day} ${MONTHS[month - 1]} ${year}` : `${MONTHS[month - 1]} ${year}`;
  }
  return formatter(tag, date, "short").format(utc(date));
}

/** A dataset date with the month written out: "12 June 2020", "June 2020"; in Korean "2020년 6월 12일". */
export function formatLongDate(date: string, tag: string = currentLocale()): string {
  return formatter(isEnglish(tag) ? "en-GB" : tag, date, "long").format(utc(date));
}

/**
 * A date range in three pieces: the text that belongs to the first date, what
 * stands between, and the text that belongs to the last, so that each end can
 * go in its own `<time>` element. English: "27" "–" "28 Feb 2019" (days of one
 * month), else "20 Dec 2019" " – " "3 Jan 2020"; other languages as
 * `Intl.DateTimeFormat.formatRange` writes them ("2019년 2월 27" "일~" "28일").
 */
export function dateRangeParts(date: string, endDate: string, tag: string = currentLocale()): [string, string, string] {
  if (isEnglish(tag)) {
    const sameMonth = date.length === 10 && endDate.length === 10 && date.slice(0, 7) === endDate.slice(0, 7);
    if (sameMonth) return [String(partsOf(date).day), "–", formatDate(endDate, tag)];
    return [formatDate(date, tag), " – ", formatDate(endDate, tag)];
  }
  // Both ends at the precision of the less precise, as `formatRange` takes one set of options.
  const precise = date.length <= endDate.length ? date : endDate;
  const parts = formatter(tag, precise, "short").formatRangeToParts(utc(date), utc(endDate));
  const lastStart = parts.findLastIndex((part) => part.source === "startRange");
  const firstEnd = parts.findIndex((part) => part.source === "endRange");
  if (lastStart < 0 || firstEnd < 0) return [formatDate(date, tag), " – ", formatDate(endDate, tag)];
  const text = (from: number, to: number) =>
    parts
      .slice(from, to)
      .map((part) => part.value)
      .join("");
  return [text(0, lastStart + 1), text(lastStart + 1, firstEnd), text(firstEnd, parts.length)];
}

/** A date range as one text: the pieces of {@link dateRangeParts} joined. */
export function formatDateRange(date: string, endDate?: string, tag: string = currentLocale()): string {
  return endDate ? dateRangeParts(date, endDate, tag).join("") : formatDate(date, tag);
}

/** A month's name alone, short, for a month of a time axis: "Apr" (English), "4월" (Korean). */
export function formatMonth(month: string, tag: string = currentLocale()): string {
  const { month: number = 1 } = partsOf(month);
  if (isEnglish(tag)) return MONTHS[number - 1];
  return new Intl.DateTimeFormat(tag, { month: "short", timeZone: "UTC" }).format(utc(month));
}

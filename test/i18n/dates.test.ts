import { describe, expect, it } from "vitest";
import { dateRangeParts, formatDate, formatDateRange, formatLongDate, formatMonth } from "../../lib/i18n/dates";
import { installLocale } from "../../lib/i18n/translate";

describe("formatDate", () => {
  it("writes English dates with fixed month abbreviations, at the date's precision", () => {
    expect(formatDate("2020-06-12", "en")).toBe("12 Jun 2020");
    expect(formatDate("2020-01", "en")).toBe("Jan 2020");
    expect(formatDate("2017-09-03", "en")).toBe("3 Sep 2017");
    expect(formatDate("2019", "en")).toBe("2019");
  });

  it("writes Korean dates with Intl.DateTimeFormat, at the date's precision", () => {
    expect(formatDate("2020-06-12", "ko")).toBe("2020년 6월 12일");
    expect(formatDate("2020-01", "ko")).toBe("2020년 1월");
    expect(formatDate("2019", "ko")).toBe("2019년");
  });

  it("keeps the calendar day in every time zone (the dates are days, not instants)", () => {
    expect(formatDate("2018-06-01", "ko")).toBe("2018년 6월 1일");
    expect(formatLongDate("2018-12-31", "en")).toBe("31 December 2018");
  });

  it("uses the installed language by default", () => {
    installLocale("ko", {});
    expect(formatDate("2020-06-12")).toBe("2020년 6월 12일");
    installLocale("en", {});
    expect(formatDate("2020-06-12")).toBe("12 Jun 2020");
  });
});

describe("formatLongDate", () => {
  it("writes the month in full", () => {
    expect(formatLongDate("2020-06-12", "en")).toBe("12 June 2020");
    expect(formatLongDate("2026-12-01", "en")).toBe("1 December 2026");
    expect(formatLongDate("2019-09", "en")).toBe("September 2019");
    expect(formatLongDate("2020-06-12", "ko")).toBe("2020년 6월 12일");
    expect(formatLongDate("2019-09", "ko")).toBe("2019년 9월");
  });
});

describe("date ranges", () => {
  it("shortens English ranges within one month and writes both ends in full otherwise", () => {
    expect(formatDateRange("2019-02-27", "2019-02-28", "en")).toBe("27–28 Feb 2019");
    expect(dateRangeParts("2019-02-27", "2019-02-28", "en")).toEqual(["27", "–", "28 Feb 2019"]);
    expect(formatDateRange("2018-04-30", "2018-05-01", "en")).toBe("30 Apr 2018 – 1 May 2018");
    expect(formatDateRange("2018-06-12", undefined, "en")).toBe("12 Jun 2018");
  });

  it("writes Korean ranges as Intl.DateTimeFormat's formatRange does, each end apart", () => {
    expect(formatDateRange("2019-02-27", "2019-02-28", "ko")).toBe("2019년 2월 27일~28일");
    const [start, between, end] = dateRangeParts("2019-02-27", "2019-02-28", "ko");
    expect(start).toContain("27");
    expect(end).toContain("28");
    expect(between).not.toMatch(/\d/);
    expect(formatDateRange("2019-12-20", "2020-01-03", "ko")).toBe("2019년 12월 20일~2020년 1월 3일");
    expect(formatDateRange("2018-04", "2018-07", "ko")).toBe("2018년 4월~7월");
  });
});

describe("formatMonth", () => {
  it("names a month alone", () => {
    expect(formatMonth("2018-04", "en")).toBe("Apr");
    expect(formatMonth("2018-04", "ko")).toBe("4월");
  });
});

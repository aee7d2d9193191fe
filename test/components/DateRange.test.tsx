import { render } from "@testing-library/preact";
import { describe, expect, it } from "vitest";
import { DateRange } from "../../components/DateRange";
import { formatDateRange } from "../../lib/i18n/dates";

describe("formatDateRange", () => {
  it("formats a single day or month", () => {
    expect(formatDateRange("2018-06-12")).toBe("12 Jun 2018");
    expect(formatDateRange("2020-01")).toMatch(/^Jan 2020$/);
  });

  it("shortens a range within one month", () => {
    expect(formatDateRange("2019-02-27", "2019-02-28")).toBe("27–28 Feb 2019");
    expect(formatDateRange("2020-03-02", "2020-03-29")).toBe("2–29 Mar 2020");
  });

  it("writes both dates in full across months", () => {
    expect(formatDateRange("2018-04-30", "2018-05-01")).toBe("30 Apr 2018 – 1 May 2018");
  });
});

describe("DateRange", () => {
  it("renders one <time> with the machine-readable date", () => {
    const { container } = render(<DateRange date="2018-05-24" />);
    const times = container.querySelectorAll("time");
    expect(times).toHaveLength(1);
    expect(times[0].getAttribute("datetime")).toBe("2018-05-24");
    expect(container.textContent).toBe("24 May 2018");
  });

  it("renders both ends of a range as <time> elements", () => {
    const { container } = render(<DateRange date="2019-02-27" endDate="2019-02-28" />);
    const times = [...container.querySelectorAll("time")].map((time) => time.getAttribute("datetime"));
    expect(times).toEqual(["2019-02-27", "2019-02-28"]);
    expect(container.textContent).toBe("27–28 Feb 2019");
  });

  it("keeps the text of a range across months equal to formatDateRange", () => {
    const { container } = render(<DateRange date="2018-04-30" endDate="2018-05-01" />);
    expect(container.textContent).toBe(formatDateRange("2018-04-30", "2018-05-01"));
  });
});

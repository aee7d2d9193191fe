import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { cleanup, render, screen, within } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { Timeline } from "../../components/Timeline";
import { contrastOf } from "../../lib/contrast";
import { dataset } from "../../lib/dataset";
import type { Fact } from "../../lib/schema";

afterEach(cleanup);

const timelineFacts = dataset.facts.filter((fact) => fact.timeline);

function renderTimeline() {
  const { container } = render(<Timeline />);
  const svg = container.querySelector("svg.fc-timeline__picture") as SVGSVGElement;
  const inset = svg.querySelector('[data-inset="true"]') as SVGGElement;
  /** Marks of the main strip (not the enlarged inset). */
  const main = (selector: string) => [...svg.querySelectorAll(selector)].filter((element) => !inset.contains(element));
  const xOf = (id: string, where: "main" | "inset" = "main") => {
    const marks = [...svg.querySelectorAll(`[data-fact-id="${id}"]`)].filter(
      (element) => inset.contains(element) === (where === "inset"),
    );
    expect(marks, `${id} in ${where}`).toHaveLength(1);
    return Number(marks[0].getAttribute("data-x"));
  };
  return { container, svg, inset, main, xOf };
}

const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;

describe("Timeline", () => {
  it("is an image with a summary that counts the meetings and orders the demolition and the summit", () => {
    const { svg } = renderTimeline();
    expect(svg.getAttribute("role")).toBe("img");
    const label = svg.getAttribute("aria-label") ?? "";
    expect(label).toContain("Trump and Kim met 3 times");
    expect(label).toContain("1, Singapore summit, 12 Jun 2018");
    expect(label).toContain("2, Hanoi summit, 27–28 Feb 2019");
    expect(label).toContain("3, Panmunjom meeting, 30 Jun 2019");
    expect(label).toContain("Punggye-ri test tunnels blown up on 24 May 2018, 19 days before the Singapore summit");
    expect(label).toContain("The article is dated 12 Jun 2020");
    expect(screen.getByRole("img")).toBe(svg);
  });

  it("marks exactly three meetings, numbered 1 to 3 in date order", () => {
    const { main } = renderTimeline();
    const meetings = main("[data-meeting]");
    expect(meetings.map((meeting) => meeting.getAttribute("data-meeting"))).toEqual(["1", "2", "3"]);
    expect(meetings.map((meeting) => meeting.getAttribute("data-fact-id"))).toEqual([
      "singapore-summit",
      "hanoi-summit",
      "panmunjom-meeting",
    ]);
    for (const meeting of meetings) {
      expect(meeting.querySelector("circle")?.getAttribute("r")).toBe("9");
      expect([...meeting.querySelectorAll("text")][0].textContent).toBe(meeting.getAttribute("data-meeting"));
    }
    const xs = meetings.map((meeting) => Number(meeting.getAttribute("data-x")));
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
  });

  it("places the Punggye-ri demolition before the Singapore summit, plainly so in the enlarged part", () => {
    const { xOf, inset } = renderTimeline();
    const mainGap = xOf("singapore-summit") - xOf("punggye-ri-demolition");
    const insetGap = xOf("singapore-summit", "inset") - xOf("punggye-ri-demolition", "inset");
    expect(mainGap).toBeGreaterThan(0);
    expect(insetGap).toBeGreaterThan(40);
    expect(inset.querySelector(".fc-timeline__bracket")?.textContent).toBe("19 days");
  });

  it("scales positions by date", () => {
    const { xOf } = renderTimeline();
    const [singapore, panmunjom, firstTest] = [
      xOf("singapore-summit"),
      xOf("panmunjom-meeting"),
      xOf("last-nuclear-test"),
    ];
    const perDay = (panmunjom - singapore) / days("2018-06-12", "2019-06-30");
    expect((singapore - firstTest) / perDay).toBeCloseTo(days("2017-09-03", "2018-06-12"), -0.5);
    // The picture spans Sep 2017 to Jun 2020 on its 360-unit width.
    expect(perDay * days("2017-09-01", "2020-06-30")).toBeGreaterThan(300);
    expect(perDay * days("2017-09-01", "2020-06-30")).toBeLessThanOrEqual(360);
  });

  it("draws every timeline fact once in the main strip and nothing else", () => {
    const { main } = renderTimeline();
    const drawn = main("[data-fact-id]").map((mark) => mark.getAttribute("data-fact-id"));
    expect(new Set(drawn).size).toBe(drawn.length);
    expect(new Set(drawn)).toEqual(new Set(timelineFacts.map((fact) => fact.id)));
    expect(drawn).not.toContain("key-resolve-ended");
  });

  it("draws multi-day events as spans as long as they lasted", () => {
    const { main, xOf } = renderTimeline();
    const spans = main(".fc-timeline__span");
    const march = spans.find((span) => span.getAttribute("data-span") === "2020-03-02/2020-03-29");
    const perDay = (xOf("panmunjom-meeting") - xOf("singapore-summit")) / days("2018-06-12", "2019-06-30");
    expect(Number(march?.getAttribute("width"))).toBeCloseTo(27 * perDay, 0);
    expect(spans.some((span) => span.getAttribute("data-span") === "2019-02-27/2019-02-28")).toBe(true);
  });

  it("marks the article's date after the last meeting", () => {
    const { svg, xOf } = renderTimeline();
    const article = svg.querySelector(".fc-timeline__article") as SVGGElement;
    expect(article.textContent).toBe("Article12 Jun 2020");
    expect(Number(article.getAttribute("data-x"))).toBeGreaterThan(xOf("panmunjom-meeting"));
    expect(Number(article.getAttribute("data-x"))).toBeCloseTo(xOf("ri-statement"), 0);
  });

  it("keeps labels apart: meeting labels on one row do not overlap, letters on one row are spaced", () => {
    const { main } = renderTimeline();
    const labels = main("[data-meeting]").map((meeting) => {
      const [name, date] = [...meeting.querySelectorAll("text")].slice(1);
      const width = Math.max((name.textContent ?? "").length * 10 * 0.56, (date.textContent ?? "").length * 9 * 0.56);
      const x = Number(name.getAttribute("x"));
      return { y: name.getAttribute("y"), left: x - width / 2, right: x + width / 2 };
    });
    for (const a of labels)
      for (const b of labels)
        if (a !== b && a.y === b.y) expect(a.right <= b.left || b.right <= a.left, JSON.stringify([a, b])).toBe(true);
    const letters = main(".fc-timeline__mark").map((mark) => mark.querySelector("text") as SVGTextElement);
    for (const a of letters)
      for (const b of letters)
        if (a !== b && a.getAttribute("y") === b.getAttribute("y"))
          expect(Math.abs(Number(a.getAttribute("x")) - Number(b.getAttribute("x")))).toBeGreaterThanOrEqual(8);
  });

  it("lists every event with its date and key below the picture, meetings numbered", () => {
    renderTimeline();
    const list = screen.getByRole("list", { name: "Events in the timeline" });
    const items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(timelineFacts.length);
    expect(items.every((item) => item.querySelector("time"))).toBe(true);
    const texts = items.map((item) => item.textContent ?? "");
    expect(texts.filter((text) => text.startsWith("Meeting "))).toEqual([
      "Meeting 1 12 Jun 2018 Singapore summit",
      "Meeting 2 27–28 Feb 2019 Hanoi summit, no deal",
      "Meeting 3 30 Jun 2019 Panmunjom meeting",
    ]);
    const demolition = texts.findIndex((text) => text.includes("Punggye-ri test tunnels blown up"));
    const singapore = texts.findIndex((text) => text.includes("Singapore summit"));
    expect(demolition).toBeGreaterThanOrEqual(0);
    expect(demolition).toBeLessThan(singapore);
    expect(texts[demolition]).toMatch(
      /^Event [A-Z] 24 May 2018 Punggye-ri test tunnels blown up \(step by either side\)$/,
    );
  });

  it("keys each small mark to its list entry by the same letter", () => {
    const { main } = renderTimeline();
    const items = within(screen.getByRole("list", { name: "Events in the timeline" })).getAllByRole("listitem");
    for (const mark of main(".fc-timeline__mark")) {
      const letter = mark.querySelector("text")?.textContent;
      const fact = timelineFacts.find((entry) => entry.id === mark.getAttribute("data-fact-id")) as Fact;
      const entry = items.find((item) => item.textContent?.startsWith(`Event ${letter} `));
      expect(entry?.textContent).toContain(fact.label);
    }
  });

  it("has a legend for the kinds of events drawn", () => {
    renderTimeline();
    const legend = within(screen.getByRole("list", { name: "Legend" }))
      .getAllByRole("listitem")
      .map((item) => item.textContent);
    expect(legend).toEqual(
      expect.arrayContaining([
        "Trump–Kim meeting (numbered)",
        "Weapons test",
        "Step by either side",
        "Talks",
        "Statement",
        "Several days",
        "The article's date",
      ]),
    );
  });

  it("draws the facts it is given", () => {
    const facts = timelineFacts.filter((fact) => fact.meeting);
    const { container } = render(<Timeline facts={facts} articleDate="2020-06-12" />);
    expect(container.querySelectorAll(".fc-timeline__mark")).toHaveLength(0);
    expect(container.querySelectorAll(".fc-timeline__event")).toHaveLength(3);
  });
});

describe("Timeline colours", () => {
  const theme = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "../../components/theme.css"), "utf8");
  /** The custom properties declared in a block of the theme. */
  const properties = (block: string) =>
    Object.fromEntries([...block.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((match) => [match[1], match[2].trim()]));
  const darkStart = theme.indexOf("@media (prefers-color-scheme: dark)");
  const schemes = { light: properties(theme.slice(0, darkStart)), dark: properties(theme.slice(darkStart)) };
  const spanOpacity = (() => {
    const { svg } = renderTimeline();
    const opacity = svg.querySelector(".fc-timeline__span")?.getAttribute("fill-opacity");
    cleanup();
    return Number(opacity ?? 1);
  })();
  const GRAPHICS = ["meeting", "article", "test", "concession", "sanctions", "talks", "statement", "personnel"];

  for (const [scheme, values] of Object.entries(schemes)) {
    it(`draws every mark at 3:1 or more against the ${scheme} page and its sections`, () => {
      for (const background of [values["--page-bg"], values["--page-section"]]) {
        for (const name of GRAPHICS) {
          const color = values[`--fc-timeline-${name}`];
          expect(color, name).toBeDefined();
          expect(contrastOf(color, background), `${name} on ${background}`).toBeGreaterThanOrEqual(3);
          // A multi-day span is the same colour, translucent over the page.
          const spanColor = color.replace(
            /^#(..)(..)(..)$/,
            (_, r, g, b) => `rgba(${[r, g, b].map((hex) => Number.parseInt(hex, 16)).join(", ")}, ${spanOpacity})`,
          );
          expect(contrastOf(spanColor, background), `${name} span on ${background}`).toBeGreaterThanOrEqual(3);
        }
      }
    });

    it(`writes the meeting numbers and list keys at 4.5:1 or more on their colours (${scheme})`, () => {
      for (const name of GRAPHICS.filter((graphic) => graphic !== "article")) {
        const ratio = contrastOf(values["--fc-timeline-on-meeting"], values[`--fc-timeline-${name}`]);
        expect(ratio, name).toBeGreaterThanOrEqual(4.5);
      }
    });
  }

  it("draws spans translucent, so the axis shows through", () => {
    expect(spanOpacity).toBeGreaterThan(0);
    expect(spanOpacity).toBeLessThan(1);
  });

  it("takes every colour of the picture from the theme, none fixed", () => {
    const { svg } = renderTimeline();
    for (const element of svg.querySelectorAll("*")) {
      for (const attribute of ["fill", "stroke"]) {
        const value = element.getAttribute(attribute);
        if (value !== null) expect(["currentColor", "Canvas", "none"], `${attribute}=${value}`).toContain(value);
      }
      const style = element.getAttribute("style") ?? "";
      for (const [, value] of style.matchAll(/(?:fill|stroke):\s*([^;]+)/g)) {
        expect(value.trim()).toMatch(/^(var\(--fc-timeline-[\w-]+, #[0-9a-f]+\)|canvas|none)$/i);
      }
    }
  });
});

/**
 * How each verdict and topic is shown, in one place: the overlay's
 * highlights and markers, the cards, the popup and the badge all use these,
 * so a verdict reads the same everywhere. Colour is never the only carrier:
 * each verdict also has an icon and a word.
 */
import type { Topic, Verdict } from "./schema";

/** Presentation of one verdict. */
export interface VerdictStyle {
  /** The word shown to readers. */
  label: string;
  /** A short symbol shown with the word (never alone). */
  icon: string;
  /** Text and underline colour, readable on white (WCAG AA for normal text). */
  color: string;
  /** Background tint of highlighted text. */
  tint: string;
  /** Severity, for the badge colour and sorting: higher is worse. */
  severity: number;
  /** What the verdict means, in one paragraph, for the "How we check" page. */
  definition: string;
}

/** Presentation of every verdict. */
export const VERDICTS: Record<Verdict, VerdictStyle> = {
  inaccurate: {
    label: "Inaccurate",
    icon: "✗",
    color: "#b3261e",
    tint: "rgba(179, 38, 30, 0.14)",
    severity: 4,
    definition:
      "The claim contradicts the record as it stood on the article’s date: a date, a count, the status of sanctions, the order of events or who said what is wrong. The card gives the correct fact, with its date and sources.",
  },
  misleading: {
    label: "Misleading",
    icon: "!",
    color: "#a04d00",
    tint: "rgba(196, 102, 0, 0.16)",
    severity: 3,
    definition:
      "The words can be defended one by one, but the claim leaves a reader with a wrong picture: it puts events out of order, leaves out a qualifier that changes its meaning, or presents one side’s account as fact. The card says what the picture should be.",
  },
  "needs-context": {
    label: "Needs context",
    icon: "?",
    color: "#6b5800",
    tint: "rgba(196, 160, 0, 0.18)",
    severity: 2,
    definition:
      "The claim is right as far as it goes, but a reader needs something it does not say to weigh it: an earlier event, who made a statement and when, or how far a measure went. The card supplies that context, dated and sourced.",
  },
  unverifiable: {
    label: "Unverifiable",
    icon: "~",
    color: "#4a4a6a",
    tint: "rgba(90, 90, 130, 0.14)",
    severity: 1,
    definition:
      "No primary source or reliable published report we could read confirms or refutes the claim, typically a statement about private talks or intentions. The card says what we looked for; the verdict changes, with a logged correction, if a source appears.",
  },
  accurate: {
    label: "Accurate",
    icon: "✓",
    color: "#1e6b34",
    tint: "rgba(30, 130, 60, 0.12)",
    severity: 0,
    definition:
      "The claim matches the record as it stood on the article’s date: its dates, numbers, names and order of events are right, and nothing it leaves out changes what a reader would take from it.",
  },
};

/** Whether a page's background is light or dark, for choosing the highlight colours. */
export type SiteScheme = "light" | "dark";

/** How a claim's text is painted on a page: its underline and a translucent tint behind it. */
export interface HighlightColors {
  /** Underline colour: at least 3:1 against the page background it is chosen for. */
  underline: string;
  /**
   * Background tint, low in alpha so that the page's own text keeps
   * essentially the contrast it had (the tint is a hint; the underline
   * carries the colour).
   */
  tint: string;
}

/**
 * Highlight colours per site scheme: on light sites the verdict colours
 * themselves, on dark sites lighter tones of the same hues (the light ones
 * fall to 2–3:1 on a near-black page). Chosen in `lib/overlay/page-background.ts`.
 */
export const HIGHLIGHT_PALETTES: Record<SiteScheme, Record<Verdict, HighlightColors>> = {
  light: {
    inaccurate: { underline: "#b3261e", tint: "rgba(179, 38, 30, 0.08)" },
    misleading: { underline: "#a04d00", tint: "rgba(196, 102, 0, 0.1)" },
    "needs-context": { underline: "#6b5800", tint: "rgba(196, 160, 0, 0.12)" },
    unverifiable: { underline: "#4a4a6a", tint: "rgba(90, 90, 130, 0.08)" },
    accurate: { underline: "#1e6b34", tint: "rgba(30, 130, 60, 0.08)" },
  },
  dark: {
    inaccurate: { underline: "#f28b82", tint: "rgba(242, 139, 130, 0.08)" },
    misleading: { underline: "#fcad70", tint: "rgba(252, 173, 112, 0.07)" },
    "needs-context": { underline: "#fdd663", tint: "rgba(253, 214, 99, 0.06)" },
    unverifiable: { underline: "#b4b8e0", tint: "rgba(180, 184, 224, 0.08)" },
    accurate: { underline: "#81c995", tint: "rgba(129, 201, 149, 0.08)" },
  },
};

/**
 * The brief flash on a claim shown from the popup, per site scheme: a
 * yellow that leaves dark text readable on light sites, and a darker amber
 * behind the light text of dark sites.
 */
export const FLASH_COLORS: Record<SiteScheme, string> = {
  light: "rgba(255, 214, 0, 0.65)",
  dark: "rgba(160, 120, 0, 0.6)",
};

/** Verdicts from worst to best, for lists and switches. */
export const VERDICT_ORDER = (Object.keys(VERDICTS) as Verdict[]).sort(
  (a, b) => VERDICTS[b].severity - VERDICTS[a].severity,
);

/** Verdicts the badge counts: the claims a reader should not take as written. */
export const FLAGGED_VERDICTS: readonly Verdict[] = ["inaccurate", "misleading"];

/** Reader-facing names of the topics. */
export const TOPICS: Record<Topic, string> = {
  "summit-dates": "Summit dates",
  meetings: "Meetings",
  sanctions: "Sanctions",
  denuclearization: "Denuclearization",
  talks: "Talks",
  statements: "Statements",
};

/** Month abbreviations, fixed: locale data differs between engines ("Sep" or "Sept"). */
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Formats a dataset date (`2020-06-12` or `2020-01`) for readers: "12 Jun 2020", "Jan 2020". */
export function formatDate(date: string): string {
  const [year, month, day] = date.split("-").map(Number);
  const monthName = MONTHS[month - 1];
  return day ? `${day} ${monthName} ${year}` : `${monthName} ${year}`;
}

/**
 * "12 June 2020" (a day) and "June 2020" (a month), en-GB, in UTC so that no
 * time zone moves the day: created once, when first needed, since building
 * a date format costs milliseconds that a script's start should not pay.
 */
let longFormats: Intl.DateTimeFormat[] | undefined;

/**
 * Formats a dataset date with the month written out, as in "As of 12 June
 * 2020" and "Corrected 1 December 2026" ("June 2020" at month precision).
 * Full month names read the same in every engine's locale data, unlike the
 * abbreviations `formatDate` fixes by hand.
 */
export function formatLongDate(date: string): string {
  const [year, month, day] = date.split("-").map(Number);
  longFormats ??= [{ day: "numeric" } as const, {}].map(
    (fields) => new Intl.DateTimeFormat("en-GB", { ...fields, month: "long", year: "numeric", timeZone: "UTC" }),
  );
  return longFormats[day ? 0 : 1].format(new Date(Date.UTC(year, month - 1, day || 1)));
}

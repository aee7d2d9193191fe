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
}

/** Presentation of every verdict. */
export const VERDICTS: Record<Verdict, VerdictStyle> = {
  inaccurate: { label: "Inaccurate", icon: "✗", color: "#b3261e", tint: "rgba(179, 38, 30, 0.14)", severity: 4 },
  misleading: { label: "Misleading", icon: "!", color: "#a04d00", tint: "rgba(196, 102, 0, 0.16)", severity: 3 },
  "needs-context": {
    label: "Needs context",
    icon: "?",
    color: "#6b5800",
    tint: "rgba(196, 160, 0, 0.18)",
    severity: 2,
  },
  unverifiable: { label: "Unverifiable", icon: "~", color: "#4a4a6a", tint: "rgba(90, 90, 130, 0.14)", severity: 1 },
  accurate: { label: "Accurate", icon: "✓", color: "#1e6b34", tint: "rgba(30, 130, 60, 0.12)", severity: 0 },
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

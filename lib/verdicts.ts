/**
 * How each verdict and topic is shown, in one place: the overlay's
 * highlights and markers, the cards, the popup and the badge all use these,
 * so a verdict reads the same everywhere. Colour is never the only carrier:
 * each verdict also has an icon and a word.
 */
import { type MessageKey, t } from "./i18n/translate";
import type { Topic, Verdict } from "./schema";

/** Presentation of one verdict. */
export interface VerdictStyle {
  /**
   * The verdict's English word, for the exports (ClaimReview, Web
   * Annotation); readers see {@link verdictLabel}, in their language.
   */
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
  inaccurate: {
    label: "Inaccurate",
    icon: "✗",
    color: "#b3261e",
    tint: "rgba(179, 38, 30, 0.14)",
    severity: 4,
  },
  misleading: {
    label: "Misleading",
    icon: "!",
    color: "#a04d00",
    tint: "rgba(196, 102, 0, 0.16)",
    severity: 3,
  },
  "needs-context": {
    label: "Needs context",
    icon: "?",
    color: "#6b5800",
    tint: "rgba(196, 160, 0, 0.18)",
    severity: 2,
  },
  unverifiable: {
    label: "Unverifiable",
    icon: "~",
    color: "#4a4a6a",
    tint: "rgba(90, 90, 130, 0.14)",
    severity: 1,
  },
  accurate: {
    label: "Accurate",
    icon: "✓",
    color: "#1e6b34",
    tint: "rgba(30, 130, 60, 0.12)",
    severity: 0,
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

/** The verdict's word in the interface language ("Inaccurate"). */
export function verdictLabel(verdict: Verdict): string {
  return t(`verdict_${verdict.replace("-", "_")}` as MessageKey);
}

/** What the verdict means, in one paragraph, in the interface language (the "How we check" page). */
export function verdictDefinition(verdict: Verdict): string {
  return t(`verdictDefinition_${verdict.replace("-", "_")}` as MessageKey);
}

/** The topic's name in the interface language ("Summit dates"). */
export function topicLabel(topic: Topic): string {
  return t(`topic_${topic.replace("-", "_")}` as MessageKey);
}

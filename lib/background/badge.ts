/**
 * The toolbar badge: how many claims on the tab are inaccurate or
 * misleading, in the colour of the worst verdict found, and the tooltip
 * that says so in words.
 */
import { browser } from "wxt/browser";
import { claimById } from "../dataset";
import { t, tPlural } from "../i18n/translate";
import type { TabState } from "../schema";
import { FLAGGED_VERDICTS, VERDICTS } from "../verdicts";

/** What the badge shows. */
export interface Badge {
  text: string;
  color: string;
}

/** Colour when there is nothing to count (no article, or no claim known): no text is shown then. */
const NEUTRAL = "#5f6368";

/** The badge for a tab's state: empty without the article or without flagged claims. */
export function badgeFor(state: TabState | null): Badge {
  if (!state) return { text: "", color: NEUTRAL };
  const verdicts = state.claims.flatMap((anchored) => claimById(anchored.claimId)?.verdict ?? []);
  const flagged = verdicts.filter((verdict) => FLAGGED_VERDICTS.includes(verdict)).length;
  const worst = verdicts.reduce<(typeof verdicts)[number] | null>(
    (current, verdict) => (!current || VERDICTS[verdict].severity > VERDICTS[current].severity ? verdict : current),
    null,
  );
  return { text: flagged > 0 ? String(flagged) : "", color: worst ? VERDICTS[worst].color : NEUTRAL };
}

/**
 * The toolbar button's tooltip for a tab's state, in the interface language:
 * what the badge counts ("6 claims inaccurate or misleading"), or the
 * extension's name where there is nothing to count.
 */
export function badgeTitle(state: TabState | null): string {
  const text = badgeFor(state).text;
  return text ? tPlural("badgeTitle", Number(text)) : t("extName");
}

/** Shows the badge for `state` on tab `tabId`, with its tooltip. */
export async function showBadge(tabId: number, state: TabState | null): Promise<void> {
  const { text, color } = badgeFor(state);
  try {
    await browser.action.setBadgeBackgroundColor({ tabId, color });
    await browser.action.setBadgeText({ tabId, text });
    await browser.action.setTitle({ tabId, title: badgeTitle(state) });
  } catch {
    // The tab closed meanwhile: nothing to show.
  }
}

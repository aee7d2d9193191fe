/**
 * A verdict as readers see it everywhere: colour, icon and word together, so
 * that colour is never the only carrier (lib/verdicts.ts).
 */
import type { Verdict } from "../lib/schema";
import { VERDICTS, verdictLabel } from "../lib/verdicts";

/** Props of {@link VerdictChip}. */
export interface VerdictChipProps {
  verdict: Verdict;
  /** Extra class names, e.g. for a smaller chip in a dense list. */
  class?: string;
}

/**
 * Renders a verdict as a small chip: icon and word (e.g. "✗ Inaccurate") in
 * the verdict's colour on its tint. The icon is decorative for assistive
 * technology; the word carries the verdict.
 */
export function VerdictChip({ verdict, class: className }: VerdictChipProps) {
  const style = VERDICTS[verdict];
  return (
    <span
      class={className ? `fc-verdict-chip ${className}` : "fc-verdict-chip"}
      data-verdict={verdict}
      style={{
        color: style.color,
        borderColor: style.color,
        // The tint over white, so the colour stays readable on a dark background too.
        backgroundColor: "#fff",
        backgroundImage: `linear-gradient(${style.tint}, ${style.tint})`,
      }}
    >
      <span class="fc-verdict-chip__icon" aria-hidden="true">
        {style.icon}
      </span>{" "}
      <span class="fc-verdict-chip__label">{verdictLabel(verdict)}</span>
    </span>
  );
}

import { render } from "@testing-library/preact";
import { describe, expect, it } from "vitest";
import { VerdictChip } from "../../components/VerdictChip";
import { VERDICT_ORDER, VERDICTS } from "../../lib/verdicts";

/** The colour jsdom reports for a hex colour (it normalises to rgb()). */
function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

describe("VerdictChip", () => {
  it.each(VERDICT_ORDER)("shows %s by icon, word and colour together", (verdict) => {
    const { container } = render(<VerdictChip verdict={verdict} />);
    const chip = container.querySelector(".fc-verdict-chip") as HTMLElement;
    expect(chip.textContent).toBe(`${VERDICTS[verdict].icon} ${VERDICTS[verdict].label}`);
    expect(chip.dataset.verdict).toBe(verdict);
    expect(chip.style.color).toBe(rgb(VERDICTS[verdict].color));
    expect(chip.style.borderColor).toBe(rgb(VERDICTS[verdict].color));
  });

  it("reads as the word alone to assistive technology (the icon is decorative)", () => {
    const { container } = render(<VerdictChip verdict="inaccurate" />);
    const icon = container.querySelector(".fc-verdict-chip__icon");
    expect(icon?.getAttribute("aria-hidden")).toBe("true");
    expect(icon?.textContent).toBe("✗");
    expect(container.querySelector(".fc-verdict-chip__label")?.textContent).toBe("Inaccurate");
  });

  it("adds extra class names", () => {
    const { container } = render(<VerdictChip verdict="accurate" class="small" />);
    expect(container.querySelector(".fc-verdict-chip")?.className).toBe("fc-verdict-chip small");
  });
});

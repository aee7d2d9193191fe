import { render, screen } from "@testing-library/preact";
import { describe, expect, it, vi } from "vitest";
import { ClaimMarker } from "../../components/ClaimMarker";
import { claimById } from "../../lib/dataset";
import type { Claim } from "../../lib/schema";

const claim = claimById("meetings-count") as Claim;

describe("ClaimMarker", () => {
  it("is a button named by its verdict, with the contract's attributes, at its position", () => {
    const activate = vi.fn();
    render(
      <ClaimMarker
        claim={claim}
        position={{ left: 120, top: 300, lineHeight: 20 }}
        expanded={false}
        onActivate={activate}
        onHover={() => {}}
      />,
    );
    const marker = screen.getByRole("button", { name: /^Inaccurate claim: / });
    expect(marker.getAttribute("data-claim-id")).toBe("meetings-count");
    expect(marker.getAttribute("data-verdict")).toBe("inaccurate");
    expect(marker.style.left).toBe("120px");
    expect(marker.hidden).toBe(false);
    marker.click();
    expect(activate).toHaveBeenCalledWith("meetings-count");
  });

  it("stays in the DOM, hidden, while its claim's text is not rendered", () => {
    const { container } = render(
      <ClaimMarker claim={claim} position={null} expanded={false} onActivate={() => {}} onHover={() => {}} />,
    );
    const marker = container.querySelector('[data-claim-id="meetings-count"]') as HTMLButtonElement;
    expect(marker).not.toBeNull();
    expect(marker.hidden).toBe(true);
    expect(marker.style.left).toBe("");
  });
});

import { act, fireEvent, render, screen } from "@testing-library/preact";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { CopyButton, FEEDBACK_MS } from "../../components/CopyButton";
import { useComponentLifecycle } from "./lifecycle";

useComponentLifecycle();

describe("CopyButton", () => {
  it("copies the text computed at the click, says “Copied”, then reads as before", async () => {
    const copy = vi.fn(async () => {});
    let text = "first";
    render(<CopyButton label="Copy link to this claim" text={() => text} trustedOnly={false} copy={copy} />);
    text = "second";
    await userEvent.setup().click(screen.getByRole("button", { name: "Copy link to this claim" }));
    expect(copy).toHaveBeenCalledWith("second");
    expect(screen.getByRole("button", { name: "Copied" })).toBeTruthy();
    expect(screen.getByText("Copy link to this claim: copied").getAttribute("aria-live")).toBe("polite");
    await act(() => new Promise((resolve) => setTimeout(resolve, FEEDBACK_MS + 50)));
    expect(screen.getByRole("button", { name: "Copy link to this claim" })).toBeTruthy();
  });

  it("says when the clipboard refused", async () => {
    const copy = vi.fn(async () => {
      throw new Error("denied");
    });
    render(<CopyButton label="Copy ClaimReview" text={() => "{}"} trustedOnly={false} copy={copy} />);
    await userEvent.setup().click(screen.getByRole("button", { name: "Copy ClaimReview" }));
    expect(screen.getByRole("button", { name: "Could not copy" })).toBeTruthy();
  });

  it("ignores clicks the browser did not see the reader make (a page script's synthetic click)", async () => {
    const copy = vi.fn(async () => {});
    render(<CopyButton label="Copy ClaimReview" text={() => "{}"} copy={copy} />);
    const button = screen.getByRole("button", { name: "Copy ClaimReview" });
    fireEvent.click(button);
    button.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    await userEvent.setup().click(button);
    expect(copy).not.toHaveBeenCalled();
    expect(button.textContent).toBe("Copy ClaimReview");
  });
});

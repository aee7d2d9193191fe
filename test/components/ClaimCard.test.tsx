import { fireEvent, render, screen, within } from "@testing-library/preact";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { ClaimCard } from "../../components/ClaimCard";
import { claimRecord } from "../../lib/claim-record";
import { claimById, dataset } from "../../lib/dataset";
import type { Claim } from "../../lib/schema";
import { useComponentLifecycle } from "./lifecycle";

useComponentLifecycle();
beforeEach(() => {
  document.title = "North Korea vows to bolster military might";
});

const CLAIM = claimById("meetings-count") as Claim;

function renderCard() {
  const props = {
    onClose: vi.fn(),
    onLeave: vi.fn(),
    onHover: vi.fn(),
    onPin: vi.fn(),
    openReport: vi.fn(async () => null),
  };
  render(
    <ClaimCard
      record={claimRecord(dataset, CLAIM)}
      article={dataset.article}
      anchor={{ claimId: CLAIM.id, match: "exact", score: 1 }}
      left={0}
      top={0}
      takeFocus={false}
      {...props}
    />,
  );
  return { ...props, user: userEvent.setup(), dialog: screen.getByRole("dialog") };
}

const reportButton = () => screen.getByRole("button", { name: "Report a problem with this annotation" });

describe("ClaimCard reporting", () => {
  it("offers “Report a problem with this annotation” beside the details, and no form: nothing is typed in the page", () => {
    const { dialog } = renderCard();
    expect(within(dialog).getByRole("heading", { name: "What the record shows" })).toBeTruthy();
    expect(reportButton()).toBeTruthy();
    expect(within(dialog).queryByRole("form")).toBeNull();
    expect(dialog.querySelectorAll("input, textarea, select, [contenteditable]")).toHaveLength(0);
  });

  it("opens nothing on a click the page made up (an untrusted event), and sends no message", async () => {
    const sent: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener(async (message: unknown) => sent.push(message));
    const { openReport, onPin } = renderCard();
    // jsdom's events, like a page script's, are untrusted; the reader's own clicks are tested in Chromium.
    reportButton().click();
    fireEvent.click(reportButton());
    await userEvent.setup().click(reportButton());
    expect(openReport).not.toHaveBeenCalled();
    expect(onPin).not.toHaveBeenCalled();
    expect(sent).toEqual([]);
  });

  it("ignores a made-up Escape", () => {
    const { onClose, dialog } = renderCard();
    fireEvent.keyDown(dialog, { key: "Escape" });
    expect(onClose).not.toHaveBeenCalled();
  });

  it("is a non-modal dialog named by its heading, and ignores a made-up move of focus out of it", () => {
    const { onLeave, dialog } = renderCard();
    expect(dialog.getAttribute("aria-modal")).toBe("false");
    expect(screen.getByRole("dialog", { name: "Fact-check: Inaccurate" })).toBe(dialog);
    expect(within(dialog).getByRole("heading", { level: 2 }).id).toBe(dialog.getAttribute("aria-labelledby"));
    fireEvent.focusOut(dialog, { relatedTarget: document.body });
    expect(onLeave).not.toHaveBeenCalled();
  });
});

describe("ClaimCard copy actions", () => {
  it("offers “Copy link to this claim” and “Copy ClaimReview”, which ignore synthetic clicks", async () => {
    const { user, dialog } = renderCard();
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const link = within(dialog).getByRole("button", { name: "Copy link to this claim" });
    const review = within(dialog).getByRole("button", { name: "Copy ClaimReview" });
    // jsdom's events, like a page script's, are not trusted.
    await user.click(link);
    fireEvent.click(review);
    expect(writeText).not.toHaveBeenCalled();
  });
});

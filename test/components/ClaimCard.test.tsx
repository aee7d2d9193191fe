import { fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { ClaimCard } from "../../components/ClaimCard";
import { claimById } from "../../lib/dataset";
import type { Claim, ReportDraft } from "../../lib/schema";
import { useComponentLifecycle } from "./lifecycle";

useComponentLifecycle();
beforeEach(() => {
  document.title = "North Korea vows to bolster military might";
});

const CLAIM = claimById("meetings-count") as Claim;

function renderCard() {
  const props = { onClose: vi.fn(), onHover: vi.fn(), onPin: vi.fn() };
  render(
    <ClaimCard
      claim={CLAIM}
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
  it("“Report a problem with this annotation” opens the dispute form inside the card, in place of the details", async () => {
    const { user, onPin, dialog } = renderCard();
    expect(within(dialog).getByRole("heading", { name: "What the record shows" })).toBeTruthy();
    await user.click(reportButton());
    expect(onPin).toHaveBeenCalledOnce();
    const form = within(dialog).getByRole("form", { name: "Report a problem with this annotation" });
    expect(document.activeElement).toBe(within(form).getByRole("heading"));
    expect(within(dialog).queryByRole("heading", { name: "What the record shows" })).toBeNull();
    // The claim's quote stays in view.
    expect(within(dialog).getByText(`“${CLAIM.selector.exact}”`)).toBeTruthy();
  });

  it("sends the draft to the background as a runtime message, with this page's title and address", async () => {
    const sent: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener(async (message: unknown) => {
      sent.push(message);
      const { draft } = message as { draft: ReportDraft };
      return {
        ok: true,
        report: { id: crypto.randomUUID(), createdAt: new Date().toISOString(), draft, state: "local", attempts: 0 },
      };
    });
    const { user } = renderCard();
    await user.click(reportButton());
    await user.type(screen.getByRole("textbox", { name: "Comment" }), "There were three.");
    await user.click(screen.getByRole("button", { name: /Send/ }));
    expect((await screen.findByRole("status")).textContent).toContain("Kept on this device");
    expect(sent).toEqual([
      {
        type: "submit-report",
        draft: {
          kind: "dispute",
          claimId: CLAIM.id,
          reason: "wrong-verdict",
          comment: "There were three.",
          page: { title: document.title, url: location.href },
        },
      },
    ]);
  });

  it("Esc inside the form closes the card", async () => {
    const { user, onClose } = renderCard();
    await user.click(reportButton());
    const comment = screen.getByRole("textbox", { name: "Comment" });
    await user.type(comment, "abc");
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.keyDown(comment, { key: "Escape" });
    expect(onClose).toHaveBeenCalledOnce();
  });

  it("keys typed in the form do not reach the page's own shortcuts", async () => {
    const { user } = renderCard();
    const pageShortcut = vi.fn();
    document.body.addEventListener("keydown", pageShortcut);
    await user.click(reportButton());
    await user.type(screen.getByRole("textbox", { name: "Comment" }), "jk");
    document.body.removeEventListener("keydown", pageShortcut);
    expect(pageShortcut).not.toHaveBeenCalled();
  });

  it("Cancel goes back to the details and to the Report button", async () => {
    const { user, onClose } = renderCard();
    await user.click(reportButton());
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("form")).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(reportButton()));
    expect(onClose).not.toHaveBeenCalled();
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

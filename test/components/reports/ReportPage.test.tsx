import { render, screen, waitFor } from "@testing-library/preact";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ReportPage } from "../../components/ReportPage";
import { getReports } from "../../lib/reports";
import type { CapturedSelection } from "../../lib/schema";
import { pendingSelectionItem } from "../../lib/storage";
import { fakeBackground } from "./fake-background";
import { useComponentLifecycle } from "./lifecycle";

useComponentLifecycle();

const ID = "0f8c3a1e-2b4d-4e6f-8a9b-1c2d3e4f5a6b";
const SELECTION: CapturedSelection = {
  selector: { type: "TextQuoteSelector", exact: "Trump and Kim met four times", prefix: "In all, ", suffix: " since" },
  page: { title: "Some forum thread", url: "https://forum.example.net/t/42" },
};

describe("ReportPage", () => {
  it("shows the new-claim form with the selection taken from the background's stash", async () => {
    await pendingSelectionItem(ID).setValue(SELECTION);
    render(<ReportPage search={`?selection=${ID}&tabId=5`} close={vi.fn()} />);
    expect(await screen.findByRole("heading", { level: 1, name: "Report a claim for fact-checking" })).toBeTruthy();
    expect(screen.getByText(`“${SELECTION.selector.exact}”`)).toBeTruthy();
    expect((screen.getByRole("checkbox", { name: "Include page address" }) as HTMLInputElement).checked).toBe(true);
    // Taken once: the stash is emptied.
    expect(await pendingSelectionItem(ID).getValue()).toBeNull();
  });

  it("sends the report through the background and says it is kept on this device; Close closes the window", async () => {
    fakeBackground();
    await pendingSelectionItem(ID).setValue(SELECTION);
    const close = vi.fn();
    const user = userEvent.setup();
    render(<ReportPage search={`?selection=${ID}&tabId=5`} close={close} />);
    await user.type(await screen.findByRole("textbox", { name: "Comment" }), "They met three times.");
    await user.click(screen.getByRole("checkbox", { name: "Include page address" }));
    await user.click(screen.getByRole("button", { name: /Send/ }));
    expect((await screen.findByRole("status")).textContent).toContain("Kept on this device.");
    const [report] = await getReports();
    expect(report.draft).toEqual({
      kind: "new-claim",
      selector: SELECTION.selector,
      reason: "other",
      comment: "They met three times.",
      page: { title: SELECTION.page.title },
    });
    await user.click(screen.getByRole("button", { name: "Close" }));
    expect(close).toHaveBeenCalledOnce();
  });

  it.each([
    ["no selection parameter", "?tabId=5"],
    ["a selection that was never stashed (or already taken)", `?selection=${ID}&tabId=5`],
  ])("explains that no text was selected with %s", async (_, search) => {
    const close = vi.fn();
    render(<ReportPage search={search} close={close} />);
    expect(await screen.findByText(/No text was selected, so there is nothing to report\./)).toBeTruthy();
    expect(screen.queryByRole("textbox", { name: "Comment" })).toBeNull();
    await userEvent.setup().click(screen.getByRole("button", { name: "Close window" }));
    expect(close).toHaveBeenCalledOnce();
  });

  it("treats a corrupt stash as no selection", async () => {
    await pendingSelectionItem(ID).setValue({ selector: "nonsense" });
    render(<ReportPage search={`?selection=${ID}`} close={vi.fn()} />);
    await waitFor(() => expect(screen.getByText(/No text was selected/)).toBeTruthy());
  });
});

import { render, screen, within } from "@testing-library/preact";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { SelectionReport } from "../../../components/reports/SelectionReport";
import type { CapturedSelection } from "../../../lib/reports/schema";
import { answeringBackground } from "../fake-background";
import { useComponentLifecycle } from "../lifecycle";

useComponentLifecycle();

const SELECTION: CapturedSelection = {
  selector: { type: "TextQuoteSelector", exact: "sanctions were eased in 2019", prefix: "", suffix: "" },
  page: { title: "A blog", url: "https://blog.example.org/p/1" },
};

const button = () => screen.getByRole("button", { name: "Report selected text" });

describe("SelectionReport", () => {
  it("asks the background to capture the tab's selection and shows the new-claim form with that text", async () => {
    const received = answeringBackground((message) =>
      (message as { type: string }).type === "capture-selection" ? SELECTION : undefined,
    );
    const user = userEvent.setup();
    render(<SelectionReport tabId={12} />);
    await user.click(button());
    expect(received).toEqual([{ type: "capture-selection", tabId: 12 }]);
    const form = await screen.findByRole("form", { name: "Report a claim for fact-checking" });
    expect(within(form).getByText(`“${SELECTION.selector.exact}”`, { selector: "blockquote" })).toBeTruthy();
    expect(button().getAttribute("aria-expanded")).toBe("true");

    await user.click(within(form).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("form")).toBeNull();
    expect(document.activeElement).toBe(button());
  });

  it("says to select the text first when nothing is selected", async () => {
    answeringBackground(() => null);
    const user = userEvent.setup();
    render(<SelectionReport tabId={12} />);
    await user.click(button());
    const note = await screen.findByText("Select the text of the claim on the page first.");
    expect(note.getAttribute("aria-live")).toBe("polite");
    expect(screen.queryByRole("form")).toBeNull();
  });

  it("says so when the background cannot be reached", async () => {
    // No listener: sending fails.
    const user = userEvent.setup();
    render(<SelectionReport tabId={12} />);
    await user.click(button());
    expect(await screen.findByText(/could not be read/)).toBeTruthy();
  });
});

import { render, screen, waitFor } from "@testing-library/preact";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { ReportPage } from "../../../components/reports/ReportPage";
import { claimById } from "../../../lib/dataset";
import { getReports } from "../../../lib/reports/outbox";
import type { CapturedSelection, ReportSubject } from "../../../lib/reports/schema";
import { fakeBackground } from "../fake-background";
import { useComponentLifecycle } from "../lifecycle";

useComponentLifecycle();

const ID = "0f8c3a1e-2b4d-4e6f-8a9b-1c2d3e4f5a6b";
const SELECTION: CapturedSelection = {
  selector: { type: "TextQuoteSelector", exact: "Trump and Kim met four times", prefix: "In all, ", suffix: " since" },
  page: { title: "Some forum thread", url: "https://forum.example.net/t/42" },
};
const DISPUTE: ReportSubject = {
  kind: "dispute",
  claimId: "meetings-count",
  page: { title: "North Korea vows", url: "https://news.example/nk?ref=home" },
};

/** Stashes `subject` as the background does before opening the window. */
const stash = (subject: unknown) => fakeBrowser.storage.session.set({ [`report-subject:${ID}`]: subject });

describe("ReportPage", () => {
  it("shows the new-claim form for the stashed selection, address unticked, and takes the stash once", async () => {
    await stash({ kind: "new-claim", selection: SELECTION });
    render(<ReportPage search={`?subject=${ID}`} close={vi.fn()} />);
    expect(await screen.findByRole("heading", { level: 1, name: "Report a claim for fact-checking" })).toBeTruthy();
    expect(screen.getByText(`“${SELECTION.selector.exact}”`, { selector: "blockquote" })).toBeTruthy();
    expect((screen.getByRole("checkbox", { name: "Include page address" }) as HTMLInputElement).checked).toBe(false);
    expect(await fakeBrowser.storage.session.get()).toEqual({});
  });

  it("shows the dispute form for the stashed claim", async () => {
    await stash(DISPUTE);
    render(<ReportPage search={`?subject=${ID}`} close={vi.fn()} />);
    expect(
      await screen.findByRole("heading", { level: 1, name: "Report a problem with this annotation" }),
    ).toBeTruthy();
    const quote = claimById("meetings-count")?.selector.exact;
    expect(screen.getByText(`“${quote}”`, { selector: "blockquote" })).toBeTruthy();
  });

  it("sends the report through the background and says it is kept on this device; Close closes the window", async () => {
    fakeBackground();
    await stash(DISPUTE);
    const close = vi.fn();
    const user = userEvent.setup();
    render(<ReportPage search={`?subject=${ID}`} close={close} />);
    await user.type(await screen.findByRole("textbox", { name: "Comment" }), "They met three times.");
    await user.click(screen.getByRole("checkbox", { name: "Include page address" }));
    await user.click(screen.getByRole("button", { name: /Send/ }));
    expect((await screen.findByRole("status")).textContent).toContain("Kept on this device.");
    const [report] = await getReports();
    expect(report.draft).toEqual({
      kind: "dispute",
      claimId: "meetings-count",
      reason: "wrong-verdict",
      comment: "They met three times.",
      page: { title: DISPUTE.page.title, url: "https://news.example/nk" },
    });
    await user.click(screen.getByRole("button", { name: "Close" }));
    expect(close).toHaveBeenCalledOnce();
  });

  it.each([
    ["no subject parameter", ""],
    ["a subject that was never stashed (or already taken)", `?subject=${ID}`],
  ])("explains that there is nothing to report with %s", async (_, search) => {
    const close = vi.fn();
    render(<ReportPage search={search} close={close} />);
    expect(await screen.findByText(/There is nothing to report/)).toBeTruthy();
    expect(screen.queryByRole("textbox", { name: "Comment" })).toBeNull();
    await userEvent.setup().click(screen.getByRole("button", { name: "Close window" }));
    expect(close).toHaveBeenCalledOnce();
  });

  it("treats a corrupt stash as nothing to report", async () => {
    await stash({ kind: "new-claim", selection: { selector: "nonsense" } });
    render(<ReportPage search={`?subject=${ID}`} close={vi.fn()} />);
    await waitFor(() => expect(screen.getByText(/There is nothing to report/)).toBeTruthy());
  });
});

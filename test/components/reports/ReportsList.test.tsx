import { render, screen, waitFor, within } from "@testing-library/preact";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { browser } from "wxt/browser";
import { exportFileName, ReportsList, reportStateText } from "../../../components/reports/ReportsList";
import { claimById } from "../../../lib/dataset";
import { getReports, setEndpoint } from "../../../lib/reports/outbox";
import type { Report } from "../../../lib/reports/schema";
import { defineTrustedItem } from "../../../lib/trusted-storage";

/** The outbox's entries in trusted storage, written as another context would. */
const reportsItem = defineTrustedItem<unknown>("reports", []);

import { answeringBackground, fakeBackground } from "../fake-background";
import { useComponentLifecycle } from "../lifecycle";

useComponentLifecycle();

const PAGE = { title: "North Korea vows", url: "https://news.example.com/nk" };
const SELECTED = "the sanctions were lifted in 2019";

/** One report of each state, oldest first: kept, queued (after a failure), sent, failed. */
const REPORTS: Report[] = [
  {
    id: "00000000-0000-4000-8000-000000000001",
    createdAt: "2026-01-01T09:00:00.000Z",
    draft: { kind: "dispute", claimId: "meetings-count", reason: "wrong-verdict", comment: "Three.", page: PAGE },
    state: "local",
    attempts: 0,
  },
  {
    id: "00000000-0000-4000-8000-000000000002",
    createdAt: "2026-01-02T09:00:00.000Z",
    draft: {
      kind: "new-claim",
      selector: { type: "TextQuoteSelector", exact: SELECTED, prefix: "", suffix: "" },
      reason: "other",
      comment: "Is this true?",
      page: { title: "A blog" },
    },
    state: "queued",
    attempts: 2,
    nextAttemptAt: Date.now() + 60_000,
    lastError: "503 Service Unavailable",
  },
  {
    id: "00000000-0000-4000-8000-000000000003",
    createdAt: "2026-01-03T09:00:00.000Z",
    draft: { kind: "dispute", claimId: "test-site", reason: "outdated", comment: "", page: PAGE },
    state: "sent",
    attempts: 1,
    sentAt: "2026-01-03T09:00:05.000Z",
  },
  {
    id: "00000000-0000-4000-8000-000000000004",
    createdAt: "2026-01-04T09:00:00.000Z",
    draft: { kind: "dispute", claimId: "friday", reason: "source-broken", comment: "", page: PAGE },
    state: "failed",
    attempts: 1,
    lastError: "422 Unprocessable Entity: comment rejected",
  },
];

const section = () => screen.getByRole("region", { name: "Your reports" });
const item = (id: string) => {
  const found = document.querySelector<HTMLElement>(`[data-report-id="${id}"]`);
  if (!found) throw new Error(`no report ${id} in the list`);
  return found;
};

async function renderList(reports: Report[] = REPORTS) {
  await reportsItem.setValue(reports);
  render(<ReportsList />);
  await waitFor(() => expect(within(section()).queryByText("Reading your reports…")).toBeNull());
  return userEvent.setup();
}

describe("ReportsList", () => {
  it("lists every report, newest first, with its state in words, what it is about and its date", async () => {
    await renderList();
    const items = within(section()).getAllByRole("listitem");
    expect(items.map((entry) => entry.getAttribute("data-report-id"))).toEqual(
      [...REPORTS].reverse().map((report) => report.id),
    );
    const text = (id: string) => item(id).textContent ?? "";
    expect(text(REPORTS[0].id)).toContain("Kept on this device");
    expect(text(REPORTS[0].id)).toContain(claimById("meetings-count")?.selector.exact);
    expect(text(REPORTS[1].id)).toContain("Queued, retrying");
    expect(text(REPORTS[1].id)).toContain("2 attempts so far; last: 503 Service Unavailable");
    expect(text(REPORTS[1].id)).toContain(`New claim: ${SELECTED}`);
    expect(text(REPORTS[2].id)).toContain("Sent");
    expect(text(REPORTS[3].id)).toContain("Failed: 422 Unprocessable Entity: comment rejected");
    for (const report of REPORTS)
      expect(item(report.id).querySelector("time")?.getAttribute("datetime")).toBe(report.createdAt);
  });

  it("offers Retry for kept, queued and failed reports, not for sent ones; every report can be deleted", async () => {
    await renderList();
    for (const report of REPORTS) {
      const retry = within(item(report.id)).queryByRole("button", { name: "Retry" });
      expect(retry === null, report.state).toBe(report.state === "sent");
      expect(within(item(report.id)).getByRole("button", { name: "Delete" })).toBeTruthy();
    }
  });

  it("Retry asks the background to retry that report", async () => {
    const received = answeringBackground(() => ({ ...REPORTS[3], state: "queued" }));
    const user = await renderList();
    await user.click(within(item(REPORTS[3].id)).getByRole("button", { name: "Retry" }));
    expect(received).toEqual([{ type: "retry-report", id: REPORTS[3].id }]);
  });

  it("Retry of a kept report without an endpoint says that it stays on this device", async () => {
    fakeBackground();
    const user = await renderList();
    await user.click(within(item(REPORTS[0].id)).getByRole("button", { name: "Retry" }));
    expect(
      await within(item(REPORTS[0].id)).findByText("No report endpoint is set, so it stays on this device."),
    ).toBeTruthy();
  });

  it("Delete asks first, inline; No keeps the report, Yes deletes it and the list follows", async () => {
    const received = fakeBackground();
    const user = await renderList();
    const entry = item(REPORTS[1].id);
    await user.click(within(entry).getByRole("button", { name: "Delete" }));
    const question = within(entry).getByRole("group", { name: "Delete this report?" });
    expect(document.activeElement).toBe(within(question).getByRole("button", { name: "No" }));
    await user.click(within(question).getByRole("button", { name: "No" }));
    expect(within(entry).queryByRole("group")).toBeNull();
    expect(received).toEqual([]);
    await waitFor(() => expect(document.activeElement).toBe(within(entry).getByRole("button", { name: "Delete" })));

    await user.click(within(entry).getByRole("button", { name: "Delete" }));
    await user.click(within(entry).getByRole("button", { name: "Yes" }));
    expect(received).toEqual([{ type: "delete-report", id: REPORTS[1].id }]);
    await waitFor(() => expect(document.querySelector(`[data-report-id="${REPORTS[1].id}"]`)).toBeNull());
    expect((await getReports()).map((report) => report.id)).not.toContain(REPORTS[1].id);
    expect(within(section()).getAllByRole("listitem")).toHaveLength(3);
  });

  it("follows the outbox live: a new report appears, a changed state shows", async () => {
    await renderList(REPORTS.slice(0, 1));
    expect(within(section()).getAllByRole("listitem")).toHaveLength(1);
    await reportsItem.setValue([{ ...REPORTS[0], state: "sent", attempts: 1 }, REPORTS[1]]);
    await waitFor(() => expect(within(section()).getAllByRole("listitem")).toHaveLength(2));
    expect(item(REPORTS[0].id).textContent).toContain("Sent");
  });

  it("says when there is no report yet", async () => {
    await renderList([]);
    expect(within(section()).getByText("You have not reported anything yet.")).toBeTruthy();
    expect(within(section()).queryByRole("button", { name: "Export all (JSON)" })).toBeNull();
  });

  it("says plainly that reports stay on this device without an endpoint, with a link to the options", async () => {
    const openOptions = vi.spyOn(browser.runtime, "openOptionsPage").mockResolvedValue(undefined);
    const user = await renderList();
    await within(section()).findByText(/Reports are kept on this device; no report endpoint is set\./);
    await user.click(within(section()).getByRole("link", { name: "Set a report endpoint" }));
    expect(openOptions).toHaveBeenCalledOnce();
  });

  it("names the endpoint when one is set, and follows changes to it", async () => {
    await setEndpoint("https://desk.example.org/reports");
    await renderList();
    await within(section()).findByText("https://desk.example.org/reports");
    expect(section().textContent).toContain("Reports are sent to https://desk.example.org/reports");
    await setEndpoint(null);
    await within(section()).findByText(/no report endpoint is set/);
  });

  it("Export all (JSON) downloads a W3C Web Annotation collection of every report through a Blob URL", async () => {
    const blobs: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return "blob:chrome-extension://test/1";
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const user = await renderList();
    await user.click(within(section()).getByRole("button", { name: "Export all (JSON)" }));

    expect(clicked).toHaveLength(1);
    expect(clicked[0].href).toBe("blob:chrome-extension://test/1");
    expect(clicked[0].download).toBe(exportFileName());
    expect(clicked[0].download).toMatch(/^fact-check-reports-\d{4}-\d{2}-\d{2}\.json$/);
    expect(clicked[0].isConnected).toBe(false);
    const collection = JSON.parse(await blobs[0].text());
    expect(collection).toMatchObject({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      type: "AnnotationCollection",
      total: 4,
    });
    const items = collection.first.items as { id: string; motivation: string; target: Record<string, unknown> }[];
    expect(items.map((annotation) => annotation.id).sort()).toEqual(REPORTS.map((report) => `urn:uuid:${report.id}`));
    expect(items.every((annotation) => annotation.motivation === "questioning")).toBe(true);
    const newClaim = items.find((annotation) => annotation.id === `urn:uuid:${REPORTS[1].id}`);
    expect(newClaim?.target).toMatchObject({ title: "A blog", selector: { exact: SELECTED } });
    expect(newClaim?.target).not.toHaveProperty("source");
  });
});

describe("reportStateText", () => {
  it("words a failed report without a message", () => {
    expect(reportStateText({ ...REPORTS[3], lastError: undefined })).toBe("Failed: the fact-check desk refused it");
  });
});

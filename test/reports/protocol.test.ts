/**
 * The background's side of reporting (lib/background/reports.ts):
 * submissions answered with a receipt (errors by field, nothing stored),
 * the routing of the pages' messages, and the context menu item that opens
 * the report page for a selected text.
 */
import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import {
  createReportMenu,
  handlePageMessage,
  REPORT_MENU_ITEM,
  reportSelectionFromMenu,
  submitDraft,
} from "../../lib/background/reports";
import { describeSelection } from "../../lib/background/selection";
import { getReports, retryReport, setEndpoint } from "../../lib/reports";
import { type CapturedSelection, type ReportDraft, ReportReceipt } from "../../lib/schema";
import { takePendingSelection } from "../../lib/storage";

const NOW = Date.parse("2025-03-01T10:00:00.000Z");

const DRAFT: ReportDraft = {
  kind: "dispute",
  claimId: "friday",
  reason: "wrong-verdict",
  comment: "It was a Saturday in Pyongyang.",
  page: { title: "North Korea vows to bolster military might", url: "https://news.example/world/nk" },
};

const SELECTION: CapturedSelection = {
  selector: { type: "TextQuoteSelector", exact: "three summits", prefix: "Trump and Kim held ", suffix: " since 2018" },
  page: { title: "Another outlet", url: "https://other.example/story" },
};

let fetchMock: Mock<typeof fetch>;

/** Stubs `scripting.executeScript` to answer as the injected `describeSelection` would. */
function stubInjection(result: unknown) {
  return vi
    .spyOn(fakeBrowser.scripting, "executeScript")
    .mockResolvedValue([{ frameId: 0, result, documentId: "doc" }] as never);
}

/** Waits until the outbox's queued tasks (the send started by a submission) are done. */
async function outboxIdle(): Promise<void> {
  await retryReport("00000000-0000-4000-8000-000000000000");
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  vi.useFakeTimers({ now: NOW });
  fetchMock = vi.fn<typeof fetch>(async () => new Response(null, { status: 201 }));
  vi.stubGlobal("fetch", fetchMock);
});

afterEach(async () => {
  await outboxIdle();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("submitDraft", () => {
  it("stores a valid draft and answers with the stored report", async () => {
    const receipt = await submitDraft(DRAFT);
    expect(ReportReceipt.parse(receipt)).toEqual(receipt);
    expect(receipt).toEqual({ ok: true, report: expect.objectContaining({ draft: DRAFT, state: "local" }) });
    expect(await getReports()).toEqual([receipt.ok && receipt.report]);
  });

  it("answers with the report queued when an endpoint is configured", async () => {
    await setEndpoint("https://desk.example/reports");
    const receipt = await submitDraft(DRAFT);
    expect(receipt).toMatchObject({ ok: true, report: { state: "queued", attempts: 0 } });
    await outboxIdle();
    expect(fetchMock).toHaveBeenCalledOnce();
  });

  it.each<[string, unknown, Record<string, string | RegExp>]>([
    ['"other" without a comment', { ...DRAFT, reason: "other", comment: "" }, { comment: /required for "other"/ }],
    ["a comment over 2000 characters", { ...DRAFT, comment: "x".repeat(2001) }, { comment: /at most 2000/ }],
    ["a bad email", { ...DRAFT, email: "reader@@mail" }, { email: /not a valid email/ }],
    ["a claim id that is not a slug", { ...DRAFT, claimId: "../friday" }, { claimId: /slug/ }],
    ["no page title", { ...DRAFT, page: {} }, { "page.title": /./ }],
    ["an unknown kind", { ...DRAFT, kind: "praise" }, { kind: /./ }],
    ["not an object", "garbage", { draft: /./ }],
    [
      "several mistakes",
      { ...DRAFT, reason: "other", comment: "", email: "nope" },
      { email: /not a valid email/, comment: /required for "other"/ },
    ],
  ])("answers the errors by field for %s and stores nothing", async (_, draft, expected) => {
    await setEndpoint("https://desk.example/reports");
    const receipt = await submitDraft(draft);
    expect(ReportReceipt.parse(receipt)).toEqual(receipt);
    if (receipt.ok) throw new Error("accepted an invalid draft");
    expect(Object.keys(receipt.errors).sort()).toEqual(Object.keys(expected).sort());
    for (const [field, message] of Object.entries(expected)) expect(receipt.errors[field]).toMatch(message);
    await outboxIdle();
    expect(await fakeBrowser.storage.local.get("reports")).toEqual({});
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("passes on errors that are not about the draft (storage failing)", async () => {
    vi.spyOn(fakeBrowser.storage.local, "set").mockRejectedValue(new Error("QUOTA_BYTES quota exceeded"));
    await expect(submitDraft(DRAFT)).rejects.toThrow("QUOTA_BYTES");
  });
});

describe("handlePageMessage", () => {
  it("submit-report stores the draft and answers with a receipt", async () => {
    const receipt = await handlePageMessage({ type: "submit-report", draft: DRAFT });
    expect(receipt).toMatchObject({ ok: true, report: { draft: DRAFT } });
    expect(await getReports()).toHaveLength(1);
    expect(await handlePageMessage({ type: "submit-report", draft: { ...DRAFT, email: "x" } })).toEqual({
      ok: false,
      errors: { email: "not a valid email address" },
    });
    expect(await getReports()).toHaveLength(1);
  });

  it("retry-report queues the report again once there is an endpoint", async () => {
    const receipt = await submitDraft(DRAFT);
    if (!receipt.ok) throw new Error("draft rejected");
    expect(await handlePageMessage({ type: "retry-report", id: receipt.report.id })).toMatchObject({ state: "local" });
    await setEndpoint("https://desk.example/reports");
    expect(await handlePageMessage({ type: "retry-report", id: receipt.report.id })).toMatchObject({
      id: receipt.report.id,
      state: "queued",
    });
    await outboxIdle();
    expect(await getReports()).toMatchObject([{ id: receipt.report.id, state: "sent" }]);
  });

  it("delete-report removes the report", async () => {
    const first = await submitDraft(DRAFT);
    const second = await submitDraft({ ...DRAFT, reason: "outdated" });
    if (!first.ok || !second.ok) throw new Error("draft rejected");
    await handlePageMessage({ type: "delete-report", id: first.report.id });
    expect((await getReports()).map((report) => report.id)).toEqual([second.report.id]);
  });

  it("capture-selection answers with the selection in that tab", async () => {
    const execute = stubInjection(SELECTION);
    expect(await handlePageMessage({ type: "capture-selection", tabId: 12 })).toEqual(SELECTION);
    expect(execute).toHaveBeenCalledExactlyOnceWith({
      target: { tabId: 12, frameIds: [0] },
      func: describeSelection,
      args: [32],
    });
  });

  it("capture-selection answers null when nothing is selected", async () => {
    stubInjection(null);
    expect(await handlePageMessage({ type: "capture-selection", tabId: 12 })).toBeNull();
  });
});

describe("the context menu", () => {
  it('adds "Report claim for fact-checking" for selected text', () => {
    const create = vi.spyOn(fakeBrowser.contextMenus, "create").mockImplementation(() => 0 as never);
    createReportMenu();
    expect(create).toHaveBeenCalledExactlyOnceWith({
      id: REPORT_MENU_ITEM,
      title: "Report claim for fact-checking",
      contexts: ["selection"],
    });
  });
});

describe("reportSelectionFromMenu", () => {
  /** The report page's address opened by the one `windows.create` call, and the call's options. */
  function openedWindow(create: ReturnType<typeof vi.spyOn>) {
    expect(create).toHaveBeenCalledOnce();
    const options = create.mock.calls[0][0] as { url: string; type: string; width: number; height: number };
    return { options, url: new URL(options.url) };
  }

  it("captures the selection, stashes it, and opens the report page for it in a popup window", async () => {
    const execute = stubInjection(SELECTION);
    const create = vi.spyOn(fakeBrowser.windows, "create");
    await reportSelectionFromMenu(7);

    expect(execute).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ target: { tabId: 7, frameIds: [0] } }));
    const { options, url } = openedWindow(create);
    expect(options).toMatchObject({ type: "popup", width: expect.any(Number), height: expect.any(Number) });
    expect(`${url.protocol}//${url.host}${url.pathname}`).toBe(
      `chrome-extension://${fakeBrowser.runtime.id}/report.html`,
    );
    expect(url.searchParams.get("tabId")).toBe("7");
    const id = url.searchParams.get("selection") ?? "";
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    expect(await fakeBrowser.storage.session.get(`report-selection:${id}`)).toEqual({
      [`report-selection:${id}`]: SELECTION,
    });
    expect(await takePendingSelection(id)).toEqual(SELECTION);
    expect(await takePendingSelection(id)).toBeNull();
  });

  it("gives each use its own stash", async () => {
    stubInjection(SELECTION);
    const create = vi.spyOn(fakeBrowser.windows, "create");
    await reportSelectionFromMenu(7);
    await reportSelectionFromMenu(7);
    const ids = create.mock.calls.map(([options]) => new URL(String(options?.url)).searchParams.get("selection"));
    expect(new Set(ids).size).toBe(2);
  });

  it("still opens the report page, with nothing stashed, when the tab cannot be read", async () => {
    vi.spyOn(fakeBrowser.scripting, "executeScript").mockRejectedValue(new Error("Cannot access a chrome:// URL"));
    const create = vi.spyOn(fakeBrowser.windows, "create");
    await reportSelectionFromMenu(3);
    const { url } = openedWindow(create);
    expect(await takePendingSelection(url.searchParams.get("selection") ?? "")).toBeNull();
    expect(await fakeBrowser.storage.session.get()).toEqual({});
  });

  it("does nothing without a tab", async () => {
    const execute = stubInjection(SELECTION);
    const create = vi.spyOn(fakeBrowser.windows, "create");
    await reportSelectionFromMenu(undefined);
    expect(execute).not.toHaveBeenCalled();
    expect(create).not.toHaveBeenCalled();
  });
});

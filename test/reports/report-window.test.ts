/**
 * The report window (lib/reports/report-window.ts): the context menu item,
 * and the window opened for a selected text, with its subject stashed in
 * session storage (trusted contexts only) and taken once.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import {
  createReportMenu,
  openReportWindow,
  REPORT_MENU_ITEM,
  reportSelectionFromMenu,
  takeReportSubject,
} from "../../lib/reports/report-window";
import type { CapturedSelection, ReportSubject } from "../../lib/reports/schema";

const SELECTION: CapturedSelection = {
  selector: { type: "TextQuoteSelector", exact: "three summits", prefix: "Trump and Kim held ", suffix: " since 2018" },
  page: { title: "Another outlet", url: "https://other.example/story" },
};

/** Stubs `scripting.executeScript` to answer as the injected `describeSelection` would. */
function stubInjection(result: unknown) {
  return vi
    .spyOn(fakeBrowser.scripting, "executeScript")
    .mockResolvedValue([{ frameId: 0, result, documentId: "doc" }] as never);
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});
afterEach(() => vi.restoreAllMocks());

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

  it("captures the selection, stashes it, and opens the report window for it in a popup window", async () => {
    const execute = stubInjection(SELECTION);
    const create = vi.spyOn(fakeBrowser.windows, "create");
    await reportSelectionFromMenu(7, 2);

    // In the frame the menu was opened in: the article may sit in an iframe.
    expect(execute).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ target: { tabId: 7, frameIds: [2] } }));
    const { options, url } = openedWindow(create);
    expect(options).toMatchObject({ type: "popup", width: expect.any(Number), height: expect.any(Number) });
    expect(`${url.protocol}//${url.host}${url.pathname}`).toBe(
      `chrome-extension://${fakeBrowser.runtime.id}/report.html`,
    );
    const id = url.searchParams.get("subject") ?? "";
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    expect(await fakeBrowser.storage.session.get(`report-subject:${id}`)).toEqual({
      [`report-subject:${id}`]: { kind: "new-claim", selection: SELECTION },
    });
    expect(await fakeBrowser.storage.local.get()).toEqual({});
    expect(await takeReportSubject(id)).toEqual({ kind: "new-claim", selection: SELECTION });
    expect(await takeReportSubject(id)).toBeNull();
  });

  it("gives each use its own stash", async () => {
    stubInjection(SELECTION);
    const create = vi.spyOn(fakeBrowser.windows, "create");
    await reportSelectionFromMenu(7);
    await reportSelectionFromMenu(7);
    const ids = create.mock.calls.map(([options]) => new URL(String(options?.url)).searchParams.get("subject"));
    expect(new Set(ids).size).toBe(2);
  });

  it("still opens the report page, with nothing stashed, when the tab cannot be read", async () => {
    vi.spyOn(fakeBrowser.scripting, "executeScript").mockRejectedValue(new Error("Cannot access a chrome:// URL"));
    const create = vi.spyOn(fakeBrowser.windows, "create");
    await reportSelectionFromMenu(3);
    const { url } = openedWindow(create);
    expect(await takeReportSubject(url.searchParams.get("subject") ?? "")).toBeNull();
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

describe("openReportWindow", () => {
  const DISPUTE: ReportSubject = {
    kind: "dispute",
    claimId: "friday",
    page: { title: "North Korea vows", url: "https://news.example/nk?id=1" },
  };

  it("stashes a dispute and opens the window for it", async () => {
    const create = vi.spyOn(fakeBrowser.windows, "create");
    await openReportWindow(DISPUTE);
    const id = new URL(String(create.mock.calls[0][0]?.url)).searchParams.get("subject") ?? "";
    expect(await takeReportSubject(id)).toEqual(DISPUTE);
  });

  it("refuses to stash a subject that is not one (nothing opened)", async () => {
    const create = vi.spyOn(fakeBrowser.windows, "create");
    await expect(openReportWindow({ ...DISPUTE, claimId: "Not A Slug" })).rejects.toThrow();
    expect(create).not.toHaveBeenCalled();
  });
});

describe("takeReportSubject", () => {
  it.each([
    ["garbage"],
    [42],
    [{}],
    [{ kind: "new-claim", selection: { ...SELECTION, selector: { ...SELECTION.selector, exact: "" } } }],
    [{ kind: "dispute", claimId: "friday" }],
    [{ kind: "new-claim", selection: SELECTION, extra: true }],
  ])("is null when %j is stashed, and removes it", async (value) => {
    await fakeBrowser.storage.session.set({ "report-subject:c3": value });
    expect(await takeReportSubject("c3")).toBeNull();
    expect(await fakeBrowser.storage.session.get()).toEqual({});
  });

  it("is null for an id never stashed", async () => {
    expect(await takeReportSubject("nothing-here")).toBeNull();
  });
});

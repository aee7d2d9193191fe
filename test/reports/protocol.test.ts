/**
 * The protocol for asking the background about reports
 * (lib/reports/protocol.ts): who may ask what (pages everything, content
 * scripts only to open the report window), submissions answered with a
 * receipt (errors by field, nothing stored), and the answers to each request.
 */
import { IDBObjectStore } from "fake-indexeddb";
import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import type { MessageSender } from "../../lib/messaging";
import { getReports, retryReport, setEndpoint } from "../../lib/reports/outbox";
import {
  type AcceptedReportRequest,
  acceptReportRequest,
  handleReportRequest,
  submitDraft,
} from "../../lib/reports/protocol";
import { takeReportSubject } from "../../lib/reports/report-window";
import { type CapturedSelection, type ReportDraft, ReportReceipt } from "../../lib/reports/schema";
import { describeSelection } from "../../lib/reports/selection";

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
  // IndexedDB (fake-indexeddb) schedules with setImmediate: leave that real.
  vi.useFakeTimers({ now: NOW, toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"] });
  fetchMock = vi.fn<typeof fetch>(async () => new Response(null, { status: 201 }));
  vi.stubGlobal("fetch", fetchMock);
});

afterEach(async () => {
  await outboxIdle();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Answers `request` as the background does for one of the extension's pages. */
const fromPage = (request: Extract<AcceptedReportRequest, { from: "page" }>["request"]) =>
  handleReportRequest({ request, from: "page" });

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
    expect(await getReports()).toEqual([]);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("passes on errors that are not about the draft (storage failing)", async () => {
    vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(() => {
      throw new DOMException("quota exceeded", "QuotaExceededError");
    });
    await expect(submitDraft(DRAFT)).rejects.toThrow("quota exceeded");
  });
});

describe("handleReportRequest from a page", () => {
  it("submit-report stores the draft and answers with a receipt", async () => {
    const receipt = await fromPage({ type: "submit-report", draft: DRAFT });
    expect(receipt).toMatchObject({ ok: true, report: { draft: DRAFT } });
    expect(await getReports()).toHaveLength(1);
    expect(await fromPage({ type: "submit-report", draft: { ...DRAFT, email: "x" } })).toEqual({
      ok: false,
      errors: { email: "not a valid email address" },
    });
    expect(await getReports()).toHaveLength(1);
  });

  it("retry-report queues the report again once there is an endpoint", async () => {
    const receipt = await submitDraft(DRAFT);
    if (!receipt.ok) throw new Error("draft rejected");
    expect(await fromPage({ type: "retry-report", id: receipt.report.id })).toMatchObject({ state: "local" });
    await setEndpoint("https://desk.example/reports");
    expect(await fromPage({ type: "retry-report", id: receipt.report.id })).toMatchObject({
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
    await fromPage({ type: "delete-report", id: first.report.id });
    expect((await getReports()).map((report) => report.id)).toEqual([second.report.id]);
  });

  it("capture-selection answers with the selection in that tab", async () => {
    const execute = stubInjection(SELECTION);
    expect(await fromPage({ type: "capture-selection", tabId: 12 })).toEqual(SELECTION);
    expect(execute).toHaveBeenCalledExactlyOnceWith({
      target: { tabId: 12, allFrames: true },
      func: describeSelection,
      args: [32],
    });
  });

  it("capture-selection answers null when nothing is selected", async () => {
    stubInjection(null);
    expect(await fromPage({ type: "capture-selection", tabId: 12 })).toBeNull();
  });
});

/** A page request as accepted, or null (content scripts' requests count as refused here). */
function acceptPageMessage(raw: unknown, sender: MessageSender) {
  const accepted = acceptReportRequest(raw, sender);
  return accepted?.from === "page" ? accepted.request : null;
}

/** This extension's content script in the top frame of tab 7. */
function contentScript(overrides: Partial<MessageSender> = {}): MessageSender {
  return {
    id: fakeBrowser.runtime.id,
    tab: { id: 7, url: PAGE, title: "North Korea vows" },
    frameId: 0,
    url: PAGE,
    ...overrides,
  };
}

const PAGE = "https://news.example/world/north-korea?utm=1#top";

describe("acceptReportRequest from pages", () => {
  const ID = "5d5f3c7e-8d1b-4a57-b0d2-7c9d4e6f1a22";
  const origin = () => `chrome-extension://${fakeBrowser.runtime.id}/`;
  const page = (path: string): MessageSender => ({ id: fakeBrowser.runtime.id, url: `${origin()}${path}` });
  const MESSAGES = [
    { type: "submit-report", draft: { anything: "the outbox validates it" } },
    { type: "retry-report", id: ID },
    { type: "delete-report", id: ID },
    { type: "capture-selection", tabId: 12 },
  ];

  it("accepts each message from this extension's pages", () => {
    for (const path of ["popup.html?tabId=3", "report.html?subject=abc", "options.html"])
      for (const message of MESSAGES) expect(acceptPageMessage(message, page(path))).toEqual(message);
  });

  it("accepts this extension's pages opened in a tab (popup as a page, report window, options tab)", () => {
    for (const path of ["popup.html?tabId=3", "report.html?subject=abc", "options.html"]) {
      const url = `${origin()}${path}`;
      for (const message of MESSAGES)
        expect(acceptPageMessage(message, { ...page(path), tab: { id: 9, url }, frameId: 0 })).toEqual(message);
    }
    // Not in a subframe of that tab.
    const url = `${origin()}options.html`;
    expect(acceptPageMessage(MESSAGES[1], { ...page("options.html"), tab: { id: 9, url }, frameId: 3 })).toBeNull();
  });

  it("accepts this extension's pages shown in a tab of their own (popup opened as a page, report window, options)", () => {
    for (const path of ["popup.html?tabId=3", "report.html?subject=abc", "options.html"]) {
      const sender = { ...page(path), frameId: 0, tab: { id: 40, url: `${origin()}${path}` } };
      for (const message of MESSAGES) expect(acceptPageMessage(message, sender)).toEqual(message);
    }
  });

  it("rejects an extension page framed in a web page's tab", () => {
    const framed = { ...page("popup.html"), frameId: 2, tab: { id: 7, url: PAGE } };
    expect(acceptPageMessage(MESSAGES[2], framed)).toBeNull();
    expect(acceptPageMessage(MESSAGES[2], { ...framed, frameId: 0 })).toBeNull();
    const ownTabSubframe = { ...page("popup.html"), frameId: 1, tab: { id: 40, url: `${origin()}options.html` } };
    expect(acceptPageMessage(MESSAGES[2], ownTabSubframe)).toBeNull();
  });

  it("rejects this extension's content scripts, even with a message a page may send", () => {
    for (const message of MESSAGES) expect(acceptPageMessage(message, contentScript())).toBeNull();
    // Even were its frame's address the extension's, its tab shows a web page.
    expect(acceptPageMessage(MESSAGES[0], contentScript({ url: `${origin()}popup.html` }))).toBeNull();
  });

  it("rejects other extensions and senders without an id or address", () => {
    const other = "abcdefghijklmnopabcdefghijklmnop";
    expect(acceptPageMessage(MESSAGES[1], { ...page("popup.html"), id: other })).toBeNull();
    expect(acceptPageMessage(MESSAGES[1], { id: other, url: `chrome-extension://${other}/popup.html` })).toBeNull();
    expect(acceptPageMessage(MESSAGES[1], { url: `${origin()}popup.html` })).toBeNull();
    expect(acceptPageMessage(MESSAGES[1], { id: fakeBrowser.runtime.id })).toBeNull();
    expect(acceptPageMessage(MESSAGES[1], {})).toBeNull();
  });

  it("rejects addresses outside the extension's origin", () => {
    for (const url of [
      PAGE,
      `chrome-extension://${fakeBrowser.runtime.id}`,
      `chrome-extension://${fakeBrowser.runtime.id}.evil.example/popup.html`,
      `https://evil.example/chrome-extension://${fakeBrowser.runtime.id}/popup.html`,
    ])
      expect(acceptPageMessage(MESSAGES[1], { id: fakeBrowser.runtime.id, url }), url).toBeNull();
  });

  it.each([
    ["not an object", "submit-report"],
    ["null", null],
    ["a runtime message of the content scripts", { type: "article-gone" }],
    ["the content scripts' request", { type: "open-report", claimId: "friday" }],
    ["an unknown type", { type: "send-all" }],
    ["no draft key at all", { type: "submit-report", extra: 1 }],
    ["an id that is not a UUID", { type: "retry-report", id: "1" }],
    ["no id", { type: "delete-report" }],
    ["an extra key", { type: "delete-report", id: "5d5f3c7e-8d1b-4a57-b0d2-7c9d4e6f1a22", all: true }],
    ["a negative tab id", { type: "capture-selection", tabId: -1 }],
    ["a tab id that is not an integer", { type: "capture-selection", tabId: 1.5 }],
    ["a tab id that is a string", { type: "capture-selection", tabId: "12" }],
  ])("rejects a message with %s", (_, message) => {
    expect(acceptPageMessage(message, page("popup.html"))).toBeNull();
  });
});

describe("acceptReportRequest from content scripts", () => {
  it("accepts only open-report, with the tab's title and address as the browser knows them", () => {
    expect(acceptReportRequest({ type: "open-report", claimId: "friday" }, contentScript())).toEqual({
      request: { type: "open-report", claimId: "friday" },
      from: "content-script",
      tab: { title: "North Korea vows", url: PAGE },
    });
  });

  it("refuses every request that stores, sends, deletes or reads, whatever the content script says", () => {
    for (const request of [
      { type: "submit-report", draft: { anything: true } },
      { type: "retry-report", id: "5d5f3c7e-8d1b-4a57-b0d2-7c9d4e6f1a22" },
      { type: "delete-report", id: "5d5f3c7e-8d1b-4a57-b0d2-7c9d4e6f1a22" },
      { type: "capture-selection", tabId: 7 },
    ])
      expect(acceptReportRequest(request, contentScript())).toBeNull();
  });

  it("accepts open-report from the overlay in an iframe (the article may sit there), with the tab's page", () => {
    const framed = contentScript({ frameId: 2, url: "https://embed.wire.example/story" });
    expect(acceptReportRequest({ type: "open-report", claimId: "friday" }, framed)).toEqual({
      request: { type: "open-report", claimId: "friday" },
      from: "content-script",
      tab: { title: "North Korea vows", url: PAGE },
    });
  });

  it("refuses open-report with a bad claim id, or with anything more", () => {
    expect(acceptReportRequest({ type: "open-report", claimId: "../x" }, contentScript())).toBeNull();
    const draft = { type: "open-report", claimId: "friday", comment: "typed in the page" };
    expect(acceptReportRequest(draft, contentScript())).toBeNull();
  });
});

describe("handleReportRequest from a content script", () => {
  it("opens the report window for a dispute of the claim on that tab's page", async () => {
    const create = vi.spyOn(fakeBrowser.windows, "create");
    await handleReportRequest({
      request: { type: "open-report", claimId: "friday" },
      from: "content-script",
      tab: { title: "North Korea vows", url: PAGE },
    });
    expect(create).toHaveBeenCalledOnce();
    const id = new URL(String(create.mock.calls[0][0]?.url)).searchParams.get("subject") ?? "";
    expect(await takeReportSubject(id)).toEqual({
      kind: "dispute",
      claimId: "friday",
      page: { title: "North Korea vows", url: PAGE },
    });
    expect(await getReports()).toEqual([]);
  });
});

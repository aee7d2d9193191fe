import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/preact";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import {
  errorsFromIssues,
  failureText,
  ReportForm,
  receiptMessage,
  reportAddress,
} from "../../../components/reports/ReportForm";
import { claimById } from "../../../lib/dataset";
import { messagesFor } from "../../../lib/i18n/tables";
import { installLocale } from "../../../lib/i18n/translate";
import { getReports, REDIRECT_ERROR } from "../../../lib/reports/outbox";
import {
  type CapturedSelection,
  MAX_COMMENT_LENGTH,
  type Report,
  type ReportDraft,
  ReportEndpoint,
  type ReportSubject,
} from "../../../lib/reports/schema";
import type { Claim } from "../../../lib/schema";
import { fakeBackground } from "../fake-background";
import { useComponentLifecycle } from "../lifecycle";

useComponentLifecycle();

const CLAIM = claimById("meetings-count") as Claim;
const PAGE = {
  title: "North Korea vows to bolster military might",
  url: "https://news.example.com/world/nk?session=s3cr3t#comments",
};
/** The page's address without its query and fragment. */
const PAGE_PLAIN = "https://news.example.com/world/nk";
const DISPUTE: ReportSubject = { kind: "dispute", claimId: CLAIM.id, page: PAGE };
const SELECTION: CapturedSelection = {
  selector: { type: "TextQuoteSelector", exact: "the sanctions were lifted in 2019", prefix: "He said ", suffix: "." },
  page: { title: "A blog post", url: "https://blog.example.org/post?id=4" },
};
const NEW_CLAIM: ReportSubject = { kind: "new-claim", selection: SELECTION };

/** A stored report as the background answers it. */
function storedReport(draft: ReportDraft, overrides: Partial<Report> = {}): Report {
  return {
    id: "5d5f3c7e-8d1b-4a57-b0d2-7c9d4e6f1a22",
    createdAt: "2026-01-02T10:00:00.000Z",
    draft,
    state: "local",
    attempts: 0,
    ...overrides,
  };
}

/** Renders the form with a `send` spy answering a stored report in `state` (or `answer`). */
function renderForm(subject: ReportSubject, answer?: (draft: ReportDraft) => unknown) {
  const send = vi.fn(async (draft: ReportDraft) =>
    answer ? answer(draft) : { ok: true, report: storedReport(draft) },
  );
  const onClose = vi.fn();
  render(<ReportForm subject={subject} send={send} onClose={onClose} />);
  return { send, onClose, user: userEvent.setup() };
}

const commentBox = () => screen.getByRole("textbox", { name: "Comment" }) as HTMLTextAreaElement;
const emailBox = () => screen.getByRole("textbox", { name: "Contact email (optional)" }) as HTMLInputElement;
const sendButton = () => screen.getByRole("button", { name: /Send/ });
const addressBox = () => screen.getByRole("checkbox", { name: "Include page address" }) as HTMLInputElement;

/** The texts of the elements that describe `element` (aria-describedby). */
function descriptions(element: Element): string[] {
  return (element.getAttribute("aria-describedby") ?? "")
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? "");
}

describe("ReportForm fields", () => {
  it("offers the five reasons by their labels, a Comment box, a contact email and a Send button", () => {
    renderForm(DISPUTE);
    expect(screen.getAllByRole("radio")).toHaveLength(5);
    for (const label of ["Wrong verdict", "Outdated", "Source broken", "Wrong text marked", "Other"])
      expect(screen.getByRole("radio", { name: label })).toBeTruthy();
    expect(screen.getByRole("group", { name: "Reason" })).toBeTruthy();
    expect(commentBox().tagName).toBe("TEXTAREA");
    expect(emailBox().type).toBe("email");
    expect(sendButton().textContent).toContain("Send");
    expect(screen.getByRole("heading", { name: "Report a problem with this annotation" })).toBeTruthy();
  });

  it("starts a dispute at “Wrong verdict” and a new claim at “Other”", () => {
    renderForm(DISPUTE);
    expect((screen.getByRole("radio", { name: "Wrong verdict" }) as HTMLInputElement).checked).toBe(true);
    cleanup();
    renderForm(NEW_CLAIM);
    expect((screen.getByRole("radio", { name: "Other" }) as HTMLInputElement).checked).toBe(true);
  });

  it("counts the comment's characters live, in a polite live region that describes the box", async () => {
    const { user } = renderForm(DISPUTE);
    const counter = screen.getByText(`0 / ${MAX_COMMENT_LENGTH}`);
    expect(counter.getAttribute("aria-live")).toBe("polite");
    expect(commentBox().getAttribute("aria-describedby")?.split(" ")).toContain(counter.id);
    await user.type(commentBox(), "Three meetings");
    expect(counter.textContent).toBe(`14 / ${MAX_COMMENT_LENGTH}`);
  });

  it("shows the selected text of a new claim", () => {
    renderForm(NEW_CLAIM);
    expect(screen.getByRole("heading", { name: "Report a claim for fact-checking" })).toBeTruthy();
    expect(screen.getByText("Selected text", { selector: "p" })).toBeTruthy();
    expect(screen.getByText(`“${SELECTION.selector.exact}”`, { selector: "blockquote" })).toBeTruthy();
  });
});

describe("ReportForm validation", () => {
  it("“Other” needs a comment: an inline error on the box, focus on it, nothing sent", async () => {
    const { send, user } = renderForm(DISPUTE);
    await user.click(screen.getByRole("radio", { name: "Other" }));
    expect(commentBox().getAttribute("aria-required")).toBe("true");
    await user.click(sendButton());
    expect(commentBox().getAttribute("aria-invalid")).toBe("true");
    expect(descriptions(commentBox())).toContain("Write a comment: it is required when the reason is “Other”.");
    expect(document.activeElement).toBe(commentBox());
    expect(send).not.toHaveBeenCalled();

    // A comment of white space only is no comment.
    await user.type(commentBox(), "   ");
    await user.click(sendButton());
    expect(send).not.toHaveBeenCalled();

    await user.type(commentBox(), "They met three times.");
    await user.click(sendButton());
    expect(send).toHaveBeenCalledOnce();
    expect(send.mock.calls[0][0]).toMatchObject({ reason: "other", comment: "They met three times." });
  });

  it("other reasons need no comment", async () => {
    const { send, user } = renderForm(DISPUTE);
    await user.click(screen.getByRole("radio", { name: "Source broken" }));
    expect(commentBox().getAttribute("aria-required")).toBe("false");
    await user.click(sendButton());
    expect(send).toHaveBeenCalledOnce();
    expect(send.mock.calls[0][0]).toMatchObject({ kind: "dispute", claimId: CLAIM.id, reason: "source-broken" });
  });

  it("refuses a comment over 2,000 characters, says by how much, and the counter shows it", async () => {
    const { send, user } = renderForm(DISPUTE);
    fireEvent.input(commentBox(), { target: { value: "x".repeat(MAX_COMMENT_LENGTH + 3) } });
    expect(screen.getByText(`${MAX_COMMENT_LENGTH + 3} / ${MAX_COMMENT_LENGTH}`)).toBeTruthy();
    await user.click(sendButton());
    expect(descriptions(commentBox())).toContain("The comment is 3 characters too long: at most 2000.");
    expect(send).not.toHaveBeenCalled();

    fireEvent.input(commentBox(), { target: { value: "x".repeat(MAX_COMMENT_LENGTH) } });
    await user.click(sendButton());
    expect(send).toHaveBeenCalledOnce();
  });

  it("validates the contact email, and leaves an empty one out", async () => {
    const { send, user } = renderForm(DISPUTE);
    await user.type(emailBox(), "reader@");
    await user.click(sendButton());
    expect(emailBox().getAttribute("aria-invalid")).toBe("true");
    expect(descriptions(emailBox())).toContain(
      "Enter a valid email address (like name@example.org), or leave the field empty.",
    );
    expect(send).not.toHaveBeenCalled();

    await user.clear(emailBox());
    await user.type(emailBox(), "  reader@example.org ");
    await user.click(sendButton());
    expect(send.mock.calls[0][0].email).toBe("reader@example.org");
  });

  it("sends no email key when the field is empty", async () => {
    const { send, user } = renderForm(DISPUTE);
    await user.click(sendButton());
    expect(send.mock.calls[0][0]).not.toHaveProperty("email");
  });

  it("stores nothing when the input is invalid (with the real background and outbox)", async () => {
    const received = fakeBackground();
    const user = userEvent.setup();
    render(<ReportForm subject={DISPUTE} />);
    await user.click(screen.getByRole("radio", { name: "Other" }));
    await user.type(emailBox(), "not an address");
    await user.click(sendButton());
    expect(received).toEqual([]);
    expect(await getReports()).toEqual([]);
    // Both errors at once, each next to its field.
    expect(commentBox().getAttribute("aria-invalid")).toBe("true");
    expect(emailBox().getAttribute("aria-invalid")).toBe("true");
  });
});

describe("ReportForm “Include page address”", () => {
  const fullBox = () =>
    screen.getByRole("checkbox", { name: "Include the full address, with its query and fragment" }) as HTMLInputElement;
  /** The "What will be sent" value of `term`. */
  const preview = (term: string) => {
    const section = screen.getByRole("region", { name: "What will be sent" });
    const dt = [...section.querySelectorAll("dt")].find((candidate) => candidate.textContent === term);
    return dt?.nextElementSibling?.textContent ?? null;
  };

  it("is unticked by default: the draft carries the page title only, and the form says so", async () => {
    for (const subject of [DISPUTE, NEW_CLAIM]) {
      const { send, user } = renderForm(subject);
      if (subject.kind === "new-claim") await user.type(commentBox(), "Check this, please.");
      expect(addressBox().checked).toBe(false);
      expect(preview("Page address")).toBe("Not included");
      await user.click(sendButton());
      const { page } = send.mock.calls[0][0];
      expect(page).toEqual({ title: subject.kind === "dispute" ? PAGE.title : SELECTION.page.title });
      expect(page).not.toHaveProperty("url");
      cleanup();
    }
  });

  it("ticked, adds the address without its query and fragment; the full address only when chosen", async () => {
    const { send, user } = renderForm(DISPUTE);
    await user.click(addressBox());
    expect(preview("Page address")).toBe(PAGE_PLAIN);
    expect(fullBox().checked).toBe(false);
    await user.click(sendButton());
    expect(send.mock.calls[0][0].page).toEqual({ title: PAGE.title, url: PAGE_PLAIN });
    cleanup();

    const second = renderForm(DISPUTE);
    await second.user.click(addressBox());
    await second.user.click(fullBox());
    expect(preview("Page address")).toBe(PAGE.url);
    await second.user.click(sendButton());
    expect(second.send.mock.calls[0][0].page).toEqual({ title: PAGE.title, url: PAGE.url });
  });

  it("offers no full-address choice when the address has no query or fragment", async () => {
    const { user } = renderForm({ ...DISPUTE, page: { title: "T", url: PAGE_PLAIN } });
    await user.click(addressBox());
    expect(screen.queryByRole("checkbox", { name: /full address/ })).toBeNull();
  });

  it("shows exactly what will be sent, updated as the reader types", async () => {
    const { send, user } = renderForm(NEW_CLAIM);
    expect(preview("Page title")).toBe(SELECTION.page.title);
    expect(preview("Selected text")).toBe(`“${SELECTION.selector.exact}”`);
    expect(preview("Text before it")).toBe(`“${SELECTION.selector.prefix}”`);
    expect(preview("Text after it")).toBe(`“${SELECTION.selector.suffix}”`);
    expect(preview("Reason")).toBe("Other");
    expect(preview("Contact email")).toBe("None");
    await user.type(commentBox(), "  Lifted when?  ");
    await user.type(emailBox(), "reader@example.org");
    expect(preview("Comment")).toBe("Lifted when?");
    expect(preview("Contact email")).toBe("reader@example.org");
    await user.click(sendButton());
    expect(send.mock.calls[0][0]).toEqual({
      kind: "new-claim",
      selector: SELECTION.selector,
      reason: "other",
      comment: "Lifted when?",
      email: "reader@example.org",
      page: { title: SELECTION.page.title },
    });
  });

  it("names the disputed claim by id and quote", () => {
    renderForm(DISPUTE);
    expect(preview("Disputed claim")).toBe(`${CLAIM.id}: “${CLAIM.selector.exact}”`);
  });

  it("is not offered when there is no address to include", () => {
    renderForm({ kind: "dispute", claimId: CLAIM.id, page: { title: "Untitled" } });
    expect(screen.queryByRole("checkbox")).toBeNull();
  });

  it("an address that cannot be sent (not http or https) shows its error on the checkbox until unticked", async () => {
    const selection = { ...SELECTION, page: { title: "Local file", url: "file:///home/me/article.html" } };
    const { send, user } = renderForm({ kind: "new-claim", selection });
    await user.type(commentBox(), "Check this.");
    await user.click(addressBox());
    await user.click(sendButton());
    expect(addressBox().getAttribute("aria-invalid")).toBe("true");
    expect(descriptions(addressBox()).join(" ")).toContain("cannot be included");
    expect(send).not.toHaveBeenCalled();
    await user.click(addressBox());
    await user.click(sendButton());
    expect(send).toHaveBeenCalledOnce();
    expect(send.mock.calls[0][0].page).toEqual({ title: "Local file" });
  });

  it("keeps at most 500 characters of the page title", async () => {
    const { send, user } = renderForm({ kind: "dispute", claimId: CLAIM.id, page: { title: "t".repeat(600) } });
    await user.click(sendButton());
    expect(send.mock.calls[0][0].page.title).toHaveLength(500);
  });
});

describe("reportAddress", () => {
  it("drops the query and fragment unless the full address is asked for", () => {
    expect(reportAddress("https://a.example/p?q=1#f", false)).toBe("https://a.example/p");
    expect(reportAddress("https://a.example/p?q=1#f", true)).toBe("https://a.example/p?q=1#f");
    expect(reportAddress("http://a.example/", false)).toBe("http://a.example/");
  });

  it("is undefined for what is not an http(s) address", () => {
    expect(reportAddress("file:///x.html", false)).toBeUndefined();
    expect(reportAddress("not a url", true)).toBeUndefined();
  });
});

describe("ReportForm receipts", () => {
  it.each([
    ["local", "Kept on this device. No report endpoint is set, so nothing was sent."],
    ["queued", "Queued: it will be sent when the desk can be reached."],
    ["sent", "Sent to the fact-check desk."],
  ] as const)("says what happened to a %s report", async (state, message) => {
    const { user, onClose } = renderForm(DISPUTE, (draft) => ({ ok: true, report: storedReport(draft, { state }) }));
    await user.click(sendButton());
    const status = await screen.findByRole("status");
    expect(status.textContent).toContain(message);
    expect(document.activeElement).toBe(status);
    expect(screen.queryByRole("textbox", { name: "Comment" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Close" }));
    expect(onClose).toHaveBeenCalledOnce();
  });

  it("with the real background and no endpoint: stored on this device, and the form says so", async () => {
    fakeBackground();
    const user = userEvent.setup();
    render(<ReportForm subject={DISPUTE} />);
    await user.type(commentBox(), "There were three meetings.");
    await user.click(sendButton());
    expect((await screen.findByRole("status")).textContent).toContain(
      "Kept on this device. No report endpoint is set, so nothing was sent.",
    );
    const reports = await getReports();
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({
      state: "local",
      draft: { kind: "dispute", claimId: CLAIM.id, reason: "wrong-verdict", comment: "There were three meetings." },
    });
  });

  it("shows the background's errors by field inline, and keeps what was typed", async () => {
    const { user } = renderForm(DISPUTE, () => ({ ok: false, errors: { email: "not a valid email address" } }));
    await user.type(commentBox(), "My words");
    await user.click(sendButton());
    await waitFor(() => expect(emailBox().getAttribute("aria-invalid")).toBe("true"));
    expect(commentBox().value).toBe("My words");
    expect(screen.queryByRole("status")).toBeNull();
  });

  it("when the background cannot be reached: a form error, nothing lost, and it can be sent again", async () => {
    let fail = true;
    const { send, user } = renderForm(DISPUTE, (draft) => {
      if (fail) throw new Error("Could not establish connection");
      return { ok: true, report: storedReport(draft) };
    });
    await user.type(commentBox(), "My words");
    await user.click(sendButton());
    expect((await screen.findByRole("alert")).textContent).toContain("the extension did not answer");
    expect(commentBox().value).toBe("My words");
    fail = false;
    await user.click(sendButton());
    expect(await screen.findByRole("status")).toBeTruthy();
    expect(send).toHaveBeenCalledTimes(2);
  });

  it("an answer that is not a receipt counts as no answer", async () => {
    const { user } = renderForm(DISPUTE, () => undefined);
    await user.click(sendButton());
    expect((await screen.findByRole("alert")).textContent).toContain("did not answer");
  });

  it("sends once even when Send is pressed twice quickly", async () => {
    let answer: (value: unknown) => void = () => {};
    const send = vi.fn((_draft: ReportDraft) => new Promise<unknown>((resolve) => (answer = resolve)));
    render(<ReportForm subject={DISPUTE} send={send} />);
    fireEvent.click(sendButton());
    await waitFor(() => expect(sendButton().textContent).toContain("Sending"));
    fireEvent.click(sendButton());
    expect(send).toHaveBeenCalledOnce();
    answer({ ok: true, report: storedReport(send.mock.calls[0][0]) });
    expect(await screen.findByRole("status")).toBeTruthy();
  });

  it("Cancel closes the form without sending", async () => {
    const { send, onClose, user } = renderForm(DISPUTE);
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(onClose).toHaveBeenCalledOnce();
    expect(send).not.toHaveBeenCalled();
  });
});

describe("receiptMessage and errorsFromIssues", () => {
  it("words a failed report with the server's message", () => {
    const report = storedReport({} as ReportDraft, { state: "failed", lastError: "422: comment rejected" });
    expect(receiptMessage(report)).toBe("The fact-check desk refused it: 422: comment rejected");
  });

  it("maps issue paths to fields, the first issue per field winning", () => {
    expect(
      errorsFromIssues(
        [
          { path: ["reason"], message: "Invalid option" },
          { path: ["page", "url"], message: "Invalid URL" },
          { path: ["selector", "exact"], message: "Too small" },
          { path: ["claimId"], message: "must be a lower-case slug" },
        ],
        "",
      ),
    ).toEqual({
      reason: "Choose a reason.",
      address: expect.stringContaining("Untick “Include page address”"),
      form: "The report could not be checked: selector.exact: Too small",
    });
  });
});

describe("failureText", () => {
  it("says the outbox's own reason in the interface language, and a server's message as written", () => {
    expect(failureText(REDIRECT_ERROR)).toBe(REDIRECT_ERROR);
    installLocale("ko", messagesFor("ko"));
    expect(failureText(REDIRECT_ERROR)).toMatch(/^접수 주소가 다른 주소로 리디렉션했습니다/);
    expect(failureText("HTTP 500: desk down")).toBe("HTTP 500: desk down");
    expect(ReportEndpoint.safeParse("http://desk.example.org/").error?.issues[0].message).toMatch(/^주소는 https:\/\//);
  });
});

/**
 * The reporting interface in real Chromium, driven by accessible names: a
 * dispute from a claim card ("Report…" opens the report window, an
 * extension page, where the "Comment" box and "Send…" are) is kept on this
 * device and listed in the popup's "Your reports" with no request made
 * anywhere; invalid input shows its error and stores nothing; the options
 * page's "Report endpoint" field refuses http on a public host and takes a
 * loopback address; "Report selected text" in the popup reports the text
 * selected in any page, or in a frame of it; the report window opened by the context menu shows
 * the stashed selection; the export downloads a W3C Web Annotation
 * collection. (The outbox's sending, retries and restarts are tested in
 * outbox*.test.ts; what a hostile page can see and do, in page-attacker.test.ts.)
 */
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { claimById } from "../../lib/dataset";
import { ALL } from "../fixtures/expectations";
import {
  closedAfterEach,
  type ExtensionBrowser,
  type FixtureServer,
  launchBrowser,
  overlayMarkers,
  startServer,
} from "./harness";

let server: FixtureServer;
let browser: ExtensionBrowser;
let article: Page;
let articleTab: number;
const opened = closedAfterEach();

/** Selects `claim` in the forum post, as a reader would (runs in the forum's page or frame). */
function selectInPost(claim: string): void {
  const text = document.getElementById("post")?.firstChild as Text;
  const start = (text.textContent ?? "").indexOf(claim);
  const range = document.createRange();
  range.setStart(text, start);
  range.setEnd(text, start + claim.length);
  window.getSelection()?.removeAllRanges();
  window.getSelection()?.addRange(range);
}

/** A page that shows the forum thread in an iframe: the selection is in the frame. */
const EMBED_PATH = "/blog/embedded-thread.html";
const EMBED_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blog: what people say</title></head>
<body><h1>What people say</h1><iframe title="Forum thread" src="/forum/thread-42.html" width="600" height="200"></iframe></body></html>`;

/** A page with no article on it, where a reader selects a claim to report. */
const FORUM_PATH = "/forum/thread-42.html";
const FORUM_CLAIM = "Trump and Kim met four times in all";
const FORUM_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Forum: summit talk</title></head>
<body><main><p id="post">Someone wrote that ${FORUM_CLAIM}, which sounds wrong to me.</p></main></body></html>`;

const KEPT = "Kept on this device. No report endpoint is set, so nothing was sent.";

beforeAll(async () => {
  server = await startServer();
  server.route(FORUM_PATH, (_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(FORUM_HTML);
  });
  server.route(EMBED_PATH, (_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(EMBED_HTML);
  });
  server.route("/reports", (_request, response) => {
    response.writeHead(500).end("this test's endpoint must never be called");
  });
  browser = await launchBrowser();
  article = await browser.newPage();
  await article.goto(server.url("/pages/news-cms.html"));
  await overlayMarkers(article)
    .nth(ALL.length - 1)
    .waitFor({ state: "attached", timeout: 15_000 });
  articleTab = await browser.tabIdOf(article);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(async () => {
  await article.mouse.move(1, 1);
  if (await openCards().count()) await article.keyboard.press("Escape");
});

const marker = (id: string) => article.locator(`[data-claim-id="${id}"]`);
const card = (id: string) => article.locator(`[role="dialog"][data-card-for="${id}"]`);
const openCards = () => article.locator('[role="dialog"]').filter({ visible: true });

/** The stored reports, as the outbox keeps them (trusted storage key `reports`). */
const storedReports = async () => ((await browser.trustedValue("reports")) ?? []) as unknown[];

/** The stored report endpoint (trusted storage key `reportEndpoint`), or null. */
const storedEndpoint = () => browser.trustedValue("reportEndpoint");

/** Requests the extension made (the harness's recorder), and requests the test's endpoint got. */
const requestsMade = () => ({
  extension: browser.requests,
  server: server.served.filter((path) => path.startsWith("/reports")),
});

/** Opens the card of `claimId`, presses its report button, and returns the report window it opens. */
async function openReportWindow(claimId: string): Promise<Page> {
  await marker(claimId).click();
  const dialog = card(claimId);
  await dialog.waitFor({ state: "visible", timeout: 5_000 });
  const [window] = await Promise.all([
    browser.context.waitForEvent("page", { timeout: 10_000 }),
    dialog.getByRole("button", { name: "Report a problem with this annotation" }).click(),
  ]);
  opened.push(window);
  await window.getByRole("textbox", { name: "Comment" }).waitFor({ timeout: 10_000 });
  return window;
}

/** Opens the popup for `tabId` as a page (closed after the test). */
async function popupFor(tabId: number): Promise<Page> {
  const popup = await browser.openPopup(tabId);
  opened.push(popup);
  return popup;
}

/** Opens an extension page (closed after the test). */
async function extensionPage(path: string): Promise<Page> {
  const page = await browser.newPage();
  opened.push(page);
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
}

describe("reporting from a claim card", () => {
  it("“Report a problem with this annotation” opens the report window; Comment → Send: kept on this device, listed in “Your reports”, no request", async () => {
    const before = (await storedReports()).length;
    const window = await openReportWindow("meetings-count");
    expect(window.url()).toMatch(new RegExp(`^chrome-extension://${browser.extensionId}/report\\.html\\?subject=`));
    await window.getByRole("heading", { level: 1, name: "Report a problem with this annotation" }).waitFor();
    await window
      .getByText(`“${claimById("meetings-count")?.selector.exact}”`, { exact: true })
      .first()
      .waitFor();
    // The card in the page stays a viewer: nothing to type there.
    expect(await card("meetings-count").locator("input, textarea, select, [contenteditable]").count()).toBe(0);

    await window.getByRole("textbox", { name: "Comment" }).fill("There were three meetings, not two.");
    await window.getByRole("button", { name: /Send/ }).click();
    await window.getByText(KEPT).waitFor({ timeout: 5_000 });

    const reports = await storedReports();
    expect(reports).toHaveLength(before + 1);
    expect(reports.at(-1)).toMatchObject({
      state: "local",
      draft: {
        kind: "dispute",
        claimId: "meetings-count",
        reason: "wrong-verdict",
        comment: "There were three meetings, not two.",
        page: { title: await article.title() },
      },
    });
    // The page's address is the reader's to give: not included unless ticked.
    expect((reports.at(-1) as { draft: { page: object } }).draft.page).not.toHaveProperty("url");

    const popup = await popupFor(articleTab);
    const section = popup.getByRole("region", { name: "Your reports" });
    await section.getByText("Reports are kept on this device; no report endpoint is set.").waitFor({ timeout: 10_000 });
    const item = section.getByRole("listitem").filter({ hasText: "There were three meetings, not two." });
    await item.waitFor({ timeout: 5_000 });
    const text = (await item.textContent()) ?? "";
    expect(text).toContain("Kept on this device");
    expect(text).toContain(claimById("meetings-count")?.selector.exact);

    expect(requestsMade()).toEqual({ extension: [], server: [] });
  });

  it("ticking “Include page address” sends the address without query and fragment, as “What will be sent” shows", async () => {
    const window = await openReportWindow("test-site");
    await window.getByRole("checkbox", { name: "Include page address" }).check();
    const preview = window.getByRole("region", { name: "What will be sent" });
    await preview.getByText(server.url("/pages/news-cms.html"), { exact: true }).waitFor();
    await window.getByRole("textbox", { name: "Comment" }).fill("Not destroyed.");
    await window.getByRole("button", { name: /Send/ }).click();
    await window.getByText(KEPT).waitFor({ timeout: 5_000 });
    const last = (await storedReports()).at(-1) as { draft: { page: { url?: string } } };
    expect(last.draft.page.url).toBe(server.url("/pages/news-cms.html"));
  });

  it("a card opened by hover stays open once the reader asked to report, when the pointer leaves it", async () => {
    await marker("working-level").hover();
    const dialog = card("working-level");
    await dialog.waitFor({ state: "visible", timeout: 5_000 });
    const [window] = await Promise.all([
      browser.context.waitForEvent("page", { timeout: 10_000 }),
      dialog.getByRole("button", { name: "Report a problem with this annotation" }).click(),
    ]);
    opened.push(window);
    await article.mouse.move(1, 1);
    await article.waitForTimeout(1_000);
    expect(await dialog.isVisible()).toBe(true);
    await dialog.getByRole("button", { name: "Close" }).click();
    await dialog.waitFor({ state: "hidden", timeout: 5_000 });
  });

  it("invalid input in the report window shows its error next to the field and stores nothing", async () => {
    const before = await storedReports();
    const window = await openReportWindow("friday");
    const comment = window.getByRole("textbox", { name: "Comment" });
    const email = window.getByRole("textbox", { name: "Contact email (optional)" });

    // "Other" without a comment.
    await window.getByRole("radio", { name: "Other" }).check();
    await window.getByRole("button", { name: /Send/ }).click();
    await window.getByText("Write a comment: it is required when the reason is “Other”.").waitFor({ timeout: 5_000 });
    expect(await comment.getAttribute("aria-invalid")).toBe("true");

    // A comment, but a bad email.
    await comment.fill("The date is wrong.");
    await email.fill("reader@");
    await window.getByRole("button", { name: /Send/ }).click();
    await window.getByText(/Enter a valid email address/).waitFor({ timeout: 5_000 });
    expect(await email.getAttribute("aria-invalid")).toBe("true");
    expect(await comment.getAttribute("aria-invalid")).toBeNull();

    await window.waitForTimeout(300);
    expect(await storedReports()).toEqual(before);
    expect(requestsMade()).toEqual({ extension: [], server: [] });
  });
});

describe("reporting from the popup", () => {
  it("a claim's “Report a problem with this claim” opens its form; invalid input stores nothing, valid input is kept", async () => {
    const before = (await storedReports()).length;
    const popup = await popupFor(articleTab);
    const item = popup.locator('[data-claim="test-site"]');
    await item.getByRole("button", { name: "Report a problem with this claim" }).click();
    await item.getByRole("radio", { name: "Other" }).check();
    await item.getByRole("button", { name: /Send/ }).click();
    await item.getByText("Write a comment: it is required when the reason is “Other”.").waitFor({ timeout: 5_000 });
    expect(await storedReports()).toHaveLength(before);

    await item.getByRole("textbox", { name: "Comment" }).fill("The test site was not destroyed.");
    expect(await item.getByRole("checkbox", { name: "Include page address" }).isChecked()).toBe(false);
    await item.getByRole("button", { name: /Send/ }).click();
    await item.getByText(KEPT).waitFor({ timeout: 5_000 });
    const reports = (await storedReports()) as { draft: { claimId?: string; page: object } }[];
    expect(reports).toHaveLength(before + 1);
    expect(reports.at(-1)?.draft).toMatchObject({ claimId: "test-site", reason: "other" });
    expect(reports.at(-1)?.draft.page).not.toHaveProperty("url");
    // It appears in "Your reports" at once.
    await popup
      .getByRole("region", { name: "Your reports" })
      .getByRole("listitem")
      .filter({ hasText: "The test site was not destroyed." })
      .waitFor({ timeout: 5_000 });
  });

  it("“Report selected text” reports the text selected in any page, and asks for a selection when there is none", async () => {
    const forum = await browser.newPage();
    opened.push(forum);
    await forum.goto(server.url(FORUM_PATH));
    const forumTab = await browser.tabIdOf(forum);
    const popup = await popupFor(forumTab);

    // Nothing selected yet.
    await popup.getByRole("button", { name: "Report selected text" }).click();
    await popup.getByText("Select the text of the claim on the page first.").waitFor({ timeout: 5_000 });

    await forum.evaluate(selectInPost, FORUM_CLAIM);
    await popup.getByRole("button", { name: "Report selected text" }).click();
    const form = popup.getByRole("form", { name: "Report a claim for fact-checking" });
    await form.getByText(`“${FORUM_CLAIM}”`).first().waitFor({ timeout: 5_000 });

    await form.getByRole("textbox", { name: "Comment" }).fill("They met three times.");
    await form.getByRole("checkbox", { name: "Include page address" }).check();
    await form.getByRole("button", { name: /Send/ }).click();
    await popup.getByText(KEPT).waitFor({ timeout: 5_000 });
    const reports = (await storedReports()) as { draft: unknown }[];
    expect(reports.at(-1)?.draft).toEqual({
      kind: "new-claim",
      selector: {
        type: "TextQuoteSelector",
        exact: FORUM_CLAIM,
        prefix: "Someone wrote that ",
        suffix: ", which sounds wrong to me.",
      },
      reason: "other",
      comment: "They met three times.",
      page: { title: "Forum: summit talk", url: server.url(FORUM_PATH) },
    });
    const listed = popup
      .getByRole("region", { name: "Your reports" })
      .getByRole("listitem")
      .filter({ hasText: FORUM_CLAIM });
    expect(await listed.textContent()).toContain(`New claim: ${FORUM_CLAIM}`);
    expect(requestsMade()).toEqual({ extension: [], server: [] });
  });

  it("“Report selected text” finds the selection in an iframe when the page around it has none", async () => {
    const blog = await browser.newPage();
    opened.push(blog);
    await blog.goto(server.url(EMBED_PATH));
    const thread = blog.frame({ url: server.url(FORUM_PATH) });
    if (!thread) throw new Error("the forum frame did not load");
    await thread.waitForLoadState();
    await thread.evaluate(selectInPost, FORUM_CLAIM);
    const popup = await popupFor(await browser.tabIdOf(blog));
    await popup.getByRole("button", { name: "Report selected text" }).click();
    const form = popup.getByRole("form", { name: "Report a claim for fact-checking" });
    await form.getByText(`“${FORUM_CLAIM}”`).first().waitFor({ timeout: 5_000 });
    expect(requestsMade()).toEqual({ extension: [], server: [] });
  });

  it("“Delete” asks inline and removes the report; “Export all (JSON)” downloads the collection", async () => {
    const popup = await popupFor(articleTab);
    const section = popup.getByRole("region", { name: "Your reports" });
    await section.getByRole("listitem").first().waitFor({ timeout: 10_000 });
    const count = (await storedReports()).length;
    expect(count).toBeGreaterThan(0);

    const [download] = await Promise.all([
      popup.waitForEvent("download", { timeout: 10_000 }),
      section.getByRole("button", { name: "Export all (JSON)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^fact-check-reports-\d{4}-\d{2}-\d{2}\.json$/);
    const collection = JSON.parse(await readFile(await download.path(), "utf8"));
    expect(collection).toMatchObject({ type: "AnnotationCollection", total: count });
    expect(collection.first.items.every((item: { motivation: string }) => item.motivation === "questioning")).toBe(
      true,
    );

    const first = section.getByRole("listitem").first();
    await first.getByRole("button", { name: "Delete" }).click();
    const question = first.getByRole("group", { name: "Delete this report?" });
    await question.getByRole("button", { name: "No" }).click();
    expect(await storedReports()).toHaveLength(count);
    await first.getByRole("button", { name: "Delete" }).click();
    await first.getByRole("button", { name: "Yes" }).click();
    await expect.poll(async () => (await storedReports()).length, { timeout: 5_000 }).toBe(count - 1);
    await expect.poll(() => section.getByRole("listitem").count(), { timeout: 5_000 }).toBe(count - 1);
    expect(requestsMade()).toEqual({ extension: [], server: [] });
  });
});

describe("the report window opened by the context menu", () => {
  it("shows the new-claim form for the stashed selection, and explains when there is none", async () => {
    const id = "3f1e2d4c-5b6a-4798-8a7b-6c5d4e3f2a1b";
    const selection = {
      selector: { type: "TextQuoteSelector", exact: FORUM_CLAIM, prefix: "", suffix: "" },
      page: { title: "Forum: summit talk", url: server.url(FORUM_PATH) },
    };
    await browser.inWorker((chrome, value) => chrome.storage.session.set(value), {
      [`report-subject:${id}`]: { kind: "new-claim", selection },
    });
    const page = await extensionPage(`report.html?subject=${id}`);
    await page.getByRole("heading", { level: 1, name: "Report a claim for fact-checking" }).waitFor({ timeout: 5_000 });
    await page.getByText(`“${FORUM_CLAIM}”`).first().waitFor();
    expect(await page.getByRole("checkbox", { name: "Include page address" }).isChecked()).toBe(false);

    const none = await extensionPage("report.html?subject=00000000-0000-4000-8000-000000000000");
    await none.getByText(/There is nothing to report/).waitFor({ timeout: 5_000 });
  });
});

describe("the options page", () => {
  it("“Report endpoint” refuses http://example.com and takes http://127.0.0.1:PORT/reports; it can be removed", async () => {
    const options = await extensionPage("options.html");
    const field = options.getByRole("textbox", { name: "Report endpoint" });
    await field.fill("http://example.com");
    await options.getByRole("button", { name: "Save" }).click();
    await options.getByText(/must start with https:\/\//).waitFor({ timeout: 5_000 });
    expect(await field.getAttribute("aria-invalid")).toBe("true");
    expect(await storedEndpoint()).toBeNull();

    const endpoint = server.url("/reports");
    await field.fill(endpoint);
    await options.getByRole("button", { name: "Save" }).click();
    await options.getByText(`Saved. New reports are sent to ${endpoint}.`).waitFor({ timeout: 5_000 });
    expect(await field.getAttribute("aria-invalid")).toBeNull();
    expect(await storedEndpoint()).toBe(endpoint);

    // The popup says where reports go now.
    const popup = await popupFor(articleTab);
    await popup.getByRole("region", { name: "Your reports" }).getByText(endpoint).waitFor({ timeout: 5_000 });

    await options.getByRole("button", { name: "Remove endpoint" }).click();
    await expect.poll(storedEndpoint, { timeout: 5_000 }).toBeNull();
    await popup.getByText("Reports are kept on this device; no report endpoint is set.").waitFor({ timeout: 5_000 });
    // Setting an endpoint sends nothing by itself: reports kept on the device stay there.
    expect(requestsMade()).toEqual({ extension: [], server: [] });
  });
});

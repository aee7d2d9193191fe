/**
 * Describing the reader's selection (lib/reports/selection.ts):
 * `describeSelection` as it runs in the tab (here in jsdom), and
 * `captureSelection`, which injects it and validates what comes back.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import type { CapturedSelection } from "../../lib/reports/schema";
import { captureSelection, describeSelection } from "../../lib/reports/selection";

/** Selects from `startOffset` in the text of `start` to `endOffset` in the text of `end` (default: `start`). */
function select(start: Node, startOffset: number, endOffset: number, end: Node = start): void {
  const range = document.createRange();
  range.setStart(start, startOffset);
  range.setEnd(end, endOffset);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

/** The first text node of the element matching `selector`. */
function textOf(selector: string): Text {
  const node = document.querySelector(selector)?.firstChild;
  if (!(node instanceof Text)) throw new Error(`no text in ${selector}`);
  return node;
}

/**
 * jsdom computes no layout: give the elements the display a browser's
 * default style sheet does (inline for phrasing elements, block otherwise),
 * which is all `describeSelection` reads.
 */
function stubDisplay(): void {
  const inline = new Set(["A", "B", "EM", "I", "SPAN", "STRONG", "MARK", "CODE", "SMALL"]);
  vi.spyOn(window, "getComputedStyle").mockImplementation(
    (element: Element) => ({ display: inline.has(element.tagName) ? "inline" : "block" }) as CSSStyleDeclaration,
  );
}

beforeEach(() => {
  document.title = "Another outlet: the summits";
  document.body.innerHTML = `
    <header><nav>Home World</nav></header>
    <article>
      <h1>Summits</h1>
      <p id="first">Before   the talks,
        Trump and Kim <b>held <em>three</em>   summits</b> since 2018, the agency said on Friday afternoon.</p>
      <p id="second">A second paragraph follows here, with more words in it than fit.</p>
    </article>`;
  stubDisplay();
});

afterEach(() => {
  window.getSelection()?.removeAllRanges();
  vi.restoreAllMocks();
});

describe("describeSelection", () => {
  it("describes a selection inside a paragraph: exact, up to 32 characters each side from the paragraph, title and address", () => {
    // From "held" (in <b>) to "summits" (after <em>), white space collapsed.
    const bold = document.querySelector("#first b") as HTMLElement;
    select(bold.firstChild as Text, 0, "   summits".length, bold.lastChild as Text);
    expect(describeSelection(32)).toEqual({
      selector: {
        type: "TextQuoteSelector",
        exact: "held three summits",
        prefix: "Before the talks, Trump and Kim ",
        suffix: " since 2018, the agency said on ",
      },
      page: { title: "Another outlet: the summits", url: location.href },
    });
  });

  it("keeps only the last and first `contextLength` characters of the paragraph around the selection", () => {
    const text = textOf("#second");
    const start = text.data.indexOf("paragraph");
    select(text, start, start + "paragraph".length);
    const described = describeSelection(8);
    expect(described?.selector).toEqual({
      type: "TextQuoteSelector",
      exact: "paragraph",
      prefix: " second ",
      suffix: " follows",
    });
  });

  it("takes no context from outside the paragraph (nothing from the heading or the next paragraph)", () => {
    const text = textOf("#second");
    select(text, 0, "A second".length);
    const described = describeSelection(32);
    expect(described?.selector.prefix).toBe("");
    expect(described?.selector.suffix).toBe(" paragraph follows here, with mo");

    const first = textOf("#first");
    select(first, 0, first.data.indexOf("talks") + "talks".length);
    expect(describeSelection(32)?.selector).toMatchObject({ exact: "Before the talks", prefix: "" });
  });

  it("describes a selection across two paragraphs with the context of each end's paragraph", () => {
    const first = document.querySelector("#first") as HTMLElement;
    const lastText = first.lastChild as Text; // " since 2018, the agency said on Friday afternoon."
    const second = textOf("#second");
    select(lastText, lastText.data.indexOf("Friday"), "A second".length, second);
    const described = describeSelection(32);
    expect(described?.selector.exact).toBe("Friday afternoon. A second");
    expect(described?.selector.prefix).toBe(" since 2018, the agency said on ");
    expect(described?.selector.suffix).toBe(" paragraph follows here, with mo");
  });

  it("is null without a selection", () => {
    window.getSelection()?.removeAllRanges();
    expect(describeSelection(32)).toBeNull();
  });

  it("is null for a collapsed selection (a caret)", () => {
    const text = textOf("#second");
    select(text, 4, 4);
    expect(window.getSelection()?.isCollapsed).toBe(true);
    expect(describeSelection(32)).toBeNull();
  });

  it("is null when only white space is selected", () => {
    const first = textOf("#first");
    const gap = first.data.indexOf("   ");
    select(first, gap, gap + 3);
    expect(describeSelection(32)).toBeNull();
  });

  it("stands alone, so that it can be injected (no imports, no closures)", () => {
    const source = describeSelection.toString();
    expect(source).not.toMatch(/\b(import|require)\b|__vite|_\$/);
    // Rebuilt from its source text alone, it still works.
    const rebuilt = new Function(`return (${source})`)() as typeof describeSelection;
    const text = textOf("#second");
    select(text, 2, "A second".length);
    expect(rebuilt(32)?.selector.exact).toBe("second");
  });
});

describe("captureSelection", () => {
  const SELECTION: CapturedSelection = {
    selector: { type: "TextQuoteSelector", exact: "three summits", prefix: "held ", suffix: " since" },
    page: { title: "Another outlet", url: "https://other.example/story" },
  };

  beforeEach(() => {
    fakeBrowser.reset();
  });

  it("injects describeSelection into the tab's frames and returns the top frame's selection first", async () => {
    const inFrame = { ...SELECTION, selector: { ...SELECTION.selector, exact: "two summits" } };
    const execute = vi.spyOn(fakeBrowser.scripting, "executeScript").mockResolvedValue([
      { frameId: 4, documentId: "e", result: inFrame },
      { frameId: 0, documentId: "d", result: SELECTION },
    ] as never);
    expect(await captureSelection(5)).toEqual(SELECTION);
    expect(execute).toHaveBeenCalledExactlyOnceWith({
      target: { tabId: 5, allFrames: true },
      func: describeSelection,
      args: [32],
    });
  });

  it("takes an iframe's selection when the top frame has none (the article may sit in an iframe)", async () => {
    vi.spyOn(fakeBrowser.scripting, "executeScript").mockResolvedValue([
      { frameId: 0, documentId: "d", result: null },
      { frameId: 3, documentId: "f", result: { exact: "malformed" } },
      { frameId: 4, documentId: "e", result: SELECTION },
    ] as never);
    expect(await captureSelection(5)).toEqual(SELECTION);
  });

  it("reads only the frame it is told", async () => {
    const execute = vi
      .spyOn(fakeBrowser.scripting, "executeScript")
      .mockResolvedValue([{ frameId: 4, documentId: "e", result: SELECTION }] as never);
    expect(await captureSelection(5, 4)).toEqual(SELECTION);
    expect(execute).toHaveBeenCalledExactlyOnceWith({
      target: { tabId: 5, frameIds: [4] },
      func: describeSelection,
      args: [32],
    });
  });

  it.each<[string, unknown]>([
    ["nothing selected", [{ frameId: 0, result: null }]],
    ["no injection result", []],
    ["an empty quote", [{ frameId: 0, result: { ...SELECTION, selector: { ...SELECTION.selector, exact: "" } } }]],
    ["a result of another shape", [{ frameId: 0, result: { exact: "three summits" } }]],
    ["an extra field", [{ frameId: 0, result: { ...SELECTION, html: "<b>x</b>" } }]],
  ])("is null for %s", async (_, injection) => {
    vi.spyOn(fakeBrowser.scripting, "executeScript").mockResolvedValue(injection as never);
    expect(await captureSelection(5)).toBeNull();
  });

  it("is null when the tab cannot be scripted", async () => {
    vi.spyOn(fakeBrowser.scripting, "executeScript").mockRejectedValue(new Error("Cannot access contents of the page"));
    expect(await captureSelection(5)).toBeNull();
  });
});

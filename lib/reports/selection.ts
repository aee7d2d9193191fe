/**
 * Describing the reader's text selection in a tab as a W3C
 * TextQuoteSelector (exact, prefix, suffix), with the page's title and
 * address, for a new-claim report.
 */
import { browser } from "wxt/browser";
import { CapturedSelection } from "./schema";

/** Context kept on each side of the selection, in characters. */
const CONTEXT_LENGTH = 32;

/**
 * Runs in the tab (injected by `scripting.executeScript`, so it must stand
 * alone: no imports, no closures). The context is read from the text of the
 * selection's nearest block, white space collapsed.
 */
export function describeSelection(contextLength: number) {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const collapse = (text: string) => text.replace(/\s+/g, " ");
  const exact = collapse(range.toString()).trim();
  if (!exact) return null;
  const blockOf = (node: Node) => {
    let element: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
    while (element && element !== document.body && getComputedStyle(element).display.startsWith("inline")) {
      element = element.parentElement;
    }
    return element ?? document.body;
  };
  const before = document.createRange();
  before.setStart(blockOf(range.startContainer), 0);
  before.setEnd(range.startContainer, range.startOffset);
  const after = document.createRange();
  const endBlock = blockOf(range.endContainer);
  after.setStart(range.endContainer, range.endOffset);
  after.setEnd(endBlock, endBlock.childNodes.length);
  return {
    selector: {
      type: "TextQuoteSelector" as const,
      exact,
      prefix: collapse(before.toString()).slice(-contextLength),
      suffix: collapse(after.toString()).slice(0, contextLength),
    },
    page: { title: document.title, url: location.href },
  };
}

/**
 * The selection in tab `tabId`, or `null` when nothing is selected (or the
 * tab cannot be read). The article may sit in an iframe, so the selection
 * may be in any frame: in `frameId` when the caller knows it (the context
 * menu says which frame was clicked), else the top frame's, or, when the
 * top frame has none, the first other frame's that has one.
 */
export async function captureSelection(tabId: number, frameId?: number): Promise<CapturedSelection | null> {
  try {
    const injections = await browser.scripting.executeScript({
      target: frameId === undefined ? { tabId, allFrames: true } : { tabId, frameIds: [frameId] },
      func: describeSelection,
      args: [CONTEXT_LENGTH],
    });
    const topFrameFirst = [...injections].sort((a, b) => Number(b.frameId === 0) - Number(a.frameId === 0));
    for (const injection of topFrameFirst) {
      const parsed = CapturedSelection.safeParse(injection.result);
      if (parsed.success) return parsed.data;
    }
    return null;
  } catch {
    return null;
  }
}

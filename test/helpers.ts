/**
 * Helpers shared by the tests: fixture pages parsed as static HTML, as the
 * command-line annotator parses them.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { JSDOM, VirtualConsole } from "jsdom";
import { vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { buildTextIndex, type TextIndex } from "../lib/anchoring/text-index";
import { attachDeclarativeShadowRoots } from "../lib/cli/annotate-html";
import type { MessageSender } from "../lib/messaging";
import type { LayerHandlers } from "../lib/overlay/layer-view";

/** Paths, not URLs: under the jsdom environment `URL` is jsdom's, which `fs` does not accept. */
const TEST_DIRECTORY = dirname(fileURLToPath(import.meta.url));
export const FIXTURE_PAGES = join(TEST_DIRECTORY, "fixtures", "pages");

/** Parses an HTML string into a Document, scripts not run, declared shadow roots attached (as a browser parses it). */
export function parseHtml(html: string): Document {
  const doc = new JSDOM(html, { virtualConsole: new VirtualConsole() }).window.document;
  attachDeclarativeShadowRoots(doc);
  return doc;
}

/** The text index of an HTML fragment, as the anchoring tests build it (the fragment in a root div). */
export function indexHtml(html: string): TextIndex {
  const doc = parseHtml(`<!doctype html><body><div id="root">${html}</div></body>`);
  return buildTextIndex(doc.getElementById("root") as Element);
}

/** Reads a fixture page as a Document. */
export function fixturePage(name: string): Document {
  return parseHtml(readFileSync(join(FIXTURE_PAGES, name), "utf8"));
}

/** Names of all fixture pages. */
export function fixturePageNames(): string[] {
  return readdirSync(FIXTURE_PAGES).filter((name) => name.endsWith(".html"));
}

/** The article as scraped, from the seed file. */
export function seedArticle(): string {
  return readFileSync(join(TEST_DIRECTORY, "fixtures", "article", "seed-article.txt"), "utf8");
}

/** The paragraphs of the article body as scraped (headline and page chrome left out). */
export function seedParagraphs(): string[] {
  const lines = seedArticle()
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.slice(2, -1);
}

/**
 * A minimal news page around the given body paragraphs (HTML fragments; the
 * seed's text has no markup characters), plus optional markup after the body.
 */
export function articlePage(paragraphs: readonly string[], after = ""): Document {
  const body = paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join("\n");
  return parseHtml(`<!doctype html><html><head><title>News</title></head><body>
    <header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
    <main><article><h1>North Korea vows to bolster military might in face of US threats</h1>
    <div id="body" class="article-body">${body}</div></article>${after}</main>
    <footer>© News</footer></body></html>`);
}

/**
 * Stands in, in jsdom, for what the overlay's view needs of a browser that
 * jsdom lacks: constructed stylesheets, resize observers and layout boxes
 * (every range one 100 × 20 box). What really happens there is checked end
 * to end in test/e2e/.
 */
export function standInForLayout(): void {
  Object.assign(window, {
    CSSStyleSheet: class {
      replaceSync() {}
    },
    ResizeObserver: class {
      observe() {}
      disconnect() {}
    },
  });
  Object.assign(window.Range.prototype, {
    getClientRects: () => [{ left: 10, top: 20, right: 110, bottom: 40, width: 100, height: 20 }],
    getBoundingClientRect: () => ({ left: 10, top: 20, right: 110, bottom: 40, width: 100, height: 20 }),
  });
}

/** Spies for every callback of the markers' and cards' view. */
export function layerHandlerSpies(): LayerHandlers {
  return {
    onActivate: vi.fn(),
    onHoverMarker: vi.fn(),
    onHoverCard: vi.fn(),
    onClose: vi.fn(),
    onLeaveCard: vi.fn(),
    onPinCard: vi.fn(),
  };
}

/** The page of the tab the senders below are in. */
export const SENDER_PAGE = "https://news.example/world/north-korea";

/** This extension's content script in the top frame of tab 7, as the browser names a message's sender (`overrides`: another frame, another sender). */
export function contentScriptSender(overrides: Partial<MessageSender> = {}): MessageSender {
  return { id: fakeBrowser.runtime.id, tab: { id: 7, url: SENDER_PAGE }, frameId: 0, url: SENDER_PAGE, ...overrides };
}

/** This extension's toolbar popup (no tab), as the browser names a message's sender. */
export function popupSender(): MessageSender {
  return { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/popup.html` };
}

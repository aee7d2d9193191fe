/**
 * Which parts of a page are article text. Used by the text index, so that
 * detection and anchoring agree: ads, captions, comment threads, share bars
 * and scripts inside or around the article body are neither counted as the
 * article nor annotated.
 */

/** Elements whose text is never article prose (code, media, controls, page furniture). */
const SKIPPED_TAGS = new Set([
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "TEMPLATE",
  "IFRAME",
  "OBJECT",
  "EMBED",
  "SVG",
  // The overlay's own hosts, after the claims: their shadow trees hold markers and cards, not prose.
  "FACTCHECK-OVERLAY",
  "MATH",
  "CANVAS",
  "VIDEO",
  "AUDIO",
  "BUTTON",
  "SELECT",
  "TEXTAREA",
  "INPUT",
  "NAV",
  "ASIDE",
  "FIGURE",
  "FIGCAPTION",
  "FOOTER",
  "DIALOG",
  "AMP-AD",
  "AMP-EMBED",
  "AMP-STICKY-AD",
  "AMP-ANALYTICS",
  "AMP-SOCIAL-SHARE",
]);

/** Elements that start a new line of text: a boundary between words. */
const BLOCK_TAGS = new Set([
  "ADDRESS",
  "ARTICLE",
  "ASIDE",
  "BLOCKQUOTE",
  "BR",
  "CAPTION",
  "CENTER",
  "DD",
  "DETAILS",
  "DIALOG",
  "DIV",
  "DL",
  "DT",
  "FIELDSET",
  "FIGCAPTION",
  "FIGURE",
  "FOOTER",
  "FORM",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "HEADER",
  "HGROUP",
  "HR",
  "IMG",
  "LI",
  "MAIN",
  "NAV",
  "OL",
  "P",
  "PRE",
  "SECTION",
  "SUMMARY",
  "TABLE",
  "TBODY",
  "TD",
  "TFOOT",
  "TH",
  "THEAD",
  "TR",
  "UL",
]);

/** ARIA landmarks that are never the article body. */
const SKIPPED_ROLES = new Set(["navigation", "complementary", "contentinfo", "dialog", "alert", "search"]);

/**
 * Advertising, by class or id. Word-bounded, so that "shadow", "header" or
 * "load" do not count as "ad".
 */
const ADVERTISING =
  /(?:^|[^a-z])(?:ads?|adv|advert\w*|adsbygoogle|adslot|adunit|dfp|gpt|sponsor\w*|promo\w*|outbrain|taboola)(?:$|[^a-z])/;

/**
 * Furniture that is unlikely to be article prose: comment threads, related
 * links, share bars, captions. After Readability's "unlikely candidates".
 */
const UNLIKELY =
  /(?:^|[^a-z])(?:comments?|commentlist|disqus|replies|related|recommend\w*|newsletter|share|sharing|social|subscribe|caption|credits?|cookie|consent|paywall)(?:$|[^a-z])/;

/**
 * Rescues an element that names itself as the content although it also looks
 * like an ad or furniture, e.g. "entry-content share-enabled" (also after
 * Readability). Losing an ad to this costs a fuzzy match; losing the article
 * body would cost the page.
 */
const MAYBE_CONTENT = /(?:^|[^a-z])(?:article|body|content|entry|story|main)(?:$|[^a-z])/;

/**
 * Class, id and a custom element's name as one lower-case string, camelCase split into words so that
 * "adContainer" reads as "ad-container".
 */
function classAndId(element: Element): string {
  const className = element.getAttribute("class") ?? "";
  const id = element.getAttribute("id") ?? "";
  // A web component's name says what it is as a class would: <ad-slot>, <comment-thread>, <story-body>.
  const component = element.localName.includes("-") ? element.localName : "";
  if (!className && !id && !component) return "";
  return `${className} ${id} ${component}`.replace(/([a-z])([A-Z])/g, "$1-$2").toLowerCase();
}

/**
 * Whether the text inside `element` is not article text. Apply it to the
 * descendants of a container, never to the container itself or its
 * ancestors: a body class such as "has-comments" must not hide the article.
 */
export function isSkippedElement(element: Element): boolean {
  if (SKIPPED_TAGS.has(element.tagName.toUpperCase())) return true;
  if (element.hasAttribute("hidden") || element.getAttribute("aria-hidden") === "true") return true;
  const role = element.getAttribute("role");
  if (role && SKIPPED_ROLES.has(role)) return true;
  const style = element.getAttribute("style");
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  const names = classAndId(element);
  if (!names) return false;
  return (ADVERTISING.test(names) || UNLIKELY.test(names)) && !MAYBE_CONTENT.test(names);
}

/** Elements whose content is code or markup, not text. */
export const CODE_TAGS = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE"]);

/**
 * The minimal filter: only code is left out. The detector uses it to decide
 * whether the article's text is on the page at all (quotes in comments only
 * repeat shingles the body has, so they cannot make a page the article); the
 * full `isSkippedElement` then decides where its body is.
 */
export function isCodeElement(element: Element): boolean {
  return CODE_TAGS.has(element.tagName);
}

/** Whether `element` breaks the flow of text (a paragraph, a list item, a line break). */
export function isBlockElement(element: Element): boolean {
  return BLOCK_TAGS.has(element.tagName.toUpperCase());
}

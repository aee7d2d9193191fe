/**
 * The annotator behind `npm run -s annotate`: static HTML in, one JSON line
 * out, in the shape checks outside the code rely on (`file`, `article`
 * {detected, id, score}, `annotations` [{claimId, verdict, topic, text,
 * match, score}]): keep it exactly.
 */
import { pathToFileURL } from "node:url";
import { JSDOM, VirtualConsole } from "jsdom";
import { annotateDocument } from "../annotate";
import { claimById } from "../dataset";

/** Markup that only an HTML document starts with (after an optional BOM and comments). */
const LOOKS_LIKE_HTML =
  /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|link|div|p|article|main|section|header)[\s>/]/i;

/**
 * One output line of the contract for the page `html`, reported under the
 * name `file`. `path` (absolute) gives the document its address.
 */
export function annotateHtml(file: string, path: string, html: Buffer | string): string {
  const dom = new JSDOM(html, {
    url: pathToFileURL(path).href,
    // Page stylesheets and scripts are neither run nor fetched; their parse errors are noise.
    virtualConsole: new VirtualConsole(),
  });
  try {
    attachDeclarativeShadowRoots(dom.window.document);
    const result = annotateDocument(dom.window.document);
    return JSON.stringify({
      file,
      article: result.article,
      annotations: result.annotations.map((annotation) => {
        const claim = claimById(annotation.claimId);
        return {
          claimId: annotation.claimId,
          verdict: claim?.verdict,
          topic: claim?.topic,
          text: annotation.text,
          match: annotation.match,
          score: Math.round(annotation.score * 1000) / 1000,
        };
      }),
    });
  } finally {
    dom.window.close();
  }
}

/** Why `bytes` cannot be annotated as an HTML page, or `null` when it can. */
export function notHtmlReason(bytes: Buffer): string | null {
  if (bytes.length === 0) return "the file is empty";
  if (bytes.includes(0)) return "the file is binary, not an HTML page";
  const head = bytes
    .subarray(0, 4096)
    .toString("utf8")
    .replace(/^\uFEFF/, "");
  return LOOKS_LIKE_HTML.test(head) ? null : "the file does not start like an HTML page";
}

/**
 * Attaches the shadow roots that a page declares in its markup
 * (`<template shadowrootmode="open">`, Declarative Shadow DOM), as a browser
 * does while parsing and jsdom does not: the template's content becomes its
 * parent's shadow root, in the declared mode (a closed one stays unreadable),
 * innermost first so that nested declarations are attached too.
 */
export function attachDeclarativeShadowRoots(root: Document | DocumentFragment): void {
  for (const template of [...root.querySelectorAll("template[shadowrootmode]")].reverse()) {
    const host = template.parentElement;
    const mode = template.getAttribute("shadowrootmode");
    if (!host || host.shadowRoot || (mode !== "open" && mode !== "closed")) continue;
    const content = (template as HTMLTemplateElement).content;
    attachDeclarativeShadowRoots(content);
    host.attachShadow({ mode }).append(content);
    template.remove();
  }
}

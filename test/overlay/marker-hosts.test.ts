/**
 * Where the markers' hosts go: right after each claim's last text node, out
 * of links, not in flex or grid containers, and nowhere inside a framework's
 * root, whose claims share one layer placed right after that root.
 */
import { describe, expect, it } from "vitest";
import { FRAMEWORK_ROOTS, frameworkRoot, hostPlaces } from "../../lib/overlay/marker-hosts";
import { parseHtml } from "../helpers";

/** The range of the first occurrence of `quote` in a text node of `doc`. */
function rangeOf(doc: Document, quote: string): Range {
  const walker = doc.createTreeWalker(doc.body, 4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node as Text).data.indexOf(quote);
    if (at < 0) continue;
    const range = doc.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + quote.length);
    return range;
  }
  throw new Error(`"${quote}" is not in the page`);
}

const claims = (doc: Document, ...quotes: string[]) =>
  quotes.map((quote, index) => ({ claimId: `claim-${index}`, range: rangeOf(doc, quote) }));

describe("hostPlaces", () => {
  it("puts each claim's host right after its last text node; no shared layer when every claim has one", () => {
    const doc = parseHtml(
      '<body><main><article id="story"><p>Alpha said one. Then <em>beta said two</em>, and more.</p></article><a href="/next">Next</a></main></body>',
    );
    const story = doc.getElementById("story") as Element;
    const places = hostPlaces(claims(doc, "Alpha said one", "beta said two"), story);
    const [alpha, beta] = [...places.inline.values()];
    expect(alpha).toEqual({
      parent: doc.querySelector("p"),
      before: doc.querySelector("p")?.childNodes[0].nextSibling,
    });
    expect(beta).toEqual({ parent: doc.querySelector("em"), before: null });
    expect(places.layer).toBeNull();
  });

  it("climbs out of a link around the claim's end, and keeps none inside a flex container", () => {
    const doc = parseHtml(
      '<body><article id="story"><p>As <a href="/x">the minister said so</a>.</p><div style="display: flex">Row claim here</div></article></body>',
    );
    const places = hostPlaces(claims(doc, "minister said so", "Row claim"), doc.getElementById("story") as Element);
    expect(places.inline.get("claim-0")).toEqual({
      parent: doc.querySelector("p"),
      before: doc.querySelector("p")?.lastChild,
    });
    expect(places.inline.has("claim-1")).toBe(false);
    // That claim's marker goes in the shared layer, right after the article.
    expect(places.layer).toEqual({ parent: doc.body, before: null });
  });

  it("keeps every host out of a framework's root: the layer goes right after the root", () => {
    const doc = parseHtml(
      '<body><div id="__next"><main><article id="story"><p>Alpha said one.</p></article></main></div><footer>Footer</footer></body>',
    );
    const story = doc.getElementById("story") as Element;
    const places = hostPlaces(claims(doc, "Alpha said one"), story);
    expect(places.inline.size).toBe(0);
    expect(places.layer).toEqual({ parent: doc.body, before: doc.querySelector("footer") });
  });

  it("keeps a claim inside an island that hydrates out of its host, the others in theirs", () => {
    const doc = parseHtml(
      '<body><article id="story"><p>Plain claim.</p><astro-island><p>Island claim.</p></astro-island></article></body>',
    );
    const places = hostPlaces(claims(doc, "Plain claim", "Island claim"), doc.getElementById("story") as Element);
    expect([...places.inline.keys()]).toEqual(["claim-0"]);
  });
});

describe("frameworkRoot", () => {
  it("finds the outermost root of a framework around an element, across shadow boundaries", () => {
    const doc = parseHtml('<body><div data-reactroot=""><div id="shell"></div></div><p id="plain">text</p></body>');
    const shell = doc.getElementById("shell") as Element;
    const inner = doc.createElement("section");
    shell.attachShadow({ mode: "open" }).append(inner);
    expect(frameworkRoot(inner)).toBe(doc.querySelector("[data-reactroot]"));
    expect(frameworkRoot(doc.getElementById("plain") as Element)).toBeNull();
    for (const root of ["#__next", "#__nuxt", "[data-v-app]", "[ng-version]", "[data-server-rendered]", "astro-island"])
      expect(FRAMEWORK_ROOTS.split(",")).toContain(root);
  });
});

/**
 * Property-based tests of anchoring (fast-check): pages generated at random
 * from the article, and from text that is not the article.
 *
 * 1. The article's text cut at random places into text nodes, inline
 *    elements, open shadow roots and slotted light nodes, retyped at random
 *    (curly or straight quotes, dash variants, U+00A0, soft hyphens,
 *    zero-width characters) and strewn with noise (ad labels the filter
 *    knows, empty spans, comments): every claim anchors, to its own text.
 * 2. Unrelated text, paraphrases of the claims among it, typed the same
 *    ways: nothing anchors, in the pipeline or in the anchoring alone.
 * 3. Arbitrary text in arbitrary trees, anchored against arbitrary quotes:
 *    nothing throws.
 *
 * Seeded, so a run is the same every time: `FC_SEED=<n>` tries other pages.
 * A failure prints its seed and path; to replay exactly that case, pass both
 * to `fc.assert` (`{ seed, path, endOnFailure: true }`).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anchorQuotes } from "../../lib/anchoring/anchor-quotes";
import { normalizeText } from "../../lib/anchoring/normalize";
import { buildTextIndex } from "../../lib/anchoring/text-index";
import { annotateDocument } from "../../lib/annotate";
import { dataset } from "../../lib/dataset";
import { ALL, type ClaimId, QUOTES } from "../fixtures/expectations";
import { parseHtml, seedParagraphs } from "../helpers";

const SEED = Number(process.env.FC_SEED ?? 20200612);

/** How one run of text goes into the page. */
const WRAPPERS = ["text", "span", "em", "a", "shadow", "slotted"] as const;
/** What may sit between two runs (none of it is article text). */
const NOISE = ["none", "none", "ad", "empty", "comment"] as const;

interface Piece {
  cut: number;
  wrapper: (typeof WRAPPERS)[number];
  noise: (typeof NOISE)[number];
}

/** Retyping choices, one per character class, drawn per paragraph. */
interface Typing {
  quotes: "curly" | "straight";
  dash: "-" | "\u2010" | "\u2011";
  space: " " | "\u00A0";
  invisible: "" | "\u00AD" | "\u200B" | "\u200C" | "\uFEFF";
}

const typing: fc.Arbitrary<Typing> = fc.record({
  quotes: fc.constantFrom("curly", "straight"),
  dash: fc.constantFrom("-", "\u2010", "\u2011"),
  space: fc.constantFrom(" ", "\u00A0"),
  invisible: fc.constantFrom("", "\u00AD", "\u200B", "\u200C", "\uFEFF"),
});

/** The paragraph retyped: quotes, dashes, some spaces, an invisible character inside long words. */
function retype(text: string, how: Typing): string {
  let out = how.quotes === "straight" ? text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"') : text;
  out = out.replace(/(\w)-(\w)/g, `$1${how.dash}$2`);
  let count = 0;
  out = out.replace(/ /g, () => (count++ % 3 === 1 ? how.space : " "));
  if (how.invisible) out = out.replace(/\b(\w{4})(\w{4,})/g, `$1${how.invisible}$2`);
  return out;
}

const pieces: fc.Arbitrary<Piece[]> = fc.array(
  fc.record({
    cut: fc.double({ min: 0, max: 1, noNaN: true }),
    wrapper: fc.constantFrom(...WRAPPERS),
    noise: fc.constantFrom(...NOISE),
  }),
  { minLength: 0, maxLength: 8 },
);

/** Appends `text` to `parent` cut into runs, each put in the page as `pieces` say, with noise between them. */
function appendCut(doc: Document, parent: Element, text: string, cuts: readonly Piece[]): void {
  const points = [...new Set(cuts.map((piece) => Math.floor(piece.cut * text.length)))].sort((a, b) => a - b);
  const bounds = [0, ...points.filter((point) => point > 0 && point < text.length), text.length];
  for (let index = 0; index + 1 < bounds.length; index++) {
    const run = text.slice(bounds[index], bounds[index + 1]);
    const { wrapper, noise } = cuts[index % Math.max(cuts.length, 1)] ?? { wrapper: "text", noise: "none" };
    if (noise === "ad") {
      const ad = doc.createElement("span");
      ad.className = "ad-label";
      ad.textContent = "Advertisement";
      parent.append(ad);
    } else if (noise === "empty") parent.append(doc.createElement("span"));
    else if (noise === "comment") parent.append(doc.createComment(" ad slot "));
    if (wrapper === "text") parent.append(run);
    else if (wrapper === "shadow" || wrapper === "slotted") {
      const host = doc.createElement("x-run");
      const shadow = host.attachShadow({ mode: "open" });
      if (wrapper === "shadow") shadow.append(run);
      else {
        shadow.append(doc.createElement("slot"));
        host.append(run);
      }
      parent.append(host);
    } else {
      const element = doc.createElement(wrapper);
      if (wrapper === "a") element.setAttribute("href", "/tag");
      element.append(run);
      parent.append(element);
    }
  }
}

/** A news page whose body holds `paragraphs`, each cut and retyped. */
function buildPage(paragraphs: readonly { text: string; typing: Typing; pieces: Piece[] }[]): Document {
  const doc = parseHtml(
    `<!doctype html><body><header><nav><a href="/">Home</a></nav></header><main><article><div id="body"></div></article></main></body>`,
  );
  const body = doc.getElementById("body") as Element;
  for (const paragraph of paragraphs) {
    const p = doc.createElement("p");
    appendCut(doc, p, retype(paragraph.text, paragraph.typing), paragraph.pieces);
    body.append(p);
  }
  return doc;
}

const same = (text: string) => normalizeText(text).replace(/\s+/g, " ").trim();

describe("anchoring, property-based", () => {
  const paragraphs = seedParagraphs();

  it("anchors every claim to its own text however the article is cut, retyped and strewn with noise", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(typing, pieces), { minLength: paragraphs.length, maxLength: paragraphs.length }),
        (draws) => {
          const doc = buildPage(
            paragraphs.map((text, index) => ({ text, typing: draws[index][0], pieces: draws[index][1] })),
          );
          const result = annotateDocument(doc);
          expect(result.article.detected).toBe(true);
          expect(result.annotations.map((annotation) => annotation.claimId)).toEqual(ALL);
          for (const annotation of result.annotations)
            expect(same(annotation.text), annotation.claimId).toBe(same(QUOTES[annotation.claimId as ClaimId]));
        },
      ),
      { seed: SEED, numRuns: 25 },
    );
  });

  /** The claims said in other words, as other articles and comments say them. */
  const PARAPHRASES = [
    "Foreign Minister Ri made the announcement at the end of the week",
    "two years after Trump first sat down with Kim for a summit",
    "the summit in Singapore took place in the middle of June 2018",
    "Pyongyang says it took steps on its own that Washington never returned",
    "a site for nuclear testing was blown up after the meeting",
    "the North stopped testing missiles and nuclear devices",
    "Washington has sanctioned the North harshly and on its own for years",
    "the US president has held three meetings with the North Korean leader",
    "no sanctions have been lifted by the White House so far",
    "the minister said two years of talks had shown",
    "their final meeting was at the border last summer",
    "lower-level talks later collapsed over American attitudes",
    "one day earlier it warned it could interfere with the November vote",
    "a spokeswoman for China's foreign ministry",
  ];
  const FILLER = [
    "The council approved the budget on Tuesday.",
    "Rain is expected across the region this weekend.",
    "Shares closed higher after the central bank's decision.",
    "The museum reopens in spring with a new wing.",
    "Officials in Seoul declined to comment on the report.",
  ];

  it("anchors nothing in unrelated text, paraphrases of the claims included", () => {
    const sentence = fc.constantFrom(...PARAPHRASES, ...FILLER);
    const paragraph = fc.record({
      text: fc.array(sentence, { minLength: 1, maxLength: 5 }).map((sentences) => sentences.join(" ")),
      typing,
      pieces,
    });
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 12 }), (drawn) => {
        const doc = buildPage(drawn);
        const result = annotateDocument(doc);
        expect(result.article.detected).toBe(false);
        expect(result.annotations).toEqual([]);
        // The anchoring alone, without detection in front of it, finds none of the claims either.
        const index = buildTextIndex(doc.getElementById("body") as Element);
        expect(
          anchorQuotes(
            index,
            dataset.claims.map((claim) => claim.selector),
          ).filter(Boolean),
        ).toEqual([]);
      }),
      { seed: SEED, numRuns: 40 },
    );
  });

  it("never throws, whatever the text, the tree or the quotes", () => {
    const text = fc.string({ unit: "grapheme-composite", maxLength: 40 });
    const quote = fc.record({ exact: text, prefix: text, suffix: text });
    fc.assert(
      fc.property(
        fc.array(fc.record({ text, typing, pieces }), { maxLength: 6 }),
        fc.array(quote, { maxLength: 4 }),
        (drawn, quotes) => {
          const doc = buildPage(drawn);
          annotateDocument(doc);
          anchorQuotes(buildTextIndex(doc.getElementById("body") as Element), quotes);
        },
      ),
      { seed: SEED, numRuns: 50 },
    );
  });
});

import { describe, expect, it } from "vitest";
import { dataset } from "../lib/dataset";
import {
  buildTextDirective,
  encodeTextDirectiveTerm,
  FRAGMENT_WORDS,
  linkToClaim,
  linkToQuote,
  withTextFragment,
} from "../lib/text-fragment";

/** The terms of a directive, decoded: what the browser searches for. */
function terms(directive: string) {
  const parts = directive.split(",");
  const prefix = parts[0].endsWith("-") ? decodeURIComponent(parts.shift()?.slice(0, -1) ?? "") : undefined;
  const suffix = parts.at(-1)?.startsWith("-") ? decodeURIComponent(parts.pop()?.slice(1) ?? "") : undefined;
  return { prefix, start: decodeURIComponent(parts[0]), end: parts[1] && decodeURIComponent(parts[1]), suffix };
}

describe("encodeTextDirectiveTerm", () => {
  it("percent-encodes the directive's syntax characters, spaces and non-ASCII", () => {
    expect(encodeTextDirectiveTerm("Kim Jong-un, Trump & co")).toBe("Kim%20Jong%2Dun%2C%20Trump%20%26%20co");
    expect(encodeTextDirectiveTerm("North’s “old stance” 100%")).toBe(
      "North%E2%80%99s%20%E2%80%9Cold%20stance%E2%80%9D%20100%25",
    );
    // Only URL code points the syntax allows are left as they are.
    expect(encodeTextDirectiveTerm("a.b(c)!*'~_")).toBe("a.b(c)!*'~_");
  });
});

describe("buildTextDirective", () => {
  it("gives a short quote whole, with whole-word context trimmed to a few words", () => {
    const directive = buildTextDirective({
      exact: "suspended its missile and nuclear tests",
      prefix: "olished a nuclear test site and ",
      suffix: ", which have long been the targe",
    });
    // "olished" was cut mid-word, "targe" too: neither is used.
    expect(terms(directive ?? "")).toEqual({
      prefix: "nuclear test site and".split(" ").slice(-FRAGMENT_WORDS.context).join(" "),
      start: "suspended its missile and nuclear tests",
      end: undefined,
      suffix: ", which have",
    });
    expect(directive).toBe("test%20site%20and-,suspended%20its%20missile%20and%20nuclear%20tests,-%2C%20which%20have");
  });

  it("gives a long quote as textStart and textEnd of a few words each", () => {
    const claim = dataset.claims.find((candidate) => candidate.id === "anniversary");
    const directive = buildTextDirective(claim?.selector ?? { exact: "", prefix: "", suffix: "" });
    expect(terms(directive ?? "")).toEqual({
      prefix: "Friday came on",
      start: "the second anniversary of",
      end: "North’s leader Kim Jong-un",
      suffix: ". Ri said",
    });
    expect(directive).toContain("Jong%2Dun");
  });

  it("lengthens textEnd when its words occur earlier in the quote", () => {
    const { start, end } = terms(
      buildTextDirective({
        exact: "the talks broke down and then the talks broke down again",
        prefix: "\n",
        suffix: "\n",
      }) ?? "",
    );
    expect(start).toBe("the talks broke down");
    // "talks broke down again" would already do; "the talks broke down" alone would end at the first occurrence.
    expect(end).toBe("talks broke down again");
  });

  it("keeps every term inside one block: context stops at a block boundary, and a quote across blocks is split", () => {
    const directive = buildTextDirective({
      exact: "a subsequent working-level meeting\nbroke down over the US’s “old stance and attitude.”",
      prefix: "an earlier paragraph ends here.\nat the border, but ",
      suffix: "\nThe next paragraph",
    });
    expect(terms(directive ?? "")).toEqual({
      prefix: "the border, but",
      start: "a subsequent working-level meeting",
      end: "“old stance and attitude.”",
      suffix: undefined,
    });
  });

  it("uses the first context word when a block boundary or white space shows it is whole", () => {
    expect(
      terms(buildTextDirective({ exact: "met in Singapore", prefix: "\nKim and Trump ", suffix: "" }) ?? ""),
    ).toEqual({ prefix: "Kim and Trump", start: "met in Singapore", end: undefined, suffix: undefined });
    expect(terms(buildTextDirective({ exact: "Kim and", prefix: " x", suffix: " Trump met\n" }) ?? "").suffix).toBe(
      "Trump met",
    );
  });

  it("drops soft hyphens and zero-width characters, and collapses white space (no-break spaces too)", () => {
    const { start } = terms(
      buildTextDirective({ exact: "Pyong\u00ADyang\u00A0 demol\u200Bished", prefix: "", suffix: "" }) ?? "",
    );
    expect(start).toBe("Pyongyang demolished");
  });

  it("returns null for a quote without text", () => {
    expect(buildTextDirective({ exact: " \n\u00AD ", prefix: "a", suffix: "b" })).toBeNull();
  });
});

describe("withTextFragment and linkToQuote", () => {
  it("replace the page's own fragment, element or text, and keep its query", () => {
    expect(withTextFragment("https://news.example/a?id=3#comments", "x")).toBe("https://news.example/a?id=3#:~:text=x");
    expect(withTextFragment("https://news.example/a#:~:text=old", "new")).toBe("https://news.example/a#:~:text=new");
    expect(linkToQuote("https://news.example/a#top", { exact: "Hua Chunying", prefix: "", suffix: "" })).toBe(
      "https://news.example/a#:~:text=Hua%20Chunying",
    );
    expect(linkToQuote("https://news.example/a#top", { exact: "", prefix: "", suffix: "" })).toBe(
      "https://news.example/a",
    );
  });

  it("linkToClaim prefers the directive built from the page's text to the dataset's quote", () => {
    const quote = { exact: "the US’s “old stance”", prefix: "", suffix: "" };
    expect(linkToClaim("https://news.example/a", quote, "the%20US's")).toBe(
      "https://news.example/a#:~:text=the%20US's",
    );
    expect(linkToClaim("https://news.example/a", quote)).toBe(
      "https://news.example/a#:~:text=the%20US%E2%80%99s%20%E2%80%9Cold%20stance%E2%80%9D",
    );
  });
});

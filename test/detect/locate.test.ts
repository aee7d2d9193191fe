import { describe, expect, it } from "vitest";
import { commonAncestor } from "../../lib/detect/locate";
import { parseHtml } from "../helpers";

describe("commonAncestor", () => {
  it("is the deepest element containing all nodes", () => {
    const doc = parseHtml("<body><main><div id='x'><p>a</p><p><b>b</b></p></div><p>c</p></main></body>");
    const [a, b, c] = ["a", "b", "c"].map(
      (letter) =>
        [...doc.querySelectorAll("p, b")].find((element) => element.textContent === letter)?.firstChild as Node,
    );
    expect(commonAncestor([a, b])).toBe(doc.getElementById("x"));
    expect(commonAncestor([a, c])?.tagName).toBe("MAIN");
    expect(commonAncestor([a])).toBe(a.parentElement);
    expect(commonAncestor([])).toBeNull();
  });
});

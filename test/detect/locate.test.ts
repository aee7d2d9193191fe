import { describe, expect, it } from "vitest";
import { commonAncestor, textNodesAt } from "../../lib/detect/locate";
import { parseHtml } from "../helpers";

describe("textNodesAt", () => {
  const doc = parseHtml("<body><p id='a'>one two</p><script>three</script><p id='b'>four <em>five</em></p></body>");
  const text = doc.body.textContent ?? "";

  it("finds the text nodes holding offsets of textContent", () => {
    const nodes = textNodesAt(doc.body, [text.indexOf("five"), text.indexOf("two")]);
    expect(nodes.map((node) => node.data)).toEqual(["one two", "five"]);
  });

  it("counts offsets in the text without invisible characters when asked", () => {
    const hyphenated = parseHtml("<body><p>Chun\u00ADying</p><p>stale\u00ADmate</p></body>");
    const stripped = (hyphenated.body.textContent ?? "").replace(/\u00AD/g, "");
    const nodes = textNodesAt(hyphenated.body, [stripped.indexOf("stalemate")], true);
    expect(nodes.map((node) => node.data)).toEqual(["stale\u00ADmate"]);
  });
});

describe("commonAncestor", () => {
  it("is the deepest element containing all nodes", () => {
    const doc = parseHtml("<body><main><div id='x'><p>a</p><p><b>b</b></p></div><p>c</p></main></body>");
    const [a, b, c] = ["a", "b", "c"].map(
      (letter) =>
        [...doc.querySelectorAll("p, b")].find((element) => element.textContent === letter)?.firstChild as Node,
    );
    expect(commonAncestor([a, b])).toBe(doc.getElementById("x"));
    expect(commonAncestor([a, c])?.tagName).toBe("MAIN");
    expect(commonAncestor([])).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { flatChildren, flatContains, flatParent, openShadowRoots } from "../../lib/anchoring/flat-tree";
import { buildTextIndex } from "../../lib/anchoring/text-index";
import { runNow } from "../../lib/detect/sliced";
import { parseHtml } from "../helpers";

/** A page with a component: `<x-story>` renders a heading and a slot into an open shadow root. */
function componentPage(): { doc: Document; host: Element; shadow: ShadowRoot } {
  const doc = parseHtml(`<!doctype html><body><div id="root"><p>Before.</p>
    <x-story id="host"><span id="light">slotted text</span><span slot="nowhere">unassigned</span></x-story>
    <p>After.</p></div></body>`);
  const host = doc.getElementById("host") as Element;
  const shadow = host.attachShadow({ mode: "open" });
  const heading = doc.createElement("h2");
  heading.textContent = "Shadow heading";
  const paragraph = doc.createElement("p");
  paragraph.append("In the shadow, ", doc.createElement("slot"), " and more.");
  shadow.append(heading, paragraph);
  return { doc, host, shadow };
}

describe("the flat tree", () => {
  it("shows a host's shadow tree in place of its light children, and a slot's assigned nodes", () => {
    const { doc, host, shadow } = componentPage();
    expect([...flatChildren(host)]).toEqual([...shadow.childNodes]);
    const slot = shadow.querySelector("slot") as HTMLSlotElement;
    expect([...flatChildren(slot)]).toEqual([doc.getElementById("light")]);
    const index = buildTextIndex(doc.getElementById("root") as Element);
    expect(index.text).toBe("before. shadow heading in the shadow, slotted text and more. after.");
  });

  it("shows a slot's fallback content when nothing is assigned to it", () => {
    const doc = parseHtml(`<body><div id="root"><x-empty id="host"></x-empty></div></body>`);
    const shadow = (doc.getElementById("host") as Element).attachShadow({ mode: "open" });
    const slot = doc.createElement("slot");
    slot.textContent = "fallback";
    shadow.append(slot);
    expect(buildTextIndex(doc.getElementById("root") as Element).text).toBe("fallback");
  });

  it("goes up from shadow text to the host, and from slotted text through its slot", () => {
    const { doc, host, shadow } = componentPage();
    const heading = shadow.querySelector("h2") as Element;
    expect(flatParent(heading)).toBe(host);
    const light = doc.getElementById("light") as Element;
    expect(flatParent(light)).toBe(shadow.querySelector("slot"));
    expect(flatContains(doc.getElementById("root") as Element, heading.firstChild as Text)).toBe(true);
    expect(flatContains(heading, light)).toBe(false);
  });

  it("finds open shadow roots, nested ones too, and never closed ones", () => {
    const { doc, shadow } = componentPage();
    const inner = doc.createElement("x-inner");
    shadow.append(inner);
    const innerShadow = inner.attachShadow({ mode: "open" });
    const closedHost = doc.createElement("x-closed");
    doc.body.append(closedHost);
    closedHost.attachShadow({ mode: "closed" }).append("secret");
    expect(runNow(openShadowRoots(doc.body))).toEqual([shadow, innerShadow]);
  });
});

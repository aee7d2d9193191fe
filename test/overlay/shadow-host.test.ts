import { describe, expect, it, vi } from "vitest";
import { alignToDocument, GUARDED_EVENTS, HOST_TAG, mountShadowLayer } from "../../lib/overlay/shadow-host";
import { parseHtml } from "../helpers";

describe("mountShadowLayer", () => {
  it("adds one empty inline host with an open shadow root, and removes it without a trace", () => {
    const doc = parseHtml("<body><p>text</p></body>");
    const view = doc.defaultView as Window & typeof globalThis;
    // jsdom lacks constructed stylesheets: stand one in.
    class Sheet {
      replaceSync() {}
    }
    Object.assign(view, { CSSStyleSheet: Sheet });
    const before = doc.documentElement.outerHTML;
    const layer = mountShadowLayer(doc, ".layer { color: red }");
    expect(doc.querySelectorAll(HOST_TAG)).toHaveLength(1);
    expect(layer.host.shadowRoot).toBe(layer.shadow);
    expect(layer.shadow.mode).toBe("open");
    expect(layer.host.parentNode).toBe(doc.documentElement);
    expect(layer.host.style.getPropertyValue("all")).toBe("initial");
    expect(layer.host.style.getPropertyPriority("all")).toBe("important");
    expect(layer.shadow.contains(layer.container)).toBe(true);
    layer.remove();
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it("goes where it is placed, and moves its container's origin to the document's", () => {
    const doc = parseHtml("<body><p>one claim. more text</p></body>");
    Object.assign(doc.defaultView as object, {
      CSSStyleSheet: class {
        replaceSync() {}
      },
    });
    const text = doc.querySelector("p")?.firstChild as Text;
    const layer = mountShadowLayer(doc, "", { parent: text.parentNode as Node, before: text.nextSibling });
    expect(layer.host.previousSibling).toBe(text);
    // jsdom has no layout: stand in the box the browser would give the container, 120 px right and 300 px down.
    let box = { left: 120, top: 300 };
    layer.container.getClientRects = () => [box] as unknown as DOMRectList;
    const view = { scrollX: 0, scrollY: 50 } as Window;
    alignToDocument([layer], view);
    expect(layer.container.style.transform).toBe("translate(-120px,-350px)");
    // Moved as asked: already at the origin, it stays.
    box = { left: 0, top: -50 };
    alignToDocument([layer], view);
    expect(layer.container.style.transform).toBe("translate(-120px,-350px)");
    layer.remove();
    expect(doc.body.innerHTML).toBe("<p>one claim. more text</p>");
  });

  it("stops every made-up interaction event at the shadow root, before any control hears it", () => {
    const doc = parseHtml("<body><p>text</p></body>");
    Object.assign(doc.defaultView as object, {
      CSSStyleSheet: class {
        replaceSync() {}
      },
    });
    const layer = mountShadowLayer(doc, "");
    const button = doc.createElement("button");
    const link = doc.createElement("a");
    link.href = "https://example.org/";
    layer.container.append(button, link);
    const heard = vi.fn();
    for (const type of GUARDED_EVENTS) {
      button.addEventListener(type, heard);
      link.addEventListener(type, heard);
    }
    // jsdom's events, like a page script's, are untrusted.
    button.click();
    for (const type of GUARDED_EVENTS) button.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
    const follow = new MouseEvent("click", { bubbles: true, cancelable: true, composed: true });
    link.dispatchEvent(follow);
    expect(heard).not.toHaveBeenCalled();
    expect(follow.defaultPrevented).toBe(true);
    layer.remove();
  });
});

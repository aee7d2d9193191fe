import { describe, expect, it } from "vitest";
import { HOST_TAG, mountShadowLayer } from "../../lib/overlay/shadow-host";
import { parseHtml } from "../helpers";

describe("mountShadowLayer", () => {
  it("adds one positioned host with an open shadow root, and removes it without a trace", () => {
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
    expect(layer.host.style.getPropertyValue("position")).toBe("absolute");
    expect(layer.host.style.getPropertyPriority("position")).toBe("important");
    expect(layer.shadow.contains(layer.container)).toBe(true);
    layer.remove();
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

import { describe, expect, it } from "vitest";
import { annotationsEnabledOn, DEFAULT_SETTINGS, siteHostname } from "../lib/settings";

describe("annotationsEnabledOn", () => {
  it("is on everywhere by default", () => {
    expect(annotationsEnabledOn(DEFAULT_SETTINGS, "news.example")).toBe(true);
  });

  it("is off on the disabled sites only", () => {
    const settings = { ...DEFAULT_SETTINGS, disabledSites: ["a.example", "b.example"] };
    expect(annotationsEnabledOn(settings, "a.example")).toBe(false);
    expect(annotationsEnabledOn(settings, "b.example")).toBe(false);
    expect(annotationsEnabledOn(settings, "news.example")).toBe(true);
  });

  it("is off everywhere when switched off", () => {
    expect(annotationsEnabledOn({ ...DEFAULT_SETTINGS, enabled: false }, "news.example")).toBe(false);
  });
});

describe("siteHostname", () => {
  it("is the document's own host in a top frame", () => {
    expect(siteHostname({ hostname: "news.example", ancestorOrigins: [] })).toBe("news.example");
    expect(siteHostname({ hostname: "news.example" })).toBe("news.example");
  });

  it("is the top page's host in a frame, however deep, where the browser gives the ancestors", () => {
    const embed = { hostname: "embed.wire.example", ancestorOrigins: ["https://ads.example", "https://news.example"] };
    expect(siteHostname(embed)).toBe("news.example");
    // A srcdoc frame has no host of its own.
    expect(siteHostname({ hostname: "", ancestorOrigins: ["http://127.0.0.1:8080"] })).toBe("127.0.0.1");
  });

  it("falls back to the frame's own host for an opaque top origin", () => {
    expect(siteHostname({ hostname: "embed.wire.example", ancestorOrigins: ["null"] })).toBe("embed.wire.example");
  });
});

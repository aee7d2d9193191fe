import { afterEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { INTERFACE_LOCALES, installLanguage, messagesFor, resolveLocale } from "../../lib/i18n/tables";
import { currentLocale, t } from "../../lib/i18n/translate";

afterEach(() => installLanguage("en"));

describe("resolveLocale", () => {
  it("honours the reader's choice over the browser's language", () => {
    expect(resolveLocale("ko", ["en-US"])).toBe("ko");
    expect(resolveLocale("en", ["ko-KR", "ko"])).toBe("en");
  });

  it("follows the browser's languages, most preferred first, when the choice is automatic", () => {
    expect(resolveLocale("auto", ["ko-KR", "en-US"])).toBe("ko");
    expect(resolveLocale("auto", ["ko"])).toBe("ko");
    expect(resolveLocale("auto", ["fr-FR", "ko_KR", "en"])).toBe("ko");
    expect(resolveLocale("auto", ["en-GB", "ko"])).toBe("en");
  });

  it("falls back to English when the interface has none of the browser's languages", () => {
    expect(resolveLocale("auto", ["fr", "de-DE"])).toBe("en");
    expect(resolveLocale("auto", [])).toBe("en");
    expect(INTERFACE_LOCALES[0]).toBe("en");
  });
});

describe("installLanguage", () => {
  it("installs the chosen table and marks the document's language", () => {
    expect(installLanguage("ko")).toBe("ko");
    expect(currentLocale()).toBe("ko");
    expect(t("close")).toBe("닫기");
    expect(document.documentElement.lang).toBe("ko");
    expect(installLanguage("en")).toBe("en");
    expect(t("close")).toBe("Close");
  });

  it("follows the browser's interface language when the choice is automatic", () => {
    fakeBrowser.i18n.getUILanguage = () => "ko";
    expect(installLanguage("auto")).toBe("ko");
  });

  it("compiles each table once", () => {
    expect(messagesFor("ko")).toBe(messagesFor("ko"));
    expect(messagesFor("en").foundClaims_other).toBe("Found on this page: $1 claims");
  });
});

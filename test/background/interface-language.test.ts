import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import {
  answerDataset,
  answerMessages,
  followInterfaceLanguage,
  interfaceLocale,
} from "../../lib/background/interface-language";
import { dataset } from "../../lib/dataset";
import { messagesFor } from "../../lib/i18n/tables";
import { currentLocale } from "../../lib/i18n/translate";
import { REPORT_MENU_ITEM } from "../../lib/reports/report-window";
import { InterfaceMessages } from "../../lib/schema";
import { updateSettings } from "../../lib/storage";

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getUILanguage = () => "en-US";
});

describe("what the background hands the overlay", () => {
  it("is the table of the browser's language, by default", async () => {
    const answer = answerMessages(await interfaceLocale());
    expect(InterfaceMessages.parse(answer).locale).toBe("en");
    expect(Object.fromEntries(answer.messages.map(({ key, message }) => [key, message]))).toEqual(messagesFor("en"));
    fakeBrowser.i18n.getUILanguage = () => "ko-KR";
    expect(answerMessages(await interfaceLocale()).locale).toBe("ko");
  });

  it("is the table of the language the reader chose, whatever the browser's", async () => {
    await updateSettings((current) => ({ ...current, language: "ko" }));
    const answer = answerMessages(await interfaceLocale());
    expect(answer.locale).toBe("ko");
    expect(answer.messages).toContainEqual({ key: "close", message: "닫기" });
  });

  it("hands over the dataset with its quotes as the article has them", async () => {
    await updateSettings((current) => ({ ...current, language: "ko" }));
    const sent = answerDataset(await interfaceLocale());
    expect(sent.claims.map((claim) => claim.selector.exact)).toEqual(
      dataset.claims.map((claim) => claim.selector.exact),
    );
  });
});

describe("followInterfaceLanguage", () => {
  it("installs the chosen language in the background and renames the context menu item when it changes", async () => {
    const update = vi.spyOn(fakeBrowser.contextMenus, "update").mockResolvedValue(undefined);
    await followInterfaceLanguage();
    expect(currentLocale()).toBe("en");
    expect(update).toHaveBeenLastCalledWith(REPORT_MENU_ITEM, { title: "Report claim for fact-checking" });
    await updateSettings((current) => ({ ...current, language: "ko" }));
    await vi.waitFor(() => expect(currentLocale()).toBe("ko"));
    expect(update).toHaveBeenLastCalledWith(REPORT_MENU_ITEM, { title: "이 주장의 팩트체크 요청하기" });
  });
});

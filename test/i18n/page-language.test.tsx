import { cleanup, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { renderInLanguage } from "../../lib/i18n/page-language";
import { t } from "../../lib/i18n/translate";
import { updateSettings } from "../../lib/storage";

afterEach(cleanup);

describe("renderInLanguage", () => {
  it("renders the page in the chosen language and again when the reader changes it", async () => {
    await updateSettings((current) => ({ ...current, language: "ko" }));
    const root = document.createElement("div");
    document.body.append(root);
    const stop = await renderInLanguage(root, () => <button type="button">{t("close")}</button>, "optionsTitle");
    expect(screen.getByRole("button").textContent).toBe("닫기");
    expect(document.title).toBe("팩트체크 설정");
    expect(document.documentElement.lang).toBe("ko");

    await updateSettings((current) => ({ ...current, language: "en" }));
    await waitFor(() => expect(screen.getByRole("button").textContent).toBe("Close"));
    expect(document.title).toBe("Fact-check settings");
    stop();
    root.remove();
  });
});

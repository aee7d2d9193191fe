import { describe, expect, it } from "vitest";
import { dataset } from "../../lib/dataset";
import { localizeDataset } from "../../lib/i18n/localize-dataset";
import { readerDataset } from "../../lib/i18n/reader-dataset";
import { installLocale } from "../../lib/i18n/translate";

describe("readerDataset", () => {
  it("is the dataset in the installed language, built once per language", () => {
    installLocale("ko", {});
    const korean = readerDataset();
    expect(korean).toEqual(localizeDataset(dataset, "ko"));
    expect(readerDataset()).toBe(korean);
    installLocale("en", {});
    expect(readerDataset()).toEqual(localizeDataset(dataset, "en"));
  });
});

/**
 * The parts the overlay's second script hands the first: the cards' answer
 * checked (and its words installed, in this script's own copy of the
 * translations), a view that draws markers with the given styles, and the
 * tab messages' check.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { answerMessages } from "../../lib/background/interface-language";
import { dataset } from "../../lib/dataset";
import { messagesFor } from "../../lib/i18n/tables";
import { installLocale, t } from "../../lib/i18n/translate";
import { cardsLayerKit } from "../../lib/overlay/cards-layer";
import { HOST_TAG } from "../../lib/overlay/shadow-host";
import { DEFAULT_SETTINGS } from "../../lib/settings";
import { contentScriptSender, layerHandlerSpies, popupSender } from "../helpers";

describe("cardsLayerKit", () => {
  beforeEach(() => installLocale("en", messagesFor("en")));

  it("checks the cards' answer, installs its words and gives its dataset", () => {
    const kit = cardsLayerKit("");
    const answer = {
      dataset: structuredClone(dataset),
      messages: answerMessages("ko"),
    };
    expect(kit.readCards(answer)).toEqual(dataset);
    expect(t("close")).toBe(messagesFor("ko").close);
  });

  it("gives null for an answer off the schema, or none, and keeps the words it had", () => {
    const kit = cardsLayerKit("");
    const words = answerMessages("ko");
    expect(kit.readCards({ dataset: { ...dataset, claims: [] }, messages: words })).toBeNull();
    expect(kit.readCards({ dataset: { ...dataset, extra: true }, messages: words })).toBeNull();
    expect(kit.readCards(undefined)).toBeNull();
    expect(t("close")).toBe(messagesFor("en").close);
  });

  it("checks tab messages against their schema and sender, with the schemas this script brings", () => {
    const { readTabMessage } = cardsLayerKit("");
    const settings = { type: "settings", settings: DEFAULT_SETTINGS };
    expect(readTabMessage(settings, popupSender())).toEqual(settings);
    expect(readTabMessage({ type: "settings", settings: { enabled: "maybe" } }, popupSender())).toBeNull();
    expect(readTabMessage(settings, contentScriptSender())).toBeNull();
  });

  it("draws the markers' layer with its styles", () => {
    const adopted: string[] = [];
    Object.assign(window, {
      CSSStyleSheet: class {
        replaceSync(css: string) {
          adopted.push(css);
        }
      },
    });
    const layer = cardsLayerKit(".marker { color: red }").createLayerView(document, dataset, layerHandlerSpies());
    layer.mount({ inline: new Map(), layer: { parent: document.body, before: null } });
    expect(document.querySelector(HOST_TAG)).not.toBeNull();
    expect(adopted).toContain(".marker { color: red }");
    layer.unmount();
    expect(document.querySelector(HOST_TAG)).toBeNull();
  });
});

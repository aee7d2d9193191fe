/**
 * The layer kit (`layer-kit.ts`) the overlay's second script provides: the
 * cards' answer checked against the dataset's schemas, the interface's
 * words installed where the components read them (this script's own copy
 * of the translations), the view that renders markers and cards, and the
 * tab messages' check.
 */
import { datasetSchemas } from "../dataset-schema";
import { installLocale } from "../i18n/translate";
import { acceptTabMessage } from "../message-checks";
import type { LayerKit } from "./layer-kit";
import { createLayerView } from "./layer-view";

/** The kit, its markers and cards styled by `css`. */
export function cardsLayerKit(css: string): LayerKit {
  return {
    readCards(answer) {
      const received = datasetSchemas().OverlayCards.safeParse(answer);
      if (!received.success) return null;
      const { dataset, messages } = received.data;
      installLocale(messages.locale, Object.fromEntries(messages.messages.map((entry) => [entry.key, entry.message])));
      return dataset;
    },
    createLayerView: (doc, data, handlers) => createLayerView(doc, css, data, handlers),
    readTabMessage: acceptTabMessage,
  };
}

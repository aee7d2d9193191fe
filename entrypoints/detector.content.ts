import { fingerprint } from "../data/article.json";
import { watchForArticle } from "../lib/detect/watch-for-article";
import type { RuntimeMessage } from "../lib/schema";

/**
 * Runs on every http(s) page. Tiny by design (see wxt.config.ts): the
 * pre-filter and the fingerprint check, no UI, no dataset beyond the
 * fingerprint. On a match it asks the background to inject the overlay;
 * elsewhere it changes nothing and sends nothing. It runs in every frame
 * too (the article may sit in an iframe, a `srcdoc` one or a news site's
 * cross-origin embed): wxt.config.ts sets the frame options in the
 * manifest, so that they add no byte here.
 */
export default defineContentScript({
  // Every http(s) page ("*" is either scheme), once it is loaded (the default time, document_idle).
  matches: ["*://*/*"],
  main(ctx) {
    watchForArticle(ctx, document, fingerprint, (score) => {
      const message: RuntimeMessage = { type: "article-detected", score };
      browser.runtime.sendMessage(message).catch(() => {
        // The background was not reached (the extension is reloading): nothing to do.
      });
    });
  },
});

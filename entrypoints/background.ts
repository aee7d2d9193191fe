export default defineBackground(() => {
  // The per-tab state, badge and message router arrive with the browser issue;
  // the pipeline they call (lib/annotate.ts) is complete and tested on its own.
});

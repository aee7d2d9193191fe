import { forgetTab, handleArticleMessage, handleNavigation } from "../lib/background/article-tabs";
import { runClaimCommand } from "../lib/background/commands";
import {
  createReportMenu,
  handlePageMessage,
  REPORT_MENU_ITEM,
  reportSelectionFromMenu,
  submitDraft,
} from "../lib/background/reports";
import { acceptPageMessage, acceptRuntimeMessage, type MessageSender } from "../lib/messaging";
import { OUTBOX_ALARM, processOutbox } from "../lib/reports";

/**
 * The background: routes validated messages from detectors, overlays and
 * the extension's pages; keeps per-tab state and the badge; runs the
 * keyboard commands, the context menu and the report outbox. Listeners are
 * registered synchronously so that a restarted service worker receives the
 * event that woke it.
 */
export default defineBackground(() => {
  browser.runtime.onMessage.addListener((raw: unknown, sender: MessageSender) => {
    const fromTab = acceptRuntimeMessage(raw, sender);
    if (fromTab?.message.type === "submit-report") return submitDraft(fromTab.message.draft);
    if (fromTab) {
      void handleArticleMessage(fromTab).catch(() => forgetTab(fromTab.tabId));
      return undefined;
    }
    const fromPage = acceptPageMessage(raw, sender);
    return fromPage ? handlePageMessage(fromPage) : undefined;
  });
  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    if (changeInfo.url) void handleNavigation(tabId, changeInfo.url);
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  browser.commands.onCommand.addListener((command) => void runClaimCommand(command));

  browser.runtime.onInstalled.addListener(() => createReportMenu());
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === REPORT_MENU_ITEM) void reportSelectionFromMenu(tab?.id);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) void processOutbox();
  });
  // Whenever the worker starts (browser start, or woken after being stopped): send what is due.
  void processOutbox();
});

import {
  forgetFrame,
  forgetTab,
  handleArticleMessage,
  handleNavigation,
  injectOverlayCards,
} from "../lib/background/article-tabs";
import { runClaimCommand } from "../lib/background/commands";
import { followInterfaceLanguage } from "../lib/background/interface-language";
import { openHowWeCheck } from "../lib/background/open-pages";
import { answerOverlayCards } from "../lib/background/overlay-start";
import { relaySettingsChanges } from "../lib/background/settings-relay";
import { acceptRuntimeMessage } from "../lib/message-checks";
import type { MessageSender } from "../lib/messaging";
import { migrateLegacyStorage, OUTBOX_ALARM, processOutbox } from "../lib/reports/outbox";
import { acceptReportRequest, handleReportRequest } from "../lib/reports/protocol";
import { createReportMenu, REPORT_MENU_ITEM, reportSelectionFromMenu } from "../lib/reports/report-window";
import { restrictStorageToExtension } from "../lib/storage";

/**
 * The background: routes validated messages from detectors, overlays and
 * the extension's pages; keeps per-tab state and the badge; hands the
 * overlays their settings, words and dataset; runs the keyboard commands, the context menu and
 * the report outbox. Listeners are registered synchronously so that a
 * restarted service worker receives the event that woke it.
 */
export default defineBackground(() => {
  browser.runtime.onMessage.addListener((raw: unknown, sender: MessageSender) => {
    const fromTab = acceptRuntimeMessage(raw, sender);
    if (fromTab?.message.type === "get-cards") return answerOverlayCards();
    if (fromTab?.message.type === "load-layer") return injectOverlayCards(fromTab);
    if (fromTab?.message.type === "open-how-we-check") return openHowWeCheck(fromTab.tabId).catch(() => false);
    if (fromTab) {
      void handleArticleMessage(fromTab).catch(() => forgetFrame(fromTab));
      return undefined;
    }
    const report = acceptReportRequest(raw, sender);
    return report ? handleReportRequest(report) : undefined;
  });
  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    if (changeInfo.url) void handleNavigation(tabId, changeInfo.url);
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  browser.commands.onCommand.addListener((command) => void runClaimCommand(command));
  relaySettingsChanges();
  const language = followInterfaceLanguage();

  browser.runtime.onInstalled.addListener(() => void language.then(createReportMenu));
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === REPORT_MENU_ITEM) void reportSelectionFromMenu(tab?.id, info.frameId);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) void processOutbox();
  });
  // Whenever the worker starts (browser start, or woken after being stopped): keep content scripts
  // out of the extension's storage, move reports an older version kept there, then send what is due.
  void restrictStorageToExtension();
  void migrateLegacyStorage().then(() => processOutbox());
});

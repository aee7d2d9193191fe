import { forgetTab, handleArticleMessage, handleNavigation } from "../lib/background/article-tabs";
import { runClaimCommand } from "../lib/background/commands";
import { acceptRuntimeMessage, type MessageSender } from "../lib/messaging";

/**
 * The background: routes validated messages from detectors and overlays,
 * keeps per-tab state and the badge, and runs the keyboard commands.
 * Listeners are registered synchronously so that a restarted service
 * worker receives the event that woke it.
 */
export default defineBackground(() => {
  browser.runtime.onMessage.addListener((raw: unknown, sender: MessageSender) => {
    const received = acceptRuntimeMessage(raw, sender);
    if (received) void handleArticleMessage(received).catch(() => forgetTab(received.tabId));
    return undefined;
  });
  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    if (changeInfo.url) void handleNavigation(tabId, changeInfo.url);
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  browser.commands.onCommand.addListener((command) => void runClaimCommand(command));
});

/**
 * A stand-in for the background in component tests: answers the extension
 * pages' messages with the real handlers (lib/background/reports.ts, so the
 * real outbox stores reports in the fake browser's storage), and records
 * every message it receives. Register after `fakeBrowser.reset()`.
 */
import { fakeBrowser } from "wxt/testing/fake-browser";
import { handlePageMessage } from "../../lib/background/reports";
import { PageMessage } from "../../lib/schema";

/** Starts the stand-in; returns the messages received, in order. */
export function fakeBackground(): unknown[] {
  const received: unknown[] = [];
  fakeBrowser.runtime.onMessage.addListener(async (raw: unknown) => {
    received.push(raw);
    return handlePageMessage(PageMessage.parse(raw));
  });
  return received;
}

/** A stand-in that answers every message with `answer` (a receipt, a selection, …) and records them. */
export function answeringBackground(answer: (message: unknown) => unknown): unknown[] {
  const received: unknown[] = [];
  fakeBrowser.runtime.onMessage.addListener(async (raw: unknown) => {
    received.push(raw);
    return answer(raw);
  });
  return received;
}

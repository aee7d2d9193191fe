/**
 * A stand-in for the background in component tests: answers the extension
 * pages' report requests with the real handlers (lib/reports/protocol.ts,
 * so the real outbox stores reports in trusted storage), and records every
 * request it receives. Register after `fakeBrowser.reset()`.
 */
import { fakeBrowser } from "wxt/testing/fake-browser";
import { acceptReportRequest, handleReportRequest } from "../../lib/reports/protocol";

/** Starts the stand-in; returns the requests received, in order. */
export function fakeBackground(): unknown[] {
  const received: unknown[] = [];
  const popup = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL("/popup.html") };
  fakeBrowser.runtime.onMessage.addListener(async (raw: unknown) => {
    received.push(raw);
    const accepted = acceptReportRequest(raw, popup);
    if (!accepted) throw new Error(`refused: ${JSON.stringify(raw)}`);
    return handleReportRequest(accepted);
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

/**
 * Asking the background about reports: the sending half of the protocol
 * (protocol.ts defines and checks the requests). Apart from the protocol's
 * schemas and handlers, so that the overlay's card, which only asks for the
 * report window to open, carries none of them.
 */
import { browser } from "wxt/browser";
import type { ReportRequest } from "./protocol";

/** Sends `request` to the background (from an extension page, or `open-report` from the overlay); its answer. */
export function askBackground(request: ReportRequest): Promise<unknown> {
  return browser.runtime.sendMessage(request);
}

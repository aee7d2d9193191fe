/**
 * What a report is: a reader disputes an annotation or sends in a claim the
 * dataset lacks, in their own words. The outbox (outbox.ts) stores and sends
 * `Report`s; the form (components/reports/) builds `ReportDraft`s; the
 * protocol (protocol.ts) carries them to the background. Types are inferred
 * from these schemas.
 */
import { t } from "../i18n/translate";
import "../zod-jitless";
import { z } from "zod";
import { Slug, TextQuoteSelector } from "../schema";

/** Why a reader reports. */
export const ReportReason = z.enum(["wrong-verdict", "outdated", "source-broken", "wrong-text", "other"]);
export type ReportReason = z.infer<typeof ReportReason>;

/** Longest comment, in characters. */
export const MAX_COMMENT_LENGTH = 2000;

/** Longest page title a report keeps. */
export const MAX_TITLE_LENGTH = 500;

/** Where a report was made: the page's title, and its address only if the reader opted in. */
export const ReportPage = z.strictObject({
  title: z.string().max(MAX_TITLE_LENGTH),
  url: z.url({ protocol: /^https?$/ }).optional(),
});
export type ReportPage = z.infer<typeof ReportPage>;

const reportFields = {
  reason: ReportReason,
  comment: z.string().trim().max(MAX_COMMENT_LENGTH, `at most ${MAX_COMMENT_LENGTH} characters`),
  /** Optional contact address, for the fact-check desk to reply. */
  email: z.email("not a valid email address").optional(),
  page: ReportPage,
};

/** What the reader submits: a dispute of an annotation, or a new claim (a text selection). */
export const ReportDraft = z
  .discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("dispute"), claimId: Slug, ...reportFields }),
    z.strictObject({ kind: z.literal("new-claim"), selector: TextQuoteSelector, ...reportFields }),
  ])
  .superRefine((draft, ctx) => {
    if (draft.reason === "other" && draft.comment.length === 0)
      ctx.addIssue({ code: "custom", message: 'a comment is required for "other"', path: ["comment"] });
  });
export type ReportDraft = z.infer<typeof ReportDraft>;

/**
 * Where a report is: kept on this device (no endpoint configured), queued
 * for sending (with retries), sent, or failed (the endpoint refused it).
 */
export const ReportState = z.enum(["local", "queued", "sent", "failed"]);
export type ReportState = z.infer<typeof ReportState>;

/** A report in the outbox. Its id is a UUID and also its idempotency key. */
export const Report = z.strictObject({
  id: z.uuid(),
  createdAt: z.iso.datetime(),
  draft: ReportDraft,
  state: ReportState,
  /** Send attempts made so far. */
  attempts: z.number().int().min(0),
  /** When the next attempt is due (queued reports), ms since the epoch. */
  nextAttemptAt: z.number().optional(),
  /** Why the last attempt failed: the server's message, or the network error. */
  lastError: z.string().optional(),
  sentAt: z.iso.datetime().optional(),
});
export type Report = z.infer<typeof Report>;

/** Host names on which plain http is accepted, for a desk running on this machine. */
const LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "[::1]"];

/**
 * The report endpoint: https (or http on the loopback host, for testing),
 * with no user name or password (a report carries no credentials, and an
 * address that needs them would fail forever) and no fragment (a fragment is
 * never sent, so it can only be a mistake).
 */
export const ReportEndpoint = z.string().superRefine((value, ctx) => {
  const url = URL.canParse(value) ? new URL(value) : null;
  // Each message is a sentence for the reader, in the interface language (the options page shows it as it is).
  const problem = !url
    ? t("endpointErrorAddress")
    : url.protocol !== "https:" && !(url.protocol === "http:" && LOOPBACK_HOSTS.includes(url.hostname))
      ? t("endpointErrorHttps")
      : url.username || url.password
        ? t("endpointErrorCredentials")
        : value.includes("#")
          ? t("endpointErrorFragment")
          : null;
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

/**
 * The background's answer to a submission: the stored report, or the
 * validation errors by field (nothing is stored then).
 */
export const ReportReceipt = z.union([
  z.strictObject({ ok: z.literal(true), report: Report }),
  z.strictObject({ ok: z.literal(false), errors: z.record(z.string(), z.string()) }),
]);
export type ReportReceipt = z.infer<typeof ReportReceipt>;

/** A text selection described for a new-claim report (see selection.ts). */
export const CapturedSelection = z.strictObject({
  selector: TextQuoteSelector,
  page: z.strictObject({ title: z.string(), url: z.string() }),
});
export type CapturedSelection = z.infer<typeof CapturedSelection>;

/**
 * What the report window is opened for: a dispute of a claim on a page, or
 * a captured selection (a new claim). Kept by the background in session
 * storage (trusted contexts only) under a one-time id until the window
 * takes it.
 */
export const ReportSubject = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("dispute"),
    claimId: Slug,
    page: z.strictObject({ title: z.string(), url: z.string().optional() }),
  }),
  z.strictObject({ kind: z.literal("new-claim"), selection: CapturedSelection }),
]);
export type ReportSubject = z.infer<typeof ReportSubject>;

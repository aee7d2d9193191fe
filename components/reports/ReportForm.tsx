/**
 * The report form: dispute an annotation (a claim of the dataset) or send in
 * a new claim (a text selection). Reason, comment (required for "Other", at
 * most 2,000 characters, with a counter announced politely), optional
 * contact email, and the page's address only if the reader opts in (without
 * its query and fragment unless the reader keeps the full address). Before
 * "Send report", the form shows exactly what the report will contain. The
 * draft is validated with the outbox's own schema (`ReportDraft`) before
 * anything is sent; errors show inline next to their field and nothing
 * leaves the form half-way. Once the background has stored the report, the
 * form says what happened to it (kept on this device, queued, sent).
 *
 * Only ever rendered in the extension's own pages (the report window and the
 * popup): what the reader types here is out of every web page's reach.
 * Self-contained: `fc-report` classes (ReportForm.css), all text as text.
 */

import { type ComponentChildren, h } from "preact";
import { useId, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { z } from "zod";
import { claimById } from "../../lib/dataset";
import { type MessageKey, t, tPlural } from "../../lib/i18n/translate";
import { askBackground } from "../../lib/reports/client";
import { REDIRECT_ERROR } from "../../lib/reports/outbox";
import {
  MAX_COMMENT_LENGTH,
  MAX_TITLE_LENGTH,
  type Report,
  ReportDraft,
  ReportReason,
  ReportReceipt,
  type ReportSubject,
} from "../../lib/reports/schema";

/**
 * Why a report failed, for the reader: the outbox's own reason (a redirect)
 * in the interface language, whatever language it was stored in; a server's
 * message as the server wrote it.
 */
export function failureText(lastError: string): string {
  return lastError === REDIRECT_ERROR ? t("redirectError") : lastError;
}

/** A reason's label in the interface language ("Wrong verdict"). */
export function reasonLabel(reason: ReportReason): string {
  return t(`reason_${reason.replace("-", "_")}` as MessageKey);
}

/** Hands a validated draft to the background's outbox; resolves with its receipt. */
export const submitToOutbox = (draft: ReportDraft): Promise<unknown> => askBackground({ type: "submit-report", draft });

/**
 * The address a report carries for `url`: by default without its query and
 * fragment (which can identify the reader: session ids, tracking tags,
 * search terms), the full address only when the reader chooses it.
 * `undefined` for an address that is not http(s).
 */
export function reportAddress(url: string, full: boolean): string | undefined {
  if (!URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return undefined;
  if (full) return parsed.href;
  parsed.search = "";
  parsed.hash = "";
  return parsed.href;
}

/** Props of {@link ReportForm}. */
export interface ReportFormProps {
  subject: ReportSubject;
  /**
   * Hands the validated draft to the background and resolves with its
   * answer (a `ReportReceipt`, checked here); rejects when the background
   * cannot be reached. Default: `submitToOutbox`.
   */
  send?(draft: ReportDraft): Promise<unknown>;
  /** Closes the form (Cancel, or Close once sent); without it neither button is shown. */
  onClose?(): void;
  /** Level of the form's heading (default 3). */
  headingLevel?: 1 | 2 | 3 | 4;
  /** Move focus to the form's heading when it appears (default true). */
  focusOnOpen?: boolean;
}

/** The fields that can show an error ("address": the include-address checkbox), and the form as a whole. */
export type ReportField = "reason" | "comment" | "email" | "address" | "form";
type Field = ReportField;
type Errors = Partial<Record<Field, string>>;

/** The field an issue path (`["page", "url"]`, or "page.url" from the background) belongs to. */
function fieldOf(path: readonly PropertyKey[]): Field {
  const [first, second] = path.map(String);
  if (first === "reason" || first === "comment" || first === "email") return first;
  if (first === "page" && second === "url") return "address";
  return "form";
}

/** A clear message for an error of `field`, given the comment as typed. */
function messageFor(field: Field, comment: string, fallback: string): string {
  switch (field) {
    case "reason":
      return t("errorChooseReason");
    case "comment": {
      const excess = comment.trim().length - MAX_COMMENT_LENGTH;
      return excess > 0 ? tPlural("errorCommentTooLong", excess, MAX_COMMENT_LENGTH) : t("errorCommentRequired");
    }
    case "email":
      return t("errorEmail");
    case "address":
      return t("errorAddress");
    case "form":
      return t("errorForm", fallback);
  }
}

/** The inline errors for zod issues (or the background's errors by field), one per field, the first one winning. */
export function errorsFromIssues(
  issues: readonly Pick<z.core.$ZodIssue, "path" | "message">[],
  comment: string,
): Partial<Record<ReportField, string>> {
  const errors: Errors = {};
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    errors[field] ??= messageFor(field, comment, `${issue.path.join(".") || "report"}: ${issue.message}`);
  }
  return errors;
}

/** What happened to a stored report, in words. */
export function receiptMessage(report: Report): string {
  switch (report.state) {
    case "local":
      return t("receiptLocal");
    case "queued":
      return t("receiptQueued");
    case "sent":
      return t("receiptSent");
    case "failed":
      return report.lastError ? t("receiptFailedWith", failureText(report.lastError)) : t("receiptFailed");
  }
}

/** Renders the form, then the outcome once the report is stored. */
export function ReportForm({
  subject,
  send = submitToOutbox,
  onClose,
  headingLevel = 3,
  focusOnOpen = true,
}: ReportFormProps) {
  const id = useId();
  const [reason, setReason] = useState<ReportReason>(subject.kind === "dispute" ? "wrong-verdict" : "other");
  const [comment, setComment] = useState("");
  const [email, setEmail] = useState("");
  // The page's address is the reader's to give: opt-in, and then without query and fragment unless chosen.
  const [includeAddress, setIncludeAddress] = useState(false);
  const [fullAddress, setFullAddress] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [sending, setSending] = useState(false);
  const [stored, setStored] = useState<Report | null>(null);
  // A new object for every failed submission, so that focus moves to the first error each time.
  const [focusRequest, setFocusRequest] = useState<{ field: Field } | null>(null);

  const heading = useRef<HTMLHeadingElement>(null);
  const outcome = useRef<HTMLDivElement>(null);
  const form = useRef<HTMLFormElement>(null);

  useLayoutEffect(() => {
    if (focusOnOpen) heading.current?.focus({ preventScroll: true });
  }, [focusOnOpen]);
  useLayoutEffect(() => {
    if (stored) outcome.current?.focus();
  }, [stored]);
  useLayoutEffect(() => {
    if (focusRequest) form.current?.querySelector<HTMLElement>(`[data-field="${focusRequest.field}"]`)?.focus();
  }, [focusRequest]);

  const page = subject.kind === "dispute" ? subject.page : subject.selection.page;
  const title = subject.kind === "dispute" ? t("reportAnnotation") : t("reportClaimTitle");

  const claim = subject.kind === "dispute" ? claimById(subject.claimId) : undefined;
  const address = includeAddress && page.url ? (reportAddress(page.url, fullAddress) ?? page.url) : undefined;
  const hasQueryOrFragment = !!page.url && reportAddress(page.url, false) !== reportAddress(page.url, true);

  /** The draft as the form stands: exactly what "What will be sent" shows. */
  const draft = () => {
    const trimmedEmail = email.trim();
    const fields = {
      reason,
      comment,
      ...(trimmedEmail ? { email: trimmedEmail } : {}),
      page: { title: page.title.slice(0, MAX_TITLE_LENGTH), ...(address ? { url: address } : {}) },
    };
    return subject.kind === "dispute"
      ? { kind: "dispute" as const, claimId: subject.claimId, ...fields }
      : { kind: "new-claim" as const, selector: subject.selection.selector, ...fields };
  };

  /** Shows `found` and moves focus to the first field in error. */
  const showErrors = (found: Errors) => {
    setErrors(found);
    const order: Field[] = ["reason", "comment", "email", "address", "form"];
    const first = order.find((field) => found[field]);
    if (first) setFocusRequest({ field: first });
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (sending) return;
    const parsed = ReportDraft.safeParse(draft());
    if (!parsed.success) {
      showErrors(errorsFromIssues(parsed.error.issues, comment));
      return;
    }
    setErrors({});
    setSending(true);
    try {
      const receipt = ReportReceipt.safeParse(await send(parsed.data));
      if (!receipt.success) throw new Error("unexpected answer");
      if (receipt.data.ok) setStored(receipt.data.report);
      else {
        const issues = Object.entries(receipt.data.errors).map(([path, message]) => ({
          path: path.split("."),
          message,
        }));
        showErrors(errorsFromIssues(issues, comment));
      }
    } catch {
      showErrors({ form: t("errorNotSaved") });
    } finally {
      setSending(false);
    }
  };

  if (stored) {
    return (
      <div class="fc-report fc-report--done">
        <div ref={outcome} class={`fc-report__outcome fc-report__outcome--${stored.state}`} role="status" tabIndex={-1}>
          <p class="fc-report__outcome-title">{receiptMessage(stored)}</p>
          <p class="fc-report__outcome-hint">{t("receiptHint")}</p>
        </div>
        {onClose && (
          <div class="fc-report__actions">
            <button type="button" class="fc-button" onClick={onClose}>
              {t("close")}
            </button>
          </div>
        )}
      </div>
    );
  }

  const ids = {
    heading: `${id}-heading`,
    reason: `${id}-reason`,
    comment: `${id}-comment`,
    commentHint: `${id}-comment-hint`,
    counter: `${id}-counter`,
    email: `${id}-email`,
    emailHint: `${id}-email-hint`,
    address: `${id}-address`,
    addressHint: `${id}-address-hint`,
    error: (field: Field) => `${id}-${field}-error`,
  };
  const describedBy = (field: Field, ...others: string[]) =>
    [...others, ...(errors[field] ? [ids.error(field)] : [])].join(" ") || undefined;
  const tooLong = comment.trim().length > MAX_COMMENT_LENGTH;

  return (
    <form ref={form} class="fc-report" aria-labelledby={ids.heading} aria-busy={sending} noValidate onSubmit={submit}>
      {h(`h${headingLevel}`, { id: ids.heading, ref: heading, class: "fc-report__heading", tabIndex: -1 }, title)}

      {subject.kind === "new-claim" ? (
        <div class="fc-report__subject">
          <p class="fc-report__label">{t("selectedText")}</p>
          <blockquote class="fc-report__quote">“{subject.selection.selector.exact}”</blockquote>
        </div>
      ) : claim ? (
        <div class="fc-report__subject">
          <p class="fc-report__label">{t("claim")}</p>
          <blockquote class="fc-report__quote">“{claim.selector.exact}”</blockquote>
        </div>
      ) : null}

      <fieldset class="fc-report__reasons" aria-describedby={describedBy("reason")}>
        <legend class="fc-report__label">{t("reason")}</legend>
        {ReportReason.options.map((value, index) => (
          <label key={value} class="fc-report__reason">
            <input
              type="radio"
              name={ids.reason}
              value={value}
              checked={reason === value}
              data-field={index === 0 ? "reason" : undefined}
              aria-invalid={errors.reason ? true : undefined}
              onChange={() => {
                setReason(value);
                if (errors.reason) setErrors({ ...errors, reason: undefined });
              }}
            />{" "}
            {reasonLabel(value)}
          </label>
        ))}
        <FieldError id={ids.error("reason")}>{errors.reason}</FieldError>
      </fieldset>

      <div class="fc-report__field">
        <label class="fc-report__label" for={ids.comment}>
          {t("comment")}
        </label>
        <p id={ids.commentHint} class="fc-report__hint">
          {t(reason === "other" ? "commentHintRequired" : "commentHintOptional")}
        </p>
        <textarea
          id={ids.comment}
          class="fc-report__comment"
          rows={4}
          value={comment}
          data-field="comment"
          aria-required={reason === "other"}
          aria-invalid={errors.comment ? true : undefined}
          aria-describedby={describedBy("comment", ids.commentHint, ids.counter)}
          onInput={(event) => setComment(event.currentTarget.value)}
        />
        <p
          id={ids.counter}
          class={tooLong ? "fc-report__counter fc-report__counter--over" : "fc-report__counter"}
          aria-live="polite"
          aria-atomic="true"
        >
          {comment.length} / {MAX_COMMENT_LENGTH}
        </p>
        <FieldError id={ids.error("comment")}>{errors.comment}</FieldError>
      </div>

      <div class="fc-report__field">
        <label class="fc-report__label" for={ids.email}>
          {t("contactEmailOptional")}
        </label>
        <p id={ids.emailHint} class="fc-report__hint">
          {t("contactEmailHint")}
        </p>
        <input
          id={ids.email}
          class="fc-report__email"
          type="email"
          autocomplete="email"
          value={email}
          data-field="email"
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={describedBy("email", ids.emailHint)}
          onInput={(event) => setEmail(event.currentTarget.value)}
        />
        <FieldError id={ids.error("email")}>{errors.email}</FieldError>
      </div>

      {page.url && (
        <div class="fc-report__field">
          <label class="fc-report__check">
            <input
              id={ids.address}
              type="checkbox"
              checked={includeAddress}
              data-field="address"
              aria-invalid={errors.address ? true : undefined}
              aria-describedby={describedBy("address", ids.addressHint)}
              onChange={(event) => {
                setIncludeAddress(event.currentTarget.checked);
                if (errors.address) setErrors({ ...errors, address: undefined });
              }}
            />{" "}
            {t("includeAddress")}
          </label>
          <p id={ids.addressHint} class="fc-report__hint">
            {t("includeAddressHint")}
          </p>
          {includeAddress && hasQueryOrFragment && (
            <label class="fc-report__check fc-report__check--nested">
              <input
                type="checkbox"
                checked={fullAddress}
                onChange={(event) => setFullAddress(event.currentTarget.checked)}
              />{" "}
              {t("includeFullAddress")}
            </label>
          )}
          <FieldError id={ids.error("address")}>{errors.address}</FieldError>
        </div>
      )}

      <WhatWillBeSent subject={subject} title={page.title.slice(0, MAX_TITLE_LENGTH)} address={address}>
        <dt>{t("reason")}</dt>
        <dd>{reasonLabel(reason)}</dd>
        <dt>{t("comment")}</dt>
        <dd>{comment.trim() || <em>{t("none")}</em>}</dd>
        <dt>{t("contactEmail")}</dt>
        <dd>{email.trim() || <em>{t("none")}</em>}</dd>
      </WhatWillBeSent>

      {errors.form && (
        <p class="fc-report__error fc-report__error--form" role="alert" tabIndex={-1} data-field="form">
          {errors.form}
        </p>
      )}

      <div class="fc-report__actions">
        <button type="submit" class="fc-button fc-button--primary">
          {sending ? t("sendingReport") : t("sendReport")}
        </button>
        {onClose && (
          <button type="button" class="fc-button" onClick={onClose}>
            {t("cancel")}
          </button>
        )}
      </div>
    </form>
  );
}

/** An inline error, referenced by its field's `aria-describedby`; renders nothing without a message. */
function FieldError({ id, children }: { id: string; children?: ComponentChildren }) {
  if (!children) return null;
  return (
    <p id={id} class="fc-report__error">
      {children}
    </p>
  );
}

/**
 * "What will be sent": every field of the report as it stands, updated as
 * the reader types, so that nothing goes out unseen. The report also
 * carries the time it was made and a random id.
 */
function WhatWillBeSent({
  subject,
  title,
  address,
  children,
}: {
  subject: ReportSubject;
  title: string;
  address: string | undefined;
  children: ComponentChildren;
}) {
  const headingId = useId();
  const selector = subject.kind === "new-claim" ? subject.selection.selector : claimById(subject.claimId)?.selector;
  return (
    <section class="fc-report__preview" aria-labelledby={headingId}>
      <p id={headingId} class="fc-report__label">
        {t("whatWillBeSent")}
      </p>
      <dl class="fc-report__preview-list">
        <dt>{t("pageTitle")}</dt>
        <dd>{title || <em>{t("none")}</em>}</dd>
        <dt>{t("pageAddress")}</dt>
        <dd class="fc-report__url">{address ?? <em>{t("notIncluded")}</em>}</dd>
        {subject.kind === "dispute" ? (
          <>
            <dt>{t("disputedClaim")}</dt>
            <dd>
              {subject.claimId}
              {selector ? `: “${selector.exact}”` : ""}
            </dd>
          </>
        ) : (
          <>
            <dt>{t("selectedText")}</dt>
            <dd>“{subject.selection.selector.exact}”</dd>
            <dt>{t("textBefore")}</dt>
            <dd>
              {subject.selection.selector.prefix ? `“${subject.selection.selector.prefix}”` : <em>{t("none")}</em>}
            </dd>
            <dt>{t("textAfter")}</dt>
            <dd>
              {subject.selection.selector.suffix ? `“${subject.selection.selector.suffix}”` : <em>{t("none")}</em>}
            </dd>
          </>
        )}
        {children}
      </dl>
    </section>
  );
}

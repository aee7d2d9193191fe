/**
 * The report form: dispute an annotation (a claim of the dataset) or send in
 * a new claim (a text selection). Reason, comment (required for "Other", at
 * most 2,000 characters, with a counter announced politely), optional
 * contact email, and whether to include the page's address. The draft is
 * validated with the outbox's own schema (`ReportDraft`) before anything is
 * sent; errors show inline next to their field and nothing leaves the form
 * half-way. Once the background has stored the report, the form says what
 * happened to it (kept on this device, queued, sent). Used by the in-page
 * card, the popup and the report page, so it is self-contained: `fc-report`
 * classes (ReportForm.css), all text rendered as text.
 */
import { type ComponentChildren, h } from "preact";
import { useId, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { z } from "zod";
import {
  type CapturedSelection,
  type Claim,
  MAX_COMMENT_LENGTH,
  type Report,
  ReportDraft,
  ReportReason,
  ReportReceipt,
} from "../lib/schema";

/** The reasons, in the order offered, with their labels. */
export const REASON_LABELS: Record<ReportReason, string> = {
  "wrong-verdict": "Wrong verdict",
  outdated: "Outdated",
  "source-broken": "Source broken",
  "wrong-text": "Wrong text marked",
  other: "Other",
};

/** Longest page title a report keeps (the schema's limit). */
const MAX_TITLE_LENGTH = 500;

/** What is reported: an annotation of the dataset on a page, or a text selection (a new claim). */
export type ReportSubject =
  | { kind: "dispute"; claim: Claim; page: { title: string; url?: string } }
  | { kind: "new-claim"; selection: CapturedSelection };

/** Props of {@link ReportForm}. */
export interface ReportFormProps {
  subject: ReportSubject;
  /**
   * Hands the validated draft to the background and resolves with its
   * answer (a `ReportReceipt`, checked here); rejects when the background
   * cannot be reached.
   */
  send(draft: ReportDraft): Promise<unknown>;
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
      return "Choose a reason.";
    case "comment": {
      const excess = comment.trim().length - MAX_COMMENT_LENGTH;
      return excess > 0
        ? `The comment is ${excess} ${excess === 1 ? "character" : "characters"} too long: at most ${MAX_COMMENT_LENGTH}.`
        : "Write a comment: it is required when the reason is “Other”.";
    }
    case "email":
      return "Enter a valid email address (like name@example.org), or leave the field empty.";
    case "address":
      return "This page’s address cannot be included (only http and https addresses can). Untick “Include page address” to report without it.";
    case "form":
      return `The report could not be checked: ${fallback}`;
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
      return "Kept on this device. No report endpoint is set, so nothing was sent.";
    case "queued":
      return "Queued: it will be sent when the desk can be reached.";
    case "sent":
      return "Sent to the fact-check desk.";
    case "failed":
      return `The fact-check desk refused it${report.lastError ? `: ${report.lastError}` : "."}`;
  }
}

/** Renders the form, then the outcome once the report is stored. */
export function ReportForm({ subject, send, onClose, headingLevel = 3, focusOnOpen = true }: ReportFormProps) {
  const id = useId();
  const [reason, setReason] = useState<ReportReason>(subject.kind === "dispute" ? "wrong-verdict" : "other");
  const [comment, setComment] = useState("");
  const [email, setEmail] = useState("");
  const [includeAddress, setIncludeAddress] = useState(true);
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
  const title =
    subject.kind === "dispute" ? "Report a problem with this annotation" : "Report a claim for fact-checking";

  /** The draft as the form stands; the page address only if the reader keeps it. */
  const draft = () => {
    const trimmedEmail = email.trim();
    const fields = {
      reason,
      comment,
      ...(trimmedEmail ? { email: trimmedEmail } : {}),
      page: {
        title: page.title.slice(0, MAX_TITLE_LENGTH),
        ...(includeAddress && page.url ? { url: page.url } : {}),
      },
    };
    return subject.kind === "dispute"
      ? { kind: "dispute" as const, claimId: subject.claim.id, ...fields }
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
      showErrors({ form: "The report could not be saved: the extension did not answer. Nothing was sent; try again." });
    } finally {
      setSending(false);
    }
  };

  if (stored) {
    return (
      <div class="fc-report fc-report--done">
        <div ref={outcome} class={`fc-report__outcome fc-report__outcome--${stored.state}`} role="status" tabIndex={-1}>
          <p class="fc-report__outcome-title">{receiptMessage(stored)}</p>
          <p class="fc-report__outcome-hint">Your reports are listed in the extension’s popup, under “Your reports”.</p>
        </div>
        {onClose && (
          <div class="fc-report__actions">
            <button type="button" class="fc-report__button" onClick={onClose}>
              Close
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
          <p class="fc-report__label">Selected text</p>
          <blockquote class="fc-report__quote">“{subject.selection.selector.exact}”</blockquote>
        </div>
      ) : null}

      <fieldset class="fc-report__reasons" aria-describedby={describedBy("reason")}>
        <legend class="fc-report__label">Reason</legend>
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
            {REASON_LABELS[value]}
          </label>
        ))}
        <FieldError id={ids.error("reason")}>{errors.reason}</FieldError>
      </fieldset>

      <div class="fc-report__field">
        <label class="fc-report__label" for={ids.comment}>
          Comment
        </label>
        <p id={ids.commentHint} class="fc-report__hint">
          {reason === "other" ? "Required for “Other”." : "Optional."} What is wrong, and how do you know?
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
          Contact email (optional)
        </label>
        <p id={ids.emailHint} class="fc-report__hint">
          Only if you want the fact-check desk to be able to reply.
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
            Include page address
          </label>
          <p id={ids.addressHint} class="fc-report__hint fc-report__address">
            {includeAddress ? "The report includes " : "The report leaves out "}
            <span class="fc-report__url">{page.url}</span>
            {includeAddress ? "." : ", and keeps only the page title."}
          </p>
          <FieldError id={ids.error("address")}>{errors.address}</FieldError>
        </div>
      )}

      {errors.form && (
        <p class="fc-report__error fc-report__error--form" role="alert" tabIndex={-1} data-field="form">
          {errors.form}
        </p>
      )}

      <div class="fc-report__actions">
        <button type="submit" class="fc-report__button fc-report__button--primary">
          {sending ? "Sending report…" : "Send report"}
        </button>
        {onClose && (
          <button type="button" class="fc-report__button" onClick={onClose}>
            Cancel
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

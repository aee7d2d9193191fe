/**
 * The options page: the fact-check desk's report endpoint (https, or http
 * on 127.0.0.1 or localhost for testing), validated inline with the
 * outbox's own schema, saved or cleared, and a plain account of what a
 * report contains, where it goes and what stays on the device.
 */
import { useEffect, useId, useRef, useState } from "preact/hooks";
import { getEndpoint, setEndpoint, watchEndpoint } from "../lib/reports/outbox";
import { ReportEndpoint } from "../lib/reports/schema";
import { HowWeCheckLink } from "./HowWeCheckLink";

/** Why `value` cannot be the report endpoint, or `null` when it can (an empty value clears it). */
export function endpointError(value: string): string | null {
  if (!value.trim()) return null;
  const parsed = ReportEndpoint.safeParse(value.trim());
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? "This address cannot be used.");
}

/** Renders the page. */
export function OptionsPage() {
  const [saved, setSaved] = useState<string | null | undefined>(undefined);
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  useEffect(() => {
    let live = true;
    const unwatch = watchEndpoint((next) => live && setSaved(next));
    getEndpoint().then((current) => {
      if (!live) return;
      setSaved((shown) => (shown === undefined ? current : shown));
      setValue((typed) => typed || (current ?? ""));
    });
    return () => {
      live = false;
      unwatch();
    };
  }, []);

  const save = async (event: Event) => {
    event.preventDefault();
    const next = value.trim();
    const problem = endpointError(next);
    setError(problem);
    setStatus("");
    if (problem) {
      input.current?.focus();
      return;
    }
    try {
      await setEndpoint(next || null);
      setValue(next);
      setStatus(
        next
          ? `Saved. New reports are sent to ${next}.`
          : "Report endpoint removed. Reports are kept on this device and nothing is sent.",
      );
    } catch {
      setStatus("The endpoint could not be saved. Try again.");
    }
  };

  const clear = async () => {
    setError(null);
    try {
      await setEndpoint(null);
      setValue("");
      setStatus("Report endpoint removed. Reports are kept on this device and nothing is sent.");
      input.current?.focus();
    } catch {
      setStatus("The endpoint could not be removed. Try again.");
    }
  };

  const ids = { input: `${id}-endpoint`, hint: `${id}-hint`, error: `${id}-error` };

  return (
    <main class="fc-options">
      <h1>Fact-check settings</h1>
      <p class="fc-options__method">
        The verdict scale, our sourcing policy and the corrections log: <HowWeCheckLink />.
      </p>

      <section class="fc-options__section" aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`}>Where your reports go</h2>
        <p class="fc-options__current">
          {saved === undefined ? (
            "Reading the settings…"
          ) : saved ? (
            <>
              Reports are sent to <span class="fc-options__url">{saved}</span>.
            </>
          ) : (
            "No report endpoint is set: your reports are kept on this device and nothing is sent."
          )}
        </p>

        <form class="fc-options__form" noValidate onSubmit={save}>
          <label class="fc-options__label" for={ids.input}>
            Report endpoint
          </label>
          <p id={ids.hint} class="fc-options__hint">
            The fact-check desk’s address for reports: https, or http on 127.0.0.1 or localhost for testing. Leave it
            empty to keep reports on this device.
          </p>
          <input
            ref={input}
            id={ids.input}
            class="fc-options__input"
            type="url"
            inputMode="url"
            autocomplete="url"
            spellcheck={false}
            placeholder="https://desk.example.org/reports"
            value={value}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${ids.hint} ${ids.error}` : ids.hint}
            onInput={(event) => setValue(event.currentTarget.value)}
          />
          {error && (
            <p id={ids.error} class="fc-options__error">
              {error}
            </p>
          )}
          <div class="fc-options__actions">
            <button type="submit" class="fc-button fc-button--primary">
              Save
            </button>
            {saved && (
              <button type="button" class="fc-button" onClick={clear}>
                Remove endpoint
              </button>
            )}
          </div>
          <p class="fc-options__status" role="status">
            {status}
          </p>
        </form>
      </section>

      <section class="fc-options__section" aria-labelledby={`${id}-about`}>
        <h2 id={`${id}-about`}>What a report contains, and where it goes</h2>
        <p>
          A report is a W3C Web Annotation (motivation “questioning”) made of: the page title; the page address, only if
          you tick “Include page address” (without its query and fragment, unless you also choose the full address); the
          quoted text (the claim you dispute, or the text you selected, with a little of the text around it); the
          reason; your comment; and your contact email, only if you give one. The report form shows all of it under
          “What will be sent” before you send. You write reports in the extension’s own window or popup, never in the
          web page, so the page cannot read them.
        </p>
        <p>
          Every report is first kept on this device, in the extension’s own storage (web pages and the extension’s
          scripts in them cannot read it), where you can see it under “Your reports” in the popup, retry it, delete it
          or export all of them as a JSON file.
        </p>
        <p>
          With a report endpoint set, each new report is sent to that address and nowhere else: POSTed as JSON with an{" "}
          <code>Idempotency-Key</code> header (the report’s id, so a report retried after a failure is never counted
          twice), without cookies, credentials or referrer, and retried with growing delays until the endpoint answers.
          If the endpoint answers with a redirect, the report is not sent on to the other address: it is marked failed,
          and you can set the final address here. A report made before the endpoint was set stays on this device until
          you choose Retry.
        </p>
        <p>
          The endpoint must accept a JSON <code>POST</code> and treat the <code>Idempotency-Key</code> as the report’s
          identity. Because the extension can read every site (to recognise the article), Chromium lets it reach the
          endpoint without cross-origin (CORS) checks; a browser where you have not granted that access applies them, so
          an endpoint that also answers CORS (<code>Access-Control-Allow-Origin</code>,{" "}
          <code>Access-Control-Allow-Headers: Content-Type, Idempotency-Key</code>) works everywhere.
        </p>
        <p>Without an endpoint, reports stay on this device and the extension makes no request at all.</p>
      </section>
    </main>
  );
}

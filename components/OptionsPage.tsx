/**
 * The options page: the interface language (automatic, English, Korean),
 * the fact-check desk's report endpoint (https, or http
 * on 127.0.0.1 or localhost for testing), validated inline with the
 * outbox's own schema, saved or cleared, and a plain account of what a
 * report contains, where it goes and what stays on the device.
 */
import { useEffect, useId, useRef, useState } from "preact/hooks";
import { t, tParts } from "../lib/i18n/translate";
import type { Language } from "../lib/protocol-schema";
import { getEndpoint, setEndpoint, watchEndpoint } from "../lib/reports/outbox";
import { ReportEndpoint } from "../lib/reports/schema";
import { getSettings, updateSettings, watchSettings } from "../lib/storage";
import { HowWeCheckLink } from "./HowWeCheckLink";

/** Why `value` cannot be the report endpoint, or `null` when it can (an empty value clears it). */
export function endpointError(value: string): string | null {
  if (!value.trim()) return null;
  const parsed = ReportEndpoint.safeParse(value.trim());
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? t("endpointUnusable"));
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
      setStatus(next ? t("endpointSaved", next) : t("endpointRemoved"));
    } catch {
      setStatus(t("endpointNotSaved"));
    }
  };

  const clear = async () => {
    setError(null);
    try {
      await setEndpoint(null);
      setValue("");
      setStatus(t("endpointRemoved"));
      input.current?.focus();
    } catch {
      setStatus(t("endpointNotRemoved"));
    }
  };

  const ids = { input: `${id}-endpoint`, hint: `${id}-hint`, error: `${id}-error` };

  return (
    <main class="fc-options">
      <h1>{t("optionsTitle")}</h1>
      <p class="fc-options__method">{tParts("optionsMethod", <HowWeCheckLink />)}</p>

      <LanguageChoice />

      <section class="fc-options__section" aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`}>{t("whereReportsGo")}</h2>
        <p class="fc-options__current">
          {saved === undefined
            ? t("readingSettings")
            : saved
              ? tParts("optionsSentTo", <span class="fc-options__url">{saved}</span>)
              : t("noEndpoint")}
        </p>

        <form class="fc-options__form" noValidate onSubmit={save}>
          <label class="fc-options__label" for={ids.input}>
            {t("endpointLabel")}
          </label>
          <p id={ids.hint} class="fc-options__hint">
            {t("endpointHint")}
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
              {t("save")}
            </button>
            {saved && (
              <button type="button" class="fc-button" onClick={clear}>
                {t("removeEndpoint")}
              </button>
            )}
          </div>
          <p class="fc-options__status" role="status">
            {status}
          </p>
        </form>
      </section>

      <section class="fc-options__section" aria-labelledby={`${id}-about`}>
        <h2 id={`${id}-about`}>{t("reportContentsHeading")}</h2>
        <p>{t("reportContents1")}</p>
        <p>{t("reportContents2")}</p>
        <p>{tParts("reportContents3", <code>Idempotency-Key</code>)}</p>
        <p>
          {tParts(
            "reportContents4",
            <code>POST</code>,
            <code>Idempotency-Key</code>,
            <code>Access-Control-Allow-Origin</code>,
            <code>Access-Control-Allow-Headers: Content-Type, Idempotency-Key</code>,
          )}
        </p>
        <p>{t("reportContents5")}</p>
      </section>
    </main>
  );
}

/** The interface languages offered, with the message that names each. */
const LANGUAGE_OPTIONS = [
  ["auto", "languageAuto"],
  ["en", "languageEnglish"],
  ["ko", "languageKorean"],
] as const;

/**
 * The interface language: automatic (the browser's), English or Korean.
 * Stored with the settings at once; every open extension page, and the
 * overlay on pages loaded from then on, follows.
 */
function LanguageChoice() {
  const [language, setLanguage] = useState<Language | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const id = useId();
  useEffect(() => {
    let live = true;
    const unwatch = watchSettings((next) => live && setLanguage(next.language));
    getSettings().then((current) => live && setLanguage((shown) => shown ?? current.language));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  const choose = async (choice: Language) => {
    setLanguage(choice);
    try {
      await updateSettings((current) => ({ ...current, language: choice }));
      setFailed(false);
    } catch {
      setFailed(true);
    }
  };
  return (
    <section class="fc-options__section" aria-labelledby={`${id}-language`}>
      <h2 id={`${id}-language`}>{t("languageHeading")}</h2>
      <fieldset class="fc-options__languages" aria-describedby={`${id}-language-hint`}>
        <legend class="fc-options__label">{t("languageLabel")}</legend>
        {LANGUAGE_OPTIONS.map(([value, key]) => (
          <label key={value} class="fc-options__language">
            <input
              type="radio"
              name={`${id}-language-choice`}
              value={value}
              checked={language === value}
              onChange={() => void choose(value)}
            />{" "}
            {/* A language's own name is written in that language: screen readers are told which. */}
            <span lang={value === "auto" ? undefined : value}>{t(key)}</span>
          </label>
        ))}
      </fieldset>
      <p id={`${id}-language-hint`} class="fc-options__hint">
        {t("languageHint")}
      </p>
      {failed && (
        <p class="fc-options__error" role="alert">
          {t("switchSaveFailed")}
        </p>
      )}
    </section>
  );
}

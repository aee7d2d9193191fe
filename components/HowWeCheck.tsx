/**
 * The "How we check" page: which release of the dataset this is, the
 * verdict scale and what each verdict means, how the article's claims were
 * chosen, the sourcing policy, how to report a problem and how a correction
 * is made, and the corrections log, newest first. Everything is rendered
 * from the bundled dataset (its texts in the reader's language) and the
 * interface's messages, so the page always describes the data the cards
 * show.
 */

import { browser } from "wxt/browser";
import { readerDataset } from "../lib/i18n/reader-dataset";
import { currentLocale, t, tParts, tPlural } from "../lib/i18n/translate";
import type { Correction, Dataset } from "../lib/schema";
import { topicLabel, VERDICT_ORDER, verdictDefinition } from "../lib/verdicts";
import { VerdictChip } from "./VerdictChip";
import { LongDate } from "./VerdictDates";

/** Props of {@link HowWeCheck}. */
export interface HowWeCheckProps {
  /** The dataset to describe (default: the bundled one, in the interface language). */
  data?: Dataset;
}

/** The corrections log, newest first (entries of one day in the log's own order). */
export function correctionsNewestFirst(corrections: readonly Correction[]): Correction[] {
  return [...corrections].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

/** Renders the page. */
export function HowWeCheck({ data = readerDataset() }: HowWeCheckProps) {
  const { article, meta } = data;
  const topics = [...new Set(data.claims.map((claim) => claim.topic))].map((topic) =>
    topicLabel(topic).toLocaleLowerCase(currentLocale()),
  );
  const claimsCount = tPlural("claimsCount", data.claims.length);
  const openOptions = (event: Event) => {
    event.preventDefault();
    void browser.runtime.openOptionsPage();
  };
  const published = <LongDate date={article.datePublished} />;

  return (
    <main class="fc-method">
      <h1>{t("howWeCheck")}</h1>
      <p class="fc-method__lead">{tParts("methodLead", article.title, published)}</p>
      <p class="fc-method__release">
        {tParts(
          "methodRelease",
          meta.version,
          <LongDate date={meta.date} />,
          claimsCount,
          tPlural("factsCount", data.facts.length),
          tPlural("sourcesCount", data.sources.length),
        )}
      </p>

      <section class="fc-method__section" aria-labelledby="method-verdicts">
        <h2 id="method-verdicts">{t("methodVerdictsHeading")}</h2>
        <p>{tParts("methodVerdicts", published)}</p>
        <dl class="fc-method__verdicts">
          {VERDICT_ORDER.map((verdict) => (
            <div key={verdict} class="fc-method__verdict" data-verdict={verdict}>
              <dt>
                <VerdictChip verdict={verdict} />
              </dt>
              <dd>{verdictDefinition(verdict)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section class="fc-method__section" aria-labelledby="method-claims">
        <h2 id="method-claims">{t("methodClaimsHeading")}</h2>
        <p>{t("methodClaims1")}</p>
        <p>{t("methodClaims2", claimsCount, listOf(topics))}</p>
      </section>

      <section class="fc-method__section" aria-labelledby="method-sources">
        <h2 id="method-sources">{t("sources")}</h2>
        <ul>
          <li>
            <strong>{t("methodPrimaryTitle")}</strong> {t("methodPrimary")}
          </li>
          <li>
            <strong>{t("methodDatedTitle")}</strong> {t("methodDated")}
          </li>
          <li>
            <strong>{t("methodLaterTitle")}</strong> {t("methodLater")}
          </li>
          <li>
            <strong>{t("methodCopiesTitle")}</strong> {t("methodCopies")}
          </li>
          <li>{t("methodEverySource")}</li>
        </ul>
      </section>

      <section class="fc-method__section" aria-labelledby="method-contact">
        <h2 id="method-contact">{t("methodContactHeading")}</h2>
        <p>{t("methodContact1")}</p>
        <p>
          {tParts(
            "methodContact2",
            <a href={browser.runtime.getURL("/options.html")} onClick={openOptions}>
              {t("settingsPage")}
            </a>,
          )}
        </p>
        <p>{t("methodContact3")}</p>
      </section>

      <section class="fc-method__section" aria-labelledby="method-log">
        <h2 id="method-log">{t("methodLogHeading")}</h2>
        <CorrectionsLog data={data} />
      </section>
    </main>
  );
}

/** The corrections log, newest first, each entry with its date, the claims it concerns and what changed. */
function CorrectionsLog({ data }: { data: Dataset }) {
  const entries = correctionsNewestFirst(data.corrections);
  if (entries.length === 0) return <p>{t("noCorrections")}</p>;
  return (
    <ol class="fc-method__log">
      {entries.map((correction, index) => {
        const quotes = correction.claimIds
          .map((id) => data.claims.find((claim) => claim.id === id)?.selector.exact)
          .filter((quote): quote is string => quote !== undefined);
        return (
          <li key={`${correction.date}-${index}`} class="fc-method__correction">
            <p class="fc-method__correction-date">
              <LongDate date={correction.date} />
            </p>
            <p class="fc-method__correction-subject">
              {quotes.length === 0 ? t("datasetAsAWhole") : `${tPlural("correctionClaims", quotes.length)} `}
              {quotes.map((quote, quoteIndex) => (
                <span key={quote}>
                  {quoteIndex > 0 && "; "}“{quote}”
                </span>
              ))}
            </p>
            <p class="fc-method__correction-summary">{correction.summary}</p>
          </li>
        );
      })}
    </ol>
  );
}

/** "a, b and c", as the interface language joins a list (British English: no serial comma). */
function listOf(words: string[]): string {
  const locale = currentLocale();
  return new Intl.ListFormat(locale === "en" ? "en-GB" : locale, { type: "conjunction" }).format(words);
}

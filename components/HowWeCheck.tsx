/**
 * The "How we check" page: which release of the dataset this is, the
 * verdict scale and what each verdict means, how the article's claims were
 * chosen, the sourcing policy, how to report a problem and how a correction
 * is made, and the corrections log, newest first. Everything is rendered
 * from the bundled dataset and lib/verdicts.ts, so the page always
 * describes the data the cards show.
 */

import { browser } from "wxt/browser";
import { dataset as bundled } from "../lib/dataset";
import type { Correction, Dataset } from "../lib/schema";
import { TOPICS, VERDICT_ORDER, VERDICTS } from "../lib/verdicts";
import { VerdictChip } from "./VerdictChip";
import { LongDate } from "./VerdictDates";

/** Props of {@link HowWeCheck}. */
export interface HowWeCheckProps {
  /** The dataset to describe (default: the bundled one). */
  data?: Dataset;
}

/** The corrections log, newest first (entries of one day in the log's own order). */
export function correctionsNewestFirst(corrections: readonly Correction[]): Correction[] {
  return [...corrections].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

/** Renders the page. */
export function HowWeCheck({ data = bundled }: HowWeCheckProps) {
  const { article, meta } = data;
  const topics = [...new Set(data.claims.map((claim) => claim.topic))].map((topic) => TOPICS[topic].toLowerCase());
  const openOptions = (event: Event) => {
    event.preventDefault();
    void browser.runtime.openOptionsPage();
  };

  return (
    <main class="fc-method">
      <h1>How we check</h1>
      <p class="fc-method__lead">
        This extension checks one article, “{article.title}”, published on <LongDate date={article.datePublished} /> and
        carried by many sites. It marks each checkable claim in the article with a verdict, the facts with their dates,
        and the sources.
      </p>
      <p class="fc-method__release">
        Dataset version {meta.version}, <LongDate date={meta.date} />: {data.claims.length} claims, {data.facts.length}{" "}
        dated facts, {data.sources.length} sources.
      </p>

      <section class="fc-method__section" aria-labelledby="method-verdicts">
        <h2 id="method-verdicts">The verdicts</h2>
        <p>
          Every verdict is given as of the article’s date, <LongDate date={article.datePublished} />: it says whether
          the claim was right when the article was published. Each is shown with its colour, its symbol and its word, so
          that none depends on colour alone.
        </p>
        <dl class="fc-method__verdicts">
          {VERDICT_ORDER.map((verdict) => (
            <div key={verdict} class="fc-method__verdict" data-verdict={verdict}>
              <dt>
                <VerdictChip verdict={verdict} />
              </dt>
              <dd>{VERDICTS[verdict].definition}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section class="fc-method__section" aria-labelledby="method-claims">
        <h2 id="method-claims">How the claims were chosen</h2>
        <p>
          We took every statement of fact in the article that a record can confirm or refute: dates (when the summits
          were held, which anniversary the day marked), counts (how many times the two leaders met), the status of
          sanctions, the sequence of events (what each side did after which summit), and attributions (who said what, in
          which office). Opinions, threats and predictions are not rated unless they rest on such a statement.
        </p>
        <p>
          That gives {data.claims.length} claims, about {listOf(topics)}. Each is quoted in the article’s own words, so
          that it can be found on any site that carries the article.
        </p>
      </section>

      <section class="fc-method__section" aria-labelledby="method-sources">
        <h2 id="method-sources">Sources</h2>
        <ul>
          <li>
            <strong>Primary sources first.</strong> Official statements, government and UN documents and the agencies
            that published a statement come before reports about them; a news report is cited for what its reporters saw
            or documented.
          </li>
          <li>
            <strong>Every fact is dated.</strong> Each fact has the day (or, where that is all the record gives, the
            month) it happened, and is never dated after the newest source cited for it: a source cannot report what
            came after it.
          </li>
          <li>
            <strong>Later developments are dated and sourced.</strong> What happened after the article’s date is listed
            apart, under “Since then”, each with its own date and sources; it does not change the verdict given as of
            the article’s date.
          </li>
          <li>
            <strong>Syndicated copies are labelled.</strong> We cite the original publisher where its page can be read;
            where only a copy can, the copy says whose story it carries, as in “CNN (via WTVR)”. A title we could not
            read is left out rather than guessed.
          </li>
          <li>
            Every source is shown with its publisher, title, date and a secure (https) address, and opens in a new tab.
          </li>
        </ul>
      </section>

      <section class="fc-method__section" aria-labelledby="method-contact">
        <h2 id="method-contact">Reporting a problem, and how a correction is made</h2>
        <p>
          To tell us a verdict, a date or a source is wrong, use “Report a problem with this annotation” in the claim’s
          card on the page, or “Report” beside the claim in the toolbar popup. To ask for a claim we do not cover,
          select its text and choose “Report claim for fact-checking” from the context menu, or “Report selected text”
          in the popup.
        </p>
        <p>
          Your report is kept on this device first. It is sent to the fact-check desk whose report address you set on
          the{" "}
          <a href={browser.runtime.getURL("/options.html")} onClick={openOptions}>
            settings page
          </a>
          , and to no one else; with no address set, nothing is sent.
        </p>
        <p>
          When a report, or our own review, shows that a claim’s review, a fact or a source was wrong in substance, we
          correct the dataset and log the correction below, dated, saying what was wrong and what changed. The card of a
          corrected claim says “Corrected” with the date and the entry. The correction reaches readers in the next
          release of the dataset, whose version and date are given at the top of this page and in the popup.
        </p>
      </section>

      <section class="fc-method__section" aria-labelledby="method-log">
        <h2 id="method-log">Corrections log</h2>
        <CorrectionsLog data={data} />
      </section>
    </main>
  );
}

/** The corrections log, newest first, each entry with its date, the claims it concerns and what changed. */
function CorrectionsLog({ data }: { data: Dataset }) {
  const entries = correctionsNewestFirst(data.corrections);
  if (entries.length === 0) return <p>No correction has been made.</p>;
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
              {quotes.length === 0 ? "The dataset as a whole" : `${quotes.length === 1 ? "Claim" : "Claims"}: `}
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

/** "a, b and c". */
function listOf(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

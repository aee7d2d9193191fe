/**
 * The full review of one claim: summary, explanation, the dated record, what
 * happened since, the sources and how the claim was found on the page. Used
 * by the popup and by the in-page claim cards, so it is self-contained:
 * plain `fc-` class names (styles in ClaimDetails.css), all text rendered as
 * text, links https only and opened with `rel="noopener noreferrer"`.
 */
import { type ComponentChildren, h } from "preact";
import { useId } from "preact/hooks";
import type { ClaimRecord } from "../lib/claim-record";
import { t } from "../lib/i18n/translate";
import type { AnchoredClaim, Source } from "../lib/schema";
import { DateRange } from "./DateRange";
import { ClaimCorrections } from "./VerdictDates";

/** Props of {@link ClaimDetails}. */
export interface ClaimDetailsProps {
  /** The claim and what its review draws on (lib/claim-record.ts). */
  record: ClaimRecord;
  /** How the claim anchored on the page, when it did. */
  anchor?: AnchoredClaim;
  /** Level of the section headings (default 3: under a page's h1 and a list's h2). */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  /** Show the one-line summary first (default true; false where it is already shown, as in the popup's list). */
  showSummary?: boolean;
}

/** Says how a claim was found on the page: "Matched exactly" or "Matched approximately (score 0.87)". */
export function describeMatch(anchor: AnchoredClaim): string {
  return anchor.match === "exact" ? t("matchedExactly") : t("matchedApproximately", anchor.score.toFixed(2));
}

/** Renders the review of `claim` (see the module comment). */
export function ClaimDetails({ record, anchor, headingLevel = 3, showSummary = true }: ClaimDetailsProps) {
  const id = useId();
  const { claim, facts, sources } = record;
  const later = claim.laterDevelopments;

  return (
    <div class="fc-details">
      {showSummary && <p class="fc-details__summary">{claim.summary}</p>}
      <p class="fc-details__explanation">{claim.explanation}</p>

      {facts.length > 0 && (
        <section class="fc-details__section" aria-labelledby={`${id}-record`}>
          <Heading level={headingLevel} id={`${id}-record`}>
            {t("whatTheRecordShows")}
          </Heading>
          <ul class="fc-details__facts">
            {facts.map((fact) => (
              <li key={fact.id} class="fc-details__fact">
                <span class="fc-details__date">
                  <DateRange date={fact.date} endDate={fact.endDate} />
                </span>{" "}
                <strong class="fc-details__label">{fact.label}.</strong> {fact.text}
              </li>
            ))}
          </ul>
        </section>
      )}

      {later.length > 0 && (
        <section class="fc-details__section" aria-labelledby={`${id}-later`}>
          <Heading level={headingLevel} id={`${id}-later`}>
            {t("sinceThen")}
          </Heading>
          <ul class="fc-details__later">
            {later.map((development) => (
              <li key={`${development.date}-${development.text}`} class="fc-details__development">
                <span class="fc-details__date">
                  <DateRange date={development.date} />
                </span>{" "}
                {development.text}
              </li>
            ))}
          </ul>
        </section>
      )}

      <ClaimCorrections corrections={record.corrections} headingLevel={headingLevel} />

      {sources.length > 0 && (
        <section class="fc-details__section" aria-labelledby={`${id}-sources`}>
          <Heading level={headingLevel} id={`${id}-sources`}>
            {t("sources")}
          </Heading>
          <ul class="fc-details__sources">
            {sources.map((source) => (
              <li key={source.id} class="fc-details__source">
                <SourceCitation source={source} />
              </li>
            ))}
          </ul>
        </section>
      )}

      {anchor && <p class="fc-details__match">{describeMatch(anchor)}</p>}
    </div>
  );
}

/** A heading of the given level. */
function Heading({ level, id, children }: { level: number; id: string; children: ComponentChildren }) {
  return h(`h${level}`, { id, class: "fc-details__heading" }, children);
}

/** "Publisher: Title, 12 Jun 2020", the title (or the publisher, when untitled) linking to the source. */
function SourceCitation({ source }: { source: Source }) {
  const linkText = source.title ?? source.publisher;
  return (
    <>
      {source.title && <span class="fc-details__publisher">{source.publisher}: </span>}
      <SafeLink href={source.url}>{linkText}</SafeLink>,{" "}
      <span class="fc-details__date">
        <DateRange date={source.date} />
      </span>
    </>
  );
}

/** A link that opens in a new tab without handing the page a reference; anything but https is shown as text. */
function SafeLink({ href, children }: { href: string; children: ComponentChildren }) {
  if (!isHttps(href)) return <span>{children}</span>;
  return (
    <a class="fc-details__link" href={href} target="_blank" rel="noopener noreferrer">
      {children}
      <span class="fc-visually-hidden"> {t("opensInNewTab")}</span>
    </a>
  );
}

function isHttps(href: string): boolean {
  try {
    return new URL(href).protocol === "https:";
  } catch {
    return false;
  }
}

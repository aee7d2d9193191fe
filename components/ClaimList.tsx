/**
 * The claims found on a tab, in article order: verdict, quote, summary, a
 * disclosure for the full review, "Show in page", which asks the tab's
 * overlay to scroll to the claim, "Copy link to this claim" (the tab's
 * address with a text fragment to it), and "Report", which expands the report
 * form for the claim. Claims the user's switches hide on the page are still
 * listed, and say so.
 */
import { useId, useRef, useState } from "preact/hooks";
import { claimRecord } from "../lib/claim-record";
import { readerDataset } from "../lib/i18n/reader-dataset";
import { t } from "../lib/i18n/translate";
import { sendToTab } from "../lib/messaging";
import type { AnchoredClaim, Claim, Settings } from "../lib/schema";
import { annotationsEnabledOn } from "../lib/settings";
import type { TabClaim } from "../lib/tab-frames";
import { linkToClaim } from "../lib/text-fragment";
import { topicLabel, verdictLabel } from "../lib/verdicts";
import { ClaimDetails } from "./ClaimDetails";
import { CopyButton } from "./CopyButton";
import { ReportForm } from "./reports/ReportForm";
import { VerdictChip } from "./VerdictChip";
import { VerdictDates } from "./VerdictDates";

/** Props of {@link ClaimList}. */
export interface ClaimListProps {
  /** The tab the claims were found on. */
  tabId: number;
  /** How each claim anchored, and in which frame when the background says (`TabView.claims`). */
  anchors: readonly (AnchoredClaim | TabClaim)[];
  /** The current switches, to mark claims hidden on the page. */
  settings: Settings;
  /** Host name of the tab, for the per-site switch. */
  hostname?: string;
  /** Close the window after "Show in page" (true in the toolbar popup, false when opened as a page). */
  closeOnShow: boolean;
  /** The tab's page, for reports: its title and address (default: the article's title, no address). */
  page?: { title: string; url?: string };
}

/** Why `claim` is not shown on the page under `settings`, or null when it is shown. */
export function hiddenReason(claim: Claim, settings: Settings, hostname?: string): string | null {
  if (!settings.enabled) return t("hiddenAnnotationsOff");
  if (hostname && !annotationsEnabledOn(settings, hostname)) return t("hiddenAnnotationsOffOn", hostname);
  if (settings.hiddenTopics.includes(claim.topic)) return t("hiddenSwitchedOff", topicLabel(claim.topic));
  if (settings.hiddenVerdicts.includes(claim.verdict)) return t("hiddenSwitchedOff", verdictLabel(claim.verdict));
  return null;
}

/** Renders the list (or a line saying no claim was found). */
export function ClaimList({ tabId, anchors, settings, hostname, closeOnShow, page }: ClaimListProps) {
  const dataset = readerDataset();
  const order = (claimId: string) => dataset.claims.findIndex((claim) => claim.id === claimId);
  const items = anchors
    .map((anchor) => ({ anchor, claim: dataset.claims.find((claim) => claim.id === anchor.claimId) }))
    .filter((item): item is { anchor: AnchoredClaim | TabClaim; claim: Claim } => item.claim !== undefined)
    .sort((a, b) => order(a.claim.id) - order(b.claim.id));

  if (items.length === 0) return <p class="fc-claims__empty">{t("noClaimFound")}</p>;

  return (
    <ol class="fc-claims">
      {items.map(({ anchor, claim }) => (
        <ClaimItem
          key={claim.id}
          claim={claim}
          anchor={anchor}
          tabId={tabId}
          hidden={hiddenReason(claim, settings, hostname)}
          closeOnShow={closeOnShow}
          page={page ?? { title: dataset.article.title }}
        />
      ))}
    </ol>
  );
}

/** One claim of the list. */
function ClaimItem(props: {
  claim: Claim;
  anchor: AnchoredClaim | TabClaim;
  tabId: number;
  hidden: string | null;
  closeOnShow: boolean;
  page: { title: string; url?: string };
}) {
  const { claim, anchor, tabId, hidden, closeOnShow, page } = props;
  const [open, setOpen] = useState(false);
  const [reporting, setReporting] = useState(false);
  const [unreachable, setUnreachable] = useState(false);
  const detailsId = useId();
  const reportId = useId();
  const reportButton = useRef<HTMLButtonElement>(null);

  const closeReport = () => {
    setReporting(false);
    reportButton.current?.focus();
  };

  const record = claimRecord(readerDataset(), claim);

  // A claim found in an iframe: its overlay is there, and a text fragment finds it only on the frame's own page.
  const frameId = "frameId" in anchor ? anchor.frameId : 0;
  const linkBase = "frameId" in anchor && anchor.frameId !== 0 ? anchor.frameUrl : page.url;

  const showInPage = async () => {
    const delivered = await sendToTab(tabId, { type: "show-claim", claimId: claim.id }, frameId);
    setUnreachable(!delivered);
    if (delivered && closeOnShow) window.close();
  };

  return (
    <li class={hidden ? "fc-claim fc-claim--hidden" : "fc-claim"} data-claim={claim.id}>
      <div class="fc-claim__head">
        <VerdictChip verdict={claim.verdict} />
        <VerdictDates record={record} />
        {hidden && <span class="fc-claim__hidden">{t("hiddenOnPage", hidden)}</span>}
      </div>
      <p class="fc-claim__quote">“{claim.selector.exact}”</p>
      <p class="fc-claim__summary">{claim.summary}</p>
      <div class="fc-claim__actions">
        <button
          type="button"
          class="fc-button fc-claim__toggle"
          aria-expanded={open}
          aria-controls={detailsId}
          onClick={() => setOpen(!open)}
        >
          <span class="fc-claim__chevron" aria-hidden="true">
            {open ? "▾" : "▸"}
          </span>{" "}
          {t("details")}
        </button>
        <button type="button" class="fc-button fc-claim__show" onClick={showInPage}>
          {t("showInPage")}
        </button>
        {linkBase && /^https?:/.test(linkBase) && (
          <CopyButton
            class="fc-button fc-claim__copy-link"
            label={t("copyLinkToClaim")}
            trustedOnly={false}
            text={() => linkToClaim(linkBase, claim.selector, anchor.textDirective)}
          />
        )}
        <button
          ref={reportButton}
          type="button"
          class="fc-button fc-claim__report"
          aria-label={t("reportClaimProblem")}
          aria-expanded={reporting}
          aria-controls={reportId}
          onClick={() => setReporting(!reporting)}
        >
          {t("report")}
        </button>
      </div>
      {unreachable && (
        <p class="fc-claim__problem" role="status">
          {t("pageDidNotAnswer")}
        </p>
      )}
      <div id={detailsId} class="fc-claim__details" hidden={!open}>
        {open && <ClaimDetails record={record} anchor={anchor} headingLevel={3} showSummary={false} />}
      </div>
      <div id={reportId} class="fc-claim__report-form" hidden={!reporting}>
        {reporting && (
          <ReportForm subject={{ kind: "dispute", claimId: claim.id, page }} onClose={closeReport} headingLevel={3} />
        )}
      </div>
    </li>
  );
}

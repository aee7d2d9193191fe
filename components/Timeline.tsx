/**
 * The popup's timeline picture: the facts marked `timeline` in the dataset,
 * from Sep 2017 to Jun 2020, placed by date. The three Trump–Kim meetings are
 * large numbered circles; tests, concessions, sanctions, talks, statements
 * and appointments are small shapes keyed by letter to the list below the
 * picture; multi-day events are spans; the article's date is a dashed line.
 * Spring 2018 is dense (the Punggye-ri demolition came 19 days before the
 * Singapore summit), so it is repeated enlarged under the main strip.
 */
import type { JSX } from "preact";
import { formatDate, formatDateRange, formatMonth } from "../lib/i18n/dates";
import { readerDataset } from "../lib/i18n/reader-dataset";
import { currentLocale, type MessageKey, t, tPlural } from "../lib/i18n/translate";
import type { Fact } from "../lib/schema";
import { DateRange } from "./DateRange";

/** Props of {@link Timeline}. */
export interface TimelineProps {
  /** Facts to choose from (those with `timeline: true` are drawn); default: the dataset's. */
  facts?: readonly Fact[];
  /** The article's date, marked on the picture; default: the dataset article's. */
  articleDate?: string;
}

type Kind = Fact["kind"];

const WIDTH = 360;
const X0 = 16;
const X1 = WIDTH - 16;
/** The whole picture: the article's context, Sep 2017 to Jun 2020. */
const RANGE = { from: "2017-09-01", to: "2020-06-30" };
/** The enlarged part, and the pair of events whose order it makes plain. */
const INSET = { from: "2018-04-01", to: "2018-07-31" };
const HIGHLIGHT = { before: "punggye-ri-demolition", after: "singapore-summit" };
/**
 * The picture's colours: custom properties of the page's theme
 * (components/theme.css), light or dark with the reader's scheme, each at
 * 3:1 or more against the page; the light colours stand in where no theme
 * sets them. SVG presentation attributes do not take `var()`, so they go
 * in `style`.
 */
const themed = (name: string, light: string) => `var(--fc-timeline-${name}, ${light})`;
const MEETING_COLOR = themed("meeting", "#2f5fc4");
const ON_MEETING_COLOR = themed("on-meeting", "#fff");
const ARTICLE_COLOR = themed("article", "#c2185b");
const SPAN_COLOR = themed("statement", "#5f6368");

/** How each kind of event is drawn; its name in the legend is the message `kind_<kind>`. */
const KINDS: Record<Kind, { color: string; shape: string; hollow?: boolean }> = {
  summit: { color: MEETING_COLOR, shape: "M0,-4.5 A4.5,4.5 0 1 1 0,4.5 A4.5,4.5 0 1 1 0,-4.5Z" },
  test: { color: themed("test", "#d93025"), shape: "M0,-5.5 L5,4 L-5,4Z" },
  concession: {
    color: themed("concession", "#188038"),
    shape: "M0,-5.5 L5,0 L0,5.5 L-5,0Z",
  },
  sanctions: { color: themed("sanctions", "#8e44ad"), shape: "M-4,-4 H4 V4 H-4Z" },
  talks: { color: themed("talks", "#1a73e8"), shape: "M0,-4 A4,4 0 1 1 0,4 A4,4 0 1 1 0,-4Z" },
  statement: {
    color: SPAN_COLOR,
    shape: "M0,-4 A4,4 0 1 1 0,4 A4,4 0 1 1 0,-4Z",
    hollow: true,
  },
  personnel: { color: themed("personnel", "#b06000"), shape: "M0,5.5 L5,-4 L-5,-4Z" },
};

/** Days since 1970 of a dataset date; a month-precision date counts as the 15th. */
function dayOf(date: string): number {
  const [year, month, day] = date.split("-").map(Number);
  return Date.UTC(year, month - 1, day || 15) / 86_400_000;
}

/** Maps dates in [from, to] linearly onto [X0, X1], clamped. */
function scale(from: string, to: string): (date: string) => number {
  const [start, end] = [dayOf(from), dayOf(to)];
  return (date) => {
    const t = Math.min(1, Math.max(0, (dayOf(date) - start) / (end - start)));
    return Math.round((X0 + t * (X1 - X0)) * 10) / 10;
  };
}

/** One drawn event. */
interface TimelineEvent {
  fact: Fact;
  /** "1"–"3" for the meetings, "A", "B", … for the others, in date order. */
  key: string;
  name: string;
  dates: string;
}

/** The events to draw, in date order, with their keys. */
function timelineEvents(facts: readonly Fact[]): TimelineEvent[] {
  const drawn = facts.filter((fact) => fact.timeline).sort((a, b) => dayOf(a.date) - dayOf(b.date));
  let letter = 0;
  return drawn.map((fact) => ({
    fact,
    key: fact.meeting ? String(fact.meeting) : String.fromCharCode(65 + letter++),
    name: fact.meeting ? fact.label.split(",")[0] : fact.label,
    dates: formatDateRange(fact.date, fact.endDate),
  }));
}

/** Midpoint date position of an event (its span's middle when it has one). */
function centreOf(fact: Fact, x: (date: string) => number): number {
  return fact.endDate ? (x(fact.date) + x(fact.endDate)) / 2 : x(fact.date);
}

/**
 * Assigns each label (left and right edges) to the first row where it does
 * not overlap the previous label by less than `gap`; returns the rows.
 */
function stagger(spans: readonly { left: number; right: number }[], gap: number): number[] {
  const rowEnds: number[] = [];
  const order = spans.map((_, index) => index).sort((a, b) => spans[a].left - spans[b].left);
  const rows: number[] = new Array(spans.length).fill(0);
  for (const index of order) {
    let row = rowEnds.findIndex((end) => spans[index].left >= end + gap);
    if (row === -1) row = rowEnds.length;
    rowEnds[row] = spans[index].right;
    rows[index] = row;
  }
  return rows;
}

/** Approximate width of a text in the picture's font. */
function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.56;
}

/** A label centred on `x` (or ending at it), kept inside the picture. */
function labelSpan(x: number, width: number, anchor: "middle" | "end") {
  const left = anchor === "end" ? x - width : Math.min(X1 + 12 - width, Math.max(X0 - 12, x - width / 2));
  return { left, right: left + width, anchorX: anchor === "end" ? x : left + width / 2 };
}

/** Renders the timeline picture, its legend and the list of its events. */
export function Timeline({
  facts = readerDataset().facts,
  articleDate = readerDataset().article.datePublished,
}: TimelineProps) {
  const events = timelineEvents(facts);
  const meetings = events.filter((event) => event.fact.meeting);
  const others = events.filter((event) => !event.fact.meeting);
  const x = scale(RANGE.from, RANGE.to);
  const xInset = scale(INSET.from, INSET.to);
  const inInset = (fact: Fact) =>
    dayOf(fact.date) >= dayOf(INSET.from) && dayOf(fact.endDate ?? fact.date) <= dayOf(INSET.to);

  // Main strip: meeting and article labels on staggered rows above the axis.
  const topLabels = [
    ...meetings.map((event) => {
      const width = Math.max(textWidth(event.name, 10) * 1.05, textWidth(event.dates, 9));
      return { ...labelSpan(centreOf(event.fact, x), width, "middle"), anchor: "middle" as const };
    }),
    {
      ...labelSpan(
        x(articleDate) - 4,
        Math.max(textWidth(t("timelineArticle"), 10), textWidth(formatDate(articleDate), 9)),
        "end",
      ),
      anchor: "end" as const,
    },
  ];
  const topRows = stagger(topLabels, 6);
  const topHeight = (Math.max(0, ...topRows) + 1) * 24 + 2;
  const axisY = topHeight + 30;
  const letterRows = stagger(
    others.map((event) => ({ left: centreOf(event.fact, x) - 4, right: centreOf(event.fact, x) + 4 })),
    4,
  );
  const yearsY = axisY + 22 + (Math.max(0, ...letterRows) + 1) * 12;
  const years = [];
  for (let year = Number(RANGE.from.slice(0, 4)) + 1; year <= Number(RANGE.to.slice(0, 4)); year++) years.push(year);

  // Inset: the same events of spring 2018, enlarged.
  const insetEvents = events.filter((event) => inInset(event.fact));
  const insetOthers = insetEvents.filter((event) => !event.fact.meeting);
  const insetTop = yearsY + 12;
  const bracketY = insetTop + 30;
  const insetMeetingY = bracketY + 18;
  const insetAxisY = insetMeetingY + 22;
  const insetLetterRows = stagger(
    insetOthers.map((event) => ({ left: centreOf(event.fact, xInset) - 4, right: centreOf(event.fact, xInset) + 4 })),
    4,
  );
  const monthsY = insetAxisY + 22 + (Math.max(0, ...insetLetterRows) + 1) * 12;
  const height = monthsY + 10;
  const before = insetEvents.find((event) => event.fact.id === HIGHLIGHT.before);
  const after = insetEvents.find((event) => event.fact.id === HIGHLIGHT.after);
  const gapDays = before && after ? Math.round(dayOf(after.fact.date) - dayOf(before.fact.date)) : 0;

  return (
    <figure class="fc-timeline">
      <svg
        class="fc-timeline__picture"
        role="img"
        aria-label={summary(meetings, before, after, gapDays, articleDate)}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        font-family="system-ui, sans-serif"
      >
        <rect
          class="fc-timeline__zoom"
          x={x(INSET.from)}
          y={topHeight}
          width={x(INSET.to) - x(INSET.from)}
          height={axisY - topHeight + 8}
          fill="currentColor"
          fill-opacity="0.08"
        />
        <line x1={X0} x2={X1} y1={axisY} y2={axisY} stroke="currentColor" stroke-width="1.5" />
        {years.map((year) => {
          const yearX = x(`${year}-01-01`);
          return (
            <g key={year} class="fc-timeline__year">
              <line x1={yearX} x2={yearX} y1={axisY - 5} y2={yearsY - 9} stroke="currentColor" stroke-opacity="0.3" />
              <text x={yearX} y={yearsY} text-anchor="middle" font-size="9" fill="currentColor">
                {year}
              </text>
            </g>
          );
        })}

        {others.map((event, index) => (
          <SmallMark key={event.fact.id} event={event} x={x} axisY={axisY} row={letterRows[index]} />
        ))}
        {meetings.map((event, index) => (
          <Meeting key={event.fact.id} event={event} x={x} axisY={axisY} labelRow={topRows[index]} />
        ))}
        <ArticleLine x={x(articleDate)} top={topRows[topRows.length - 1] * 24} axisY={axisY} date={articleDate} />

        <g class="fc-timeline__inset" data-inset="true">
          <rect
            x={X0 - 10}
            y={insetTop}
            width={X1 - X0 + 20}
            height={height - insetTop}
            rx="6"
            fill="currentColor"
            fill-opacity="0.08"
          />
          <text x={X0 - 4} y={insetTop + 12} font-size="9" font-style="italic" fill="currentColor">
            {t("timelineInsetCaption", formatDateRange(INSET.from.slice(0, 7), INSET.to.slice(0, 7)))}
          </text>
          <line x1={X0} x2={X1} y1={insetAxisY} y2={insetAxisY} stroke="currentColor" stroke-width="1.5" />
          <InsetMonths x={xInset} axisY={insetAxisY} labelY={monthsY} />
          {before && after && (
            <Bracket
              from={centreOf(before.fact, xInset)}
              to={centreOf(after.fact, xInset)}
              y={bracketY}
              fromBottom={insetAxisY - 7}
              toBottom={insetMeetingY - 10}
              label={tPlural("daysCount", gapDays)}
            />
          )}
          {insetOthers.map((event, index) => (
            <SmallMark key={event.fact.id} event={event} x={xInset} axisY={insetAxisY} row={insetLetterRows[index]} />
          ))}
          {insetEvents
            .filter((event) => event.fact.meeting)
            .map((event) => (
              <Meeting key={event.fact.id} event={event} x={xInset} axisY={insetAxisY} />
            ))}
        </g>
      </svg>
      <Legend kinds={[...new Set(others.map((event) => event.fact.kind))]} />
      <ol class="fc-timeline__events" aria-label={t("timelineEvents")}>
        {events.map((event) => (
          <li
            key={event.fact.id}
            class={event.fact.meeting ? "fc-timeline__event fc-timeline__event--meeting" : "fc-timeline__event"}
          >
            <span class="fc-timeline__key" style={{ backgroundColor: keyColor(event.fact) }}>
              <span class="fc-visually-hidden">{t(event.fact.meeting ? "timelineMeeting" : "timelineEvent")} </span>
              {event.key}
            </span>{" "}
            <span class="fc-timeline__date">
              <DateRange date={event.fact.date} endDate={event.fact.endDate} />
            </span>{" "}
            <span class="fc-timeline__label">{event.fact.label}</span>
            {!event.fact.meeting && (
              <span class="fc-visually-hidden"> ({kindName(event.fact.kind).toLocaleLowerCase(currentLocale())})</span>
            )}
          </li>
        ))}
      </ol>
    </figure>
  );
}

/** The picture's text alternative: the meetings, the order of the highlighted pair, the article's date. */
function summary(
  meetings: TimelineEvent[],
  before: TimelineEvent | undefined,
  after: TimelineEvent | undefined,
  gapDays: number,
  articleDate: string,
): string {
  const parts = [
    t("timelineRange", formatDate(RANGE.from.slice(0, 7)), formatDate(RANGE.to.slice(0, 7))),
    tPlural(
      "timelineMeetings",
      meetings.length,
      meetings.map((event) => `${event.key}, ${event.name}, ${event.dates}`).join("; "),
    ),
  ];
  if (before && after)
    parts.push(
      t("timelineOrder", before.fact.label, before.dates, tPlural("daysCount", gapDays), after.name, after.dates),
    );
  parts.push(t("timelineArticleDate", formatDate(articleDate)));
  return parts.join(" ");
}

/** A kind's name in the interface language, as in the legend. */
function kindName(kind: Kind): string {
  return t(`kind_${kind}` as MessageKey);
}

function keyColor(fact: Fact): string {
  return fact.meeting ? MEETING_COLOR : KINDS[fact.kind].color;
}

/** A large numbered circle on a stem, with the meeting's name and date above when `labelRow` is given. */
function Meeting({
  event,
  x,
  axisY,
  labelRow,
}: {
  event: TimelineEvent;
  x: (date: string) => number;
  axisY: number;
  labelRow?: number;
}) {
  const cx = centreOf(event.fact, x);
  const cy = axisY - 22;
  const nameWidth = Math.max(textWidth(event.name, 10) * 1.05, textWidth(event.dates, 9));
  const label = labelSpan(cx, nameWidth, "middle");
  const labelY = labelRow === undefined ? 0 : labelRow * 24 + 10;
  return (
    <g class="fc-timeline__meeting" data-fact-id={event.fact.id} data-meeting={event.key} data-x={cx}>
      {event.fact.endDate && <Span fact={event.fact} x={x} axisY={axisY} color={MEETING_COLOR} />}
      <line x1={cx} x2={cx} y1={cy} y2={axisY} style={{ stroke: MEETING_COLOR }} stroke-width="2" />
      <circle cx={cx} cy={cy} r="9" style={{ fill: MEETING_COLOR }} stroke="Canvas" stroke-width="1.5" />
      <text
        x={cx}
        y={cy + 3.5}
        text-anchor="middle"
        font-size="11"
        font-weight="700"
        style={{ fill: ON_MEETING_COLOR }}
      >
        {event.key}
      </text>
      {labelRow !== undefined && (
        <>
          {labelY + 12 < cy - 9 && (
            <line
              x1={cx}
              x2={cx}
              y1={labelY + 12}
              y2={cy - 9}
              style={{ stroke: MEETING_COLOR }}
              stroke-opacity="0.5"
              stroke-dasharray="2 2"
            />
          )}
          <text x={label.anchorX} y={labelY} text-anchor="middle" font-size="10" font-weight="700" fill="currentColor">
            {event.name}
          </text>
          <text x={label.anchorX} y={labelY + 10} text-anchor="middle" font-size="9" fill="currentColor">
            {event.dates}
          </text>
        </>
      )}
    </g>
  );
}

/** A small shape on the axis (over a span when the event lasted several days) with its letter below. */
function SmallMark({
  event,
  x,
  axisY,
  row,
}: {
  event: TimelineEvent;
  x: (date: string) => number;
  axisY: number;
  row: number;
}) {
  const kind = KINDS[event.fact.kind];
  const cx = centreOf(event.fact, x);
  const letterY = axisY + 22 + row * 12;
  return (
    <g class="fc-timeline__mark" data-fact-id={event.fact.id} data-kind={event.fact.kind} data-x={cx}>
      {event.fact.endDate && <Span fact={event.fact} x={x} axisY={axisY} color={kind.color} />}
      <path
        d={kind.shape}
        transform={`translate(${cx} ${axisY})`}
        style={{ fill: kind.hollow ? "Canvas" : kind.color, stroke: kind.color }}
        stroke-width={kind.hollow ? 2 : 1}
      />
      <line x1={cx} x2={cx} y1={axisY + 6} y2={letterY - 8} style={{ stroke: kind.color }} stroke-opacity="0.6" />
      <text x={cx} y={letterY} text-anchor="middle" font-size="9" font-weight="700" fill="currentColor">
        {event.key}
      </text>
    </g>
  );
}

/** The length of a multi-day event, as a bar along the axis (at least 3 px, so it shows). */
function Span({ fact, x, axisY, color }: { fact: Fact; x: (date: string) => number; axisY: number; color: string }) {
  const [start, end] = [x(fact.date), x(fact.endDate ?? fact.date)];
  const width = Math.max(3, end - start);
  const left = (start + end) / 2 - width / 2;
  return (
    <rect
      class="fc-timeline__span"
      data-span={`${fact.date}/${fact.endDate}`}
      x={left}
      y={axisY - 3}
      width={width}
      height="6"
      rx="2"
      style={{ fill: color }}
      fill-opacity="0.85"
    />
  );
}

/** The article's date: a dashed line labelled "Article" and the date. */
function ArticleLine({ x, top, axisY, date }: { x: number; top: number; axisY: number; date: string }) {
  return (
    <g class="fc-timeline__article" data-x={x}>
      <line
        x1={x}
        x2={x}
        y1={top + 2}
        y2={axisY + 8}
        style={{ stroke: ARTICLE_COLOR }}
        stroke-width="1.5"
        stroke-dasharray="3 2"
      />
      <text x={x - 4} y={top + 10} text-anchor="end" font-size="10" font-weight="700" style={{ fill: ARTICLE_COLOR }}>
        {t("timelineArticle")}
      </text>
      <text x={x - 4} y={top + 20} text-anchor="end" font-size="9" fill="currentColor">
        {formatDate(date)}
      </text>
    </g>
  );
}

/** Month ticks and names under the enlarged axis. */
function InsetMonths({ x, axisY, labelY }: { x: (date: string) => number; axisY: number; labelY: number }) {
  const months: string[] = [];
  for (let day = dayOf(`${INSET.from.slice(0, 7)}-01`); day <= dayOf(INSET.to); day += 31) {
    const date = new Date(day * 86_400_000).toISOString().slice(0, 7);
    if (!months.includes(date)) months.push(date);
  }
  return (
    <g class="fc-timeline__months">
      {months.map((month) => (
        <g key={month}>
          <line
            x1={x(`${month}-01`)}
            x2={x(`${month}-01`)}
            y1={axisY - 4}
            y2={axisY + 4}
            stroke="currentColor"
            stroke-opacity="0.5"
          />
          <text x={x(`${month}-15`)} y={labelY} text-anchor="middle" font-size="9" fill="currentColor">
            {formatMonth(month)}
          </text>
        </g>
      ))}
    </g>
  );
}

/** A bracket from one event to a later one, labelled with the days between them. */
function Bracket(props: { from: number; to: number; y: number; fromBottom: number; toBottom: number; label: string }) {
  const { from, to, y, fromBottom, toBottom, label } = props;
  return (
    <g class="fc-timeline__bracket" style={{ stroke: ARTICLE_COLOR }} fill="none">
      <path d={`M${from},${fromBottom} V${y} H${to} V${toBottom}`} stroke-width="1.5" />
      <text
        x={(from + to) / 2}
        y={y - 4}
        text-anchor="middle"
        font-size="10"
        font-weight="700"
        style={{ fill: ARTICLE_COLOR, stroke: "none" }}
      >
        {label}
      </text>
    </g>
  );
}

/** What the shapes mean, for the kinds present. */
function Legend({ kinds }: { kinds: Kind[] }) {
  const entry = (key: string, icon: JSX.Element, name: string) => (
    <li key={key} class="fc-timeline__legend-item">
      <svg width="14" height="14" viewBox="-7 -7 14 14" aria-hidden="true">
        {icon}
      </svg>
      {name}
    </li>
  );
  return (
    <ul class="fc-timeline__legend" aria-label={t("timelineLegend")}>
      {entry("meeting", <circle r="6" style={{ fill: MEETING_COLOR }} />, t("timelineMeetingLegend"))}
      {kinds.map((kind) =>
        entry(
          kind,
          <path
            d={KINDS[kind].shape}
            style={{ fill: KINDS[kind].hollow ? "none" : KINDS[kind].color, stroke: KINDS[kind].color }}
            stroke-width={KINDS[kind].hollow ? 2 : 1}
          />,
          kindName(kind),
        ),
      )}
      {entry(
        "span",
        <rect x="-6" y="-3" width="12" height="6" rx="2" style={{ fill: SPAN_COLOR }} fill-opacity="0.85" />,
        t("timelineSeveralDays"),
      )}
      {entry(
        "article",
        <line x1="0" x2="0" y1="-6" y2="6" style={{ stroke: ARTICLE_COLOR }} stroke-width="2" stroke-dasharray="3 2" />,
        t("timelineArticleDateLegend"),
      )}
    </ul>
  );
}

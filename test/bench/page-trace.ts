/**
 * What the extension costs a page's main thread, read from a Chromium trace
 * of the page's load (CDP `Tracing`, nothing added to the extension): every
 * task over 50 ms, with how much of it was the extension's script (events
 * whose script URL is `chrome-extension://…`), and the time from the
 * detector's first look (its script's evaluation) to the highlights painted.
 *
 * "Painted" is seen from the page: the probe (`PAGE_PROBE`, added to the
 * page's own world by the harness, never by the extension) checks
 * `CSS.highlights.size` in every animation frame; the first frame that has
 * highlights paints them, and a timer set from that frame's callback runs
 * after that paint, where it leaves the mark `annotations-painted`, which
 * the trace records, and says so on the console (`PAINTED`): waiting for
 * that message costs the page nothing, where polling it from the harness
 * (Playwright's `waitForFunction`) would first inject Playwright's own
 * script into the page, about 15 ms of its main thread in the middle of
 * what is measured. The probe also counts the page's long tasks with a
 * `PerformanceObserver`, the page's own view of them. Shared by
 * `npm run bench` and `test/e2e/huge-pages.test.ts`.
 */
import type { BrowserContext, CDPSession, Page } from "playwright-core";

/** What the probe says on the console once the highlights are painted. */
const PAINTED = "annotations-painted";

/** A task is long above this (the Long Tasks API's threshold). */
export const LONG_TASK_MS = 50;

/** Added to the page's world before its scripts: long tasks as the page sees them, and when highlights first paint. */
export const PAGE_PROBE = `(() => {
  const seen = (window.__longTasks = []);
  try {
    new PerformanceObserver((list) => { for (const entry of list.getEntries()) seen.push(entry.duration); })
      .observe({ type: "longtask", buffered: true });
  } catch {}
  const poll = () => {
    if (CSS.highlights && CSS.highlights.size > 0)
      setTimeout(() => {
        performance.mark("${PAINTED}");
        console.debug("${PAINTED}");
      }, 0);
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})();`;

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, where the trace has it. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string }; elementCount?: number };
}

/** One task over 50 ms on the page's main thread. */
export interface LongTask {
  ms: number;
  /** Of which the extension's scripts ran this long (wall time). */
  extensionMs: number;
  /** And this much thread (CPU) time: the wall time less what the machine gave other processes meanwhile. */
  extensionCpuMs: number;
}

/** What one traced page load shows. */
export interface PageTrace {
  /** Every task over 50 ms on the page's main thread, in order. */
  longTasks: LongTask[];
  /**
   * Those the extension made long: it ran in them, and without it they would
   * have stayed within 50 ms. Counted by the extension's CPU time, so that a
   * busy machine pausing our thread mid-run does not count as our work.
   */
  addedByExtension: LongTask[];
  /** The longest single run of the extension's script (one evaluation or callback): wall and CPU ms. */
  longestExtensionRun: { ms: number; cpuMs: number };
  /** The extension's runs over 10 ms: which script, how long (ms), and what (an evaluation, a callback). */
  slowRuns: { script: string; ms: number; cpuMs: number; kind: string }[];
  /** All the extension's script time on the main thread: wall and CPU ms. */
  extensionTotal: { ms: number; cpuMs: number };
  /** From the detector's first look to the highlights painted, in ms; null when none painted. */
  timeToAnnotationsMs: number | null;
  /** Of which: from the detector's first look to the overlay's script starting (the look, the message, the injection). */
  timeToOverlayMs: number | null;
  /** Long tasks the page's own `PerformanceObserver` reported, in ms. */
  observedLongTasks: number[];
  /**
   * The longest style recalculation on the page's main thread once the
   * overlay has started (ms, and the elements it restyled); null when there
   * was none or no overlay. By then the page has loaded and restyles only
   * what it changes; the rest is what our highlight rules and markers cost
   * its rendering, which our scripts' own time does not show: rules that
   * restyled every element (`::highlight(x)` unscoped) took 0.8 s for the
   * 55,000 elements of the 5 MB page, in a task of the page's.
   */
  longestRestyle: { ms: number; elements: number | null } | null;
}

const TASK_EVENTS = new Set(["RunTask", "ThreadControllerImpl::RunTask"]);
const SCRIPT_EVENTS = new Set(["EvaluateScript", "FunctionCall", "v8.compile", "TimerFire", "FireAnimationFrame"]);
const CATEGORIES = [
  "toplevel",
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "blink.user_timing",
  "v8.execute",
];

/**
 * Loads `url` in `tab` with the probe in place, traces it until the load
 * event, then until the highlights are painted (`untilPainted`) or `until`
 * resolves, and `settleMs` more, and reads the trace.
 */
export async function tracePageLoad(
  context: BrowserContext,
  tab: Page,
  url: string,
  options: { settleMs: number; untilPainted?: boolean; until?: (tab: Page) => Promise<unknown> },
): Promise<PageTrace> {
  await tab.addInitScript(PAGE_PROBE);
  const cdp = await context.newCDPSession(tab);
  const events = await traced(cdp, async () => {
    const painted = options.untilPainted
      ? tab.waitForEvent("console", { predicate: (message) => message.text() === PAINTED, timeout: 60_000 })
      : null;
    await tab.goto(url, { waitUntil: "load", timeout: 120_000 });
    await painted;
    await options.until?.(tab);
    await tab.waitForTimeout(options.settleMs);
  });
  const observedLongTasks = await tab.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  await cdp.detach().catch(() => {});
  return { ...analyse(events), observedLongTasks: observedLongTasks.map((ms) => Math.round(ms)) };
}

async function traced(cdp: CDPSession, run: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on("Tracing.dataCollected", (batch) => {
    events.push(...(batch.value as unknown as TraceEvent[]));
  });
  const complete = new Promise<void>((done) => cdp.once("Tracing.tracingComplete", () => done()));
  await cdp.send("Tracing.start", {
    transferMode: "ReportEvents",
    traceConfig: { includedCategories: CATEGORIES },
  } as never);
  try {
    await run();
  } finally {
    await cdp.send("Tracing.end");
    await complete;
  }
  return events;
}

const isExtensionScript = (event: TraceEvent) =>
  SCRIPT_EVENTS.has(event.name) && !!event.args?.data?.url?.startsWith("chrome-extension://");

/** Reads a trace: see `PageTrace`. Exported for the benchmark's report. */
export function analyse(events: readonly TraceEvent[]): Omit<PageTrace, "observedLongTasks"> {
  const mainThreads = new Set(
    events
      .filter((event) => event.ph === "M" && event.name === "thread_name" && event.args?.name === "CrRendererMain")
      .map((event) => `${event.pid}:${event.tid}`),
  );
  const onMain = (event: TraceEvent) => mainThreads.has(`${event.pid}:${event.tid}`);
  const ours = outermost(events.filter((event) => event.ph === "X" && onMain(event) && isExtensionScript(event)));

  const longTasks: LongTask[] = [];
  for (const task of outermost(
    events.filter((event) => TASK_EVENTS.has(event.name) && event.ph === "X" && onMain(event)),
  )) {
    const ms = (task.dur ?? 0) / 1000;
    if (ms <= LONG_TASK_MS) continue;
    const end = task.ts + (task.dur ?? 0);
    const inside = ours.filter(
      (run) => run.pid === task.pid && run.tid === task.tid && run.ts >= task.ts && run.ts + (run.dur ?? 0) <= end,
    );
    longTasks.push({ ms: round(ms), extensionMs: round(wall(inside)), extensionCpuMs: round(cpu(inside)) });
  }

  const detectorStart = ours
    .filter((event) => event.name === "EvaluateScript" && event.args?.data?.url?.endsWith("/detector.js"))
    .map((event) => event.ts)
    .sort((a, b) => a - b)[0];
  const overlayStart = ours.find(
    (event) => event.name === "EvaluateScript" && event.args?.data?.url?.endsWith("/overlay.js"),
  )?.ts;
  const painted = events.find((event) => event.name === PAINTED && onMain(event));
  const restyles = events.filter(
    (event) =>
      event.name === "UpdateLayoutTree" &&
      event.ph === "X" &&
      onMain(event) &&
      overlayStart !== undefined &&
      event.ts >= overlayStart,
  );
  const longestRestyle = longestOf(restyles);
  const longest = longestOf(ours);
  return {
    longTasks,
    addedByExtension: longTasks.filter(
      (task) =>
        task.extensionCpuMs > 0 &&
        task.ms - task.extensionMs <= LONG_TASK_MS &&
        task.ms - task.extensionMs + task.extensionCpuMs > LONG_TASK_MS,
    ),
    longestExtensionRun: { ms: round(longest ? wall([longest]) : 0), cpuMs: round(longest ? cpu([longest]) : 0) },
    slowRuns: ours
      .filter((event) => (event.dur ?? 0) > 10_000)
      .map((event) => ({
        script: event.args?.data?.url?.split("/").at(-1) ?? "?",
        ms: round(wall([event])),
        cpuMs: round(cpu([event])),
        kind: event.name,
      })),
    extensionTotal: { ms: round(wall(ours)), cpuMs: round(cpu(ours)) },
    timeToAnnotationsMs: painted && detectorStart !== undefined ? round((painted.ts - detectorStart) / 1000) : null,
    timeToOverlayMs:
      overlayStart !== undefined && detectorStart !== undefined ? round((overlayStart - detectorStart) / 1000) : null,
    longestRestyle: longestRestyle
      ? { ms: round(wall([longestRestyle])), elements: longestRestyle.args?.elementCount ?? null }
      : null,
  };
}

/** The longest of `events`, if any. */
function longestOf(events: readonly TraceEvent[]): TraceEvent | null {
  return events.reduce<TraceEvent | null>(
    (best, event) => (!best || (event.dur ?? 0) > (best.dur ?? 0) ? event : best),
    null,
  );
}

/** The events not inside another of them on the same thread (a compile inside an evaluation counts once). */
function outermost(events: readonly TraceEvent[]): TraceEvent[] {
  const sorted = [...events].sort(
    (a, b) => a.pid - b.pid || a.tid - b.tid || a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0),
  );
  const kept: TraceEvent[] = [];
  for (const event of sorted) {
    const last = kept.at(-1);
    if (last && last.pid === event.pid && last.tid === event.tid && event.ts < last.ts + (last.dur ?? 0)) continue;
    kept.push(event);
  }
  return kept;
}

const wall = (runs: readonly TraceEvent[]) => runs.reduce((sum, run) => sum + (run.dur ?? 0), 0) / 1000;
const cpu = (runs: readonly TraceEvent[]) => runs.reduce((sum, run) => sum + (run.tdur ?? run.dur ?? 0), 0) / 1000;

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

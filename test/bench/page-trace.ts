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
 * the trace records. The probe also counts the page's long tasks with a
 * `PerformanceObserver`, the page's own view of them. Shared by
 * `npm run bench` and `test/e2e/huge-pages.test.ts`.
 */
import type { BrowserContext, CDPSession, Page } from "playwright-core";

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
    if (CSS.highlights && CSS.highlights.size > 0) setTimeout(() => performance.mark("annotations-painted"), 0);
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})();`;

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string } };
}

/** One task over 50 ms on the page's main thread. */
export interface LongTask {
  ms: number;
  /** Of which the extension's scripts ran this long. */
  extensionMs: number;
}

/** What one traced page load shows. */
export interface PageTrace {
  /** Every task over 50 ms on the page's main thread, in order. */
  longTasks: LongTask[];
  /** Those the extension made long: it ran in them, and without it they would have stayed within 50 ms. */
  addedByExtension: LongTask[];
  /** The longest single run of the extension's script (one evaluation or callback), in ms. */
  longestExtensionRunMs: number;
  /** The extension's runs over 10 ms: which script, how long (ms), and what (an evaluation, a callback). */
  slowRuns: { script: string; ms: number; kind: string }[];
  /** All the extension's script time on the main thread, in ms. */
  extensionTotalMs: number;
  /** From the detector's first look to the highlights painted, in ms; null when none painted. */
  timeToAnnotationsMs: number | null;
  /** Long tasks the page's own `PerformanceObserver` reported, in ms. */
  observedLongTasks: number[];
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
 * Loads `url` in a new tab of `context` with the probe in place, traces it
 * for `settleMs` after the load event, and reads the trace. `page` may be
 * given (a tab the caller opened, e.g. one whose requests it watches).
 */
export async function tracePageLoad(
  context: BrowserContext,
  url: string,
  settleMs: number,
  page?: Page,
): Promise<PageTrace> {
  const tab = page ?? (await context.newPage());
  await tab.addInitScript(PAGE_PROBE);
  const cdp = await context.newCDPSession(tab);
  const events = await traced(cdp, async () => {
    await tab.goto(url, { waitUntil: "load", timeout: 120_000 });
    await tab.waitForTimeout(settleMs);
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

/** Reads a trace: see `PageTrace`. Exported for its unit test. */
export function analyse(events: readonly TraceEvent[]): Omit<PageTrace, "observedLongTasks"> {
  const mainThreads = new Set(
    events
      .filter((event) => event.ph === "M" && event.name === "thread_name" && event.args?.name === "CrRendererMain")
      .map((event) => `${event.pid}:${event.tid}`),
  );
  const onMain = (event: TraceEvent) => mainThreads.has(`${event.pid}:${event.tid}`);
  const ours = events.filter((event) => event.ph === "X" && onMain(event) && isExtensionScript(event));
  const outermost = mergeIntervals(ours);

  const longTasks: LongTask[] = [];
  // A task's nested runner events span the same time: only the outermost one counts.
  let taskEnd = -1;
  const tasks = events
    .filter((task) => TASK_EVENTS.has(task.name) && task.ph === "X" && onMain(task))
    .sort((a, b) => a.pid - b.pid || a.tid - b.tid || a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  for (const task of tasks) {
    if (task.ts < taskEnd) continue;
    taskEnd = task.ts + (task.dur ?? 0);
    const ms = (task.dur ?? 0) / 1000;
    if (ms <= LONG_TASK_MS) continue;
    const end = task.ts + (task.dur ?? 0);
    const inside = outermost.filter(
      (run) => run.pid === task.pid && run.tid === task.tid && run.start >= task.ts && run.end <= end,
    );
    const extensionMs = inside.reduce((sum, run) => sum + (run.end - run.start), 0) / 1000;
    longTasks.push({ ms: round(ms), extensionMs: round(extensionMs) });
  }

  const detectorStart = ours
    .filter((event) => event.name === "EvaluateScript" && event.args?.data?.url?.endsWith("/detector.js"))
    .map((event) => event.ts)
    .sort((a, b) => a - b)[0];
  const painted = events.find((event) => event.name === "annotations-painted" && onMain(event));
  return {
    longTasks,
    addedByExtension: longTasks.filter((task) => task.extensionMs > 0 && task.ms - task.extensionMs <= LONG_TASK_MS),
    slowRuns: ours
      .filter((event) => (event.dur ?? 0) > Number(process.env.SLOW_RUN_US ?? 10_000))
      .map((event) => ({
        script: event.args?.data?.url?.split("/").at(-1) ?? "?",
        ms: round((event.dur ?? 0) / 1000),
        kind: event.name,
      })),
    longestExtensionRunMs: round(Math.max(0, ...outermost.map((run) => run.end - run.start)) / 1000),
    extensionTotalMs: round(outermost.reduce((sum, run) => sum + (run.end - run.start), 0) / 1000),
    timeToAnnotationsMs: painted && detectorStart !== undefined ? round((painted.ts - detectorStart) / 1000) : null,
  };
}

interface Interval {
  pid: number;
  tid: number;
  start: number;
  end: number;
}

/** The outermost runs of the extension's script (a compile inside an evaluation counts once). */
function mergeIntervals(events: readonly TraceEvent[]): Interval[] {
  const sorted = [...events].sort((a, b) => a.pid - b.pid || a.tid - b.tid || a.ts - b.ts);
  const merged: Interval[] = [];
  for (const event of sorted) {
    const last = merged.at(-1);
    const end = event.ts + (event.dur ?? 0);
    if (last && last.pid === event.pid && last.tid === event.tid && event.ts <= last.end)
      last.end = Math.max(last.end, end);
    else merged.push({ pid: event.pid, tid: event.tid, start: event.ts, end });
  }
  return merged;
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

/**
 * `npm run bench`: our pipeline and the peers side by side in real headless
 * Chromium, on the pages of pages.ts, against the project's performance
 * budgets (listed in the README, "Performance"). See test/bench/README.md for what is measured and how to read
 * the output.
 *
 * Environment: CHROME_PATH (default /usr/bin/chromium), BENCH_RUNS (15),
 * BENCH_WARMUP (3), BENCH_CAP_MS (20000: time allowed per contender and
 * page), BENCH_PAGES / BENCH_CONTENDERS (comma-separated ids, to run a
 * subset), BENCH_WRITE_PAGES (a directory to write the generated pages to),
 * BENCH_GC=1 (a forced collection before every run; see README.md for why it
 * is off by default), BENCH_EXTENSION=0 (skip the built extension's part:
 * long tasks on the huge pages and the time to annotations), BENCH_TTA_RUNS
 * (11: loads of the demo page for the time to annotations).
 *
 * Always exits with 0 once it has measured: a failing budget is a result.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { cpus, loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { type Browser, type CDPSession, chromium, type Page } from "playwright-core";
import { chromiumArgs, chromiumPath, launchChromium } from "../../lib/cli/chromium";
import type { BenchApi, Breakdown, CheckResult, ContenderName, PageStats } from "./page-entry";
import { LONG_TASK_MS, type PageTrace, tracePageLoad } from "./page-trace";
import { type BenchPage, buildHugePages, buildPages } from "./pages";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "..", "..");
const RESULTS_FILE = join(HERE, "results.json");
const EXTENSION_DIR = join(ROOT, ".output", "chrome-mv3");
const DETECTOR_SCRIPT = join(EXTENSION_DIR, "content-scripts", "detector.js");
const OVERLAY_SCRIPT = join(EXTENSION_DIR, "content-scripts", "overlay.js");
/** The overlay's second script (markers and cards), injected once the highlights are painted. */
const OVERLAY_CARDS_SCRIPT = join(EXTENSION_DIR, "content-scripts", "overlay-cards.js");
/** Loads of the demo page for the time to annotations (`BENCH_TTA_RUNS`). */
const TTA_RUNS = Number(process.env.BENCH_TTA_RUNS ?? 11);
/** The demo article page, as `npm start` opens it. */
const DEMO_PAGE = "news-cms";

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const CAP_MS = Number(process.env.BENCH_CAP_MS ?? 20_000);
/** CDP's collectGarbage also drops compiled code, so every run would be cold: off unless asked for. */
const FORCE_GC = process.env.BENCH_GC === "1";
/** A single run longer than this is abandoned (the page is closed). */
const HARD_TIMEOUT_MS = Math.max(CAP_MS * 3, 60_000);

/**
 * The contenders in report order, with what they are: ours, a peer, or a
 * reference (neither: the cost of reading the page at all, timed on the
 * pages without the article, where a detector must read everything).
 */
const CONTENDERS: { id: ContenderName; label: string; role: "ours" | "peer" | "reference" }[] = [
  { id: "ours", label: "ours: annotateDocument", role: "ours" },
  { id: "ours-detector", label: "ours: presenceSteps (detector)", role: "ours" },
  { id: "reading-floor", label: "reference: reading the page", role: "reference" },
  { id: "hypothesis", label: "hypothesis-style baseline", role: "peer" },
  { id: "apache-annotator", label: "@apache-annotator/dom", role: "peer" },
  { id: "dom-anchor-text-quote", label: "dom-anchor-text-quote", role: "peer" },
];

const CLAIMS = JSON.parse(readFileSync(join(ROOT, "data", "claims.json"), "utf8")) as {
  id: string;
  summary: string;
  selector: { exact: string };
}[];

interface ContenderResult {
  contender: ContenderName;
  /** Milliseconds of each measured run (warm-ups left out). */
  times: number[];
  /** The first run on a freshly loaded page (a warm-up). */
  coldMs: number | null;
  medianMs: number | null;
  minMs: number | null;
  maxMs: number | null;
  /** Stopped by the time cap before all runs were done. */
  capped: boolean;
  error: string | null;
  check: CheckResult | null;
}

interface PageReport {
  id: string;
  title: string;
  htmlBytes: number;
  hasArticle: boolean;
  stats: PageStats | null;
  results: ContenderResult[];
  breakdown: Breakdown | null;
}

interface Budget {
  name: string;
  pass: boolean | null;
  detail: string;
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [join(HERE, "page-entry.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "chrome120",
    minify: true,
    write: false,
    logLevel: "silent",
    define: { "process.env.NODE_ENV": '"production"' },
  });
  return result.outputFiles[0].text;
}

/** Serves the pages and the bundle on 127.0.0.1, cross-origin isolated (5 µs performance.now()). */
async function serve(pages: readonly BenchPage[], script: string) {
  const bodies = new Map<string, { type: string; body: string }>();
  for (const page of pages) bodies.set(`/pages/${page.id}.html`, { type: "text/html; charset=utf-8", body: page.html });
  bodies.set("/bench.js", { type: "text/javascript; charset=utf-8", body: script });
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    const found = bodies.get(path);
    if (!found) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    response.writeHead(200, {
      "content-type": found.type,
      "cache-control": "no-store",
      "cross-origin-opener-policy": "same-origin",
      "cross-origin-embedder-policy": "require-corp",
      "cross-origin-resource-policy": "same-origin",
    });
    response.end(found.body);
  });
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => done());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** A fresh tab with the page loaded and `window.__bench` in it. Requests off 127.0.0.1 are refused. */
async function openPage(browser: Browser, origin: string, page: BenchPage): Promise<Page> {
  const context = await browser.newContext();
  await context.route(
    (url) => url.origin !== origin,
    (route) => route.abort(),
  );
  const tab = await context.newPage();
  await tab.goto(`${origin}/pages/${page.id}.html`, { waitUntil: "load" });
  await tab.addScriptTag({ url: `${origin}/bench.js` });
  await tab.waitForFunction(() => "__bench" in window);
  return tab;
}

function bench(tab: Page) {
  return {
    run: (name: ContenderName) =>
      tab.evaluate((contender) => (window as unknown as { __bench: BenchApi }).__bench.run(contender), name),
    check: (name: ContenderName) =>
      tab.evaluate((contender) => (window as unknown as { __bench: BenchApi }).__bench.check(contender), name),
    breakdown: (runs: number) =>
      tab.evaluate((count) => (window as unknown as { __bench: BenchApi }).__bench.breakdown(count), runs),
    stats: () => tab.evaluate(() => (window as unknown as { __bench: BenchApi }).__bench.pageStats()),
  };
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`a single run took over ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** One contender's tab and runs on the page being measured. */
interface Slot {
  contender: ContenderName;
  tab: Page;
  cdp: CDPSession;
  api: ReturnType<typeof bench>;
  /** Every run's time, warm-ups first. */
  all: number[];
  spent: number;
  done: boolean;
  capped: boolean;
  error: string | null;
  check: CheckResult | null;
}

/**
 * Warm-ups then measured runs of every contender on one page, each
 * contender in its own freshly loaded tab. The runs are interleaved (one run
 * of each contender per round, the order rotating), so that a burst of load
 * on the machine falls on all of them alike. A contender stops when its runs
 * add up to more than the time cap.
 */
async function measurePage(
  browser: Browser,
  origin: string,
  page: BenchPage,
  contenders: readonly ContenderName[],
): Promise<ContenderResult[]> {
  const slots: Slot[] = [];
  for (const contender of contenders) {
    const tab = await openPage(browser, origin, page);
    slots.push({
      contender,
      tab,
      cdp: await tab.context().newCDPSession(tab),
      api: bench(tab),
      all: [],
      spent: 0,
      done: false,
      capped: false,
      error: null,
      check: null,
    });
  }
  const rounds = WARMUP + RUNS;
  for (let round = 0; round < rounds; round++) {
    const order = slots.map((_, index) => slots[(index + round) % slots.length]);
    for (const slot of order) {
      if (slot.done) continue;
      try {
        if (FORCE_GC) await slot.cdp.send("HeapProfiler.collectGarbage");
        const ms = await withTimeout(slot.api.run(slot.contender), HARD_TIMEOUT_MS);
        slot.all.push(ms);
        slot.spent += ms;
        if (slot.spent > CAP_MS && round < rounds - 1) {
          slot.capped = true;
          slot.done = true;
        }
      } catch (error) {
        slot.error = error instanceof Error ? error.message.split("\n")[0] : String(error);
        slot.done = true;
      }
    }
  }
  const results: ContenderResult[] = [];
  for (const slot of slots) {
    try {
      if (!slot.error) slot.check = await slot.api.check(slot.contender);
    } catch (error) {
      slot.error = error instanceof Error ? error.message.split("\n")[0] : String(error);
    }
    await slot.tab.context().close();
    // Capped during the warm-ups: the runs there are are all there is.
    const times = slot.all.length > WARMUP ? slot.all.slice(WARMUP) : slot.all;
    results.push({
      contender: slot.contender,
      times,
      coldMs: slot.all[0] ?? null,
      medianMs: median(times),
      minMs: times.length ? Math.min(...times) : null,
      maxMs: slot.all.length ? Math.max(...slot.all) : null,
      capped: slot.capped,
      error: slot.error,
      check: slot.check,
    });
  }
  return results;
}

async function breakdownOf(browser: Browser, origin: string, page: BenchPage): Promise<Breakdown | null> {
  const tab = await openPage(browser, origin, page);
  try {
    const api = bench(tab);
    await api.breakdown(WARMUP);
    return await api.breakdown(RUNS);
  } catch (error) {
    console.error(`breakdown on ${page.id} failed: ${error}`);
    return null;
  } finally {
    await tab.context().close();
  }
}

async function statsOf(browser: Browser, origin: string, page: BenchPage): Promise<PageStats> {
  const tab = await openPage(browser, origin, page);
  try {
    return await bench(tab).stats();
  } finally {
    await tab.context().close();
  }
}

// ---------------------------------------------------------------- the built extension in Chromium

/** One page loaded with the extension and without it. */
interface ExtensionPageReport {
  id: string;
  title: string;
  htmlBytes: number;
  hasArticle: boolean;
  withExtension: PageTrace;
  /** Long tasks the page's own PerformanceObserver saw without the extension, in ms. */
  withoutExtension: number[];
}

interface ExtensionReport {
  pages: ExtensionPageReport[];
  /** Time to annotations on the demo page, each load, in ms. */
  timeToAnnotations: number[];
  /** Of which the detector's look, the message and the injection, each load. */
  timeToOverlay: number[];
}

/**
 * The built extension (`.output/chrome-mv3`) in Chromium: every page of
 * `buildHugePages` loaded, traced, with the extension and in the plain
 * browser without it; then the demo page `TTA_RUNS` times for the time to
 * annotations. Null when the extension is not built.
 */
async function measureExtension(
  plain: Browser,
  origin: string,
  hugePages: readonly BenchPage[],
): Promise<ExtensionReport | null> {
  if (!existsSync(join(EXTENSION_DIR, "manifest.json"))) return null;
  const extension = await launchChromium({ headless: true, extensionDir: EXTENSION_DIR });
  const { context } = extension;
  try {
    if (!context.serviceWorkers().length) await context.waitForEvent("serviceworker", { timeout: 20_000 });
    const pages: ExtensionPageReport[] = [];
    for (const page of hugePages) {
      process.stderr.write(`extension on ${page.id}...\n`);
      const url = `${origin}/pages/${page.id}.html`;
      const tab = await context.newPage();
      const withExtension = await tracePageLoad(context, tab, url, {
        settleMs: page.hasArticle ? 1000 : 4000,
        untilPainted: page.hasArticle,
      });
      await tab.close();
      const plainContext = await plain.newContext();
      const plainTab = await plainContext.newPage();
      const without = await tracePageLoad(plainContext, plainTab, url, { settleMs: 4000 });
      await plainContext.close();
      pages.push({
        id: page.id,
        title: page.title,
        htmlBytes: Buffer.byteLength(page.html),
        hasArticle: page.hasArticle,
        withExtension,
        withoutExtension: without.observedLongTasks,
      });
    }
    process.stderr.write(`time to annotations on ${DEMO_PAGE}, ${TTA_RUNS} loads...\n`);
    const timeToAnnotations: number[] = [];
    const timeToOverlay: number[] = [];
    for (let run = 0; run < TTA_RUNS; run++) {
      const tab = await context.newPage();
      const trace = await tracePageLoad(context, tab, `${origin}/pages/${DEMO_PAGE}.html`, {
        settleMs: 100,
        untilPainted: true,
      });
      await tab.close();
      if (trace.timeToAnnotationsMs !== null) timeToAnnotations.push(trace.timeToAnnotationsMs);
      if (trace.timeToOverlayMs !== null) timeToOverlay.push(trace.timeToOverlayMs);
    }
    return { pages, timeToAnnotations, timeToOverlay };
  } finally {
    await extension.close();
  }
}

function printExtension(report: ExtensionReport | null): void {
  console.log(`\n${paint(1, "The built extension in Chromium")} (page loads traced; see test/bench/README.md)`);
  if (!report) {
    console.log("  not built: run `npm run build` first");
    return;
  }
  const rows = [
    [
      "page",
      "size",
      "annotated",
      "long tasks added by us",
      "our longest run ms (CPU)",
      "our total ms (CPU)",
      "longest restyle after the overlay's start ms (elements)",
      "page's long tasks with / without us",
    ],
  ];
  for (const page of report.pages) {
    const trace = page.withExtension;
    rows.push([
      page.id,
      `${(page.htmlBytes / 1024 / 1024).toFixed(1)} MB`,
      page.hasArticle
        ? trace.timeToAnnotationsMs === null
          ? "NO"
          : `yes, in ${ms(trace.timeToAnnotationsMs)} ms`
        : trace.timeToAnnotationsMs === null
          ? "no (right)"
          : "YES (wrong)",
      String(trace.addedByExtension.length),
      `${ms(trace.longestExtensionRun.ms)} (${ms(trace.longestExtensionRun.cpuMs)})`,
      `${ms(trace.extensionTotal.ms)} (${ms(trace.extensionTotal.cpuMs)})`,
      restyleSummary(trace),
      `${longTaskSummary(trace.observedLongTasks)} / ${longTaskSummary(page.withoutExtension)}`,
    ]);
  }
  console.log(table(rows, ["l", "r", "l", "r", "r", "r", "r", "l"]));
  const tta = median(report.timeToAnnotations);
  console.log(
    `  time to annotations on ${DEMO_PAGE} (detector's first look to highlights painted), ${report.timeToAnnotations.length} loads: ` +
      `median ${ms(tta)} ms, fastest ${ms(Math.min(...report.timeToAnnotations))} ms; of which to the overlay's start ` +
      `(look, message, injection): median ${ms(median(report.timeToOverlay))} ms`,
  );
}

function restyleSummary(trace: PageTrace): string {
  const restyle = trace.longestRestyle;
  return restyle ? `${ms(restyle.ms)} (${restyle.elements?.toLocaleString("en") ?? "?"})` : "none";
}

function longTaskSummary(tasks: readonly number[]): string {
  return tasks.length ? `${tasks.length} (max ${Math.max(...tasks)} ms)` : "0";
}

function extensionBudgets(report: ExtensionReport | null): Budget[] {
  if (!report)
    return [
      {
        name: "the built extension adds no long task",
        pass: null,
        detail: `${EXTENSION_DIR} not built (npm run build)`,
      },
    ];
  const list: Budget[] = [];
  for (const page of report.pages) {
    const trace = page.withExtension;
    list.push({
      name: `no long task added by the extension on ${page.id}`,
      pass: trace.addedByExtension.length === 0 && trace.longestExtensionRun.cpuMs < LONG_TASK_MS,
      detail: `${trace.addedByExtension.length} added; longest run of ours ${ms(trace.longestExtensionRun.ms)} ms (${ms(trace.longestExtensionRun.cpuMs)} ms CPU)`,
    });
    list.push({
      name: `no restyle over 50 ms once the overlay is there on ${page.id}`,
      pass: (trace.longestRestyle?.ms ?? 0) <= LONG_TASK_MS,
      detail: trace.longestRestyle
        ? `longest ${ms(trace.longestRestyle.ms)} ms, ${trace.longestRestyle.elements?.toLocaleString("en") ?? "?"} elements restyled`
        : "no style recalculation",
    });
    list.push({
      name: page.hasArticle ? `${page.id}: annotated` : `${page.id}: nothing annotated`,
      pass: page.hasArticle === (trace.timeToAnnotationsMs !== null),
      detail:
        trace.timeToAnnotationsMs === null
          ? "no highlights"
          : `highlights painted ${ms(trace.timeToAnnotationsMs)} ms after the detector's first look`,
    });
  }
  const tta = median(report.timeToAnnotations);
  list.push({
    name: `time to annotations on ${DEMO_PAGE}: median < 50 ms`,
    pass: tta === null ? null : tta < 50,
    detail: tta === null ? "never painted" : `${ms(tta)} ms (${report.timeToAnnotations.length} loads)`,
  });
  return list;
}

// ---------------------------------------------------------------- report

const COLOUR = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: number, text: string) => (COLOUR ? `\u001b[${code}m${text}\u001b[0m` : text);

function loadText(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(" ");
}

function ms(value: number | null): string {
  if (value === null) return "-";
  if (value < 1) return value.toFixed(3);
  if (value < 100) return value.toFixed(2);
  return value.toFixed(0);
}

function table(rows: string[][], align: ("l" | "r")[]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => (align[column] === "r" ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

function note(result: ContenderResult): string {
  const parts: string[] = [];
  if (result.error) parts.push(`ERROR: ${result.error}`);
  if (result.capped) parts.push(`capped at ${CAP_MS / 1000} s after ${result.times.length} runs`);
  const check = result.check;
  if (check?.detected !== undefined) parts.push(`detected=${check.detected} score=${check.score}`);
  if (check?.containerOk === false) parts.push("container is not the article body");
  if (check?.domWrites) parts.push(`${check.domWrites} DOM writes`);
  if (check?.requests) parts.push(`${check.requests} requests`);
  return parts.join("; ");
}

function printPage(report: PageReport): void {
  const stats = report.stats;
  const size = stats
    ? `${stats.textLength.toLocaleString("en")} chars of text, ${stats.elements.toLocaleString("en")} elements, ${Math.round(report.htmlBytes / 1024)} KB of HTML`
    : "";
  console.log(`\n${paint(1, report.title)} [${report.id}]: ${size}`);
  const rows = [["contender", "median ms", "min", "max", "cold", "runs", "anchored", "right", "note"]];
  for (const result of report.results) {
    const label = CONTENDERS.find((contender) => contender.id === result.contender)?.label ?? result.contender;
    const check = result.check;
    rows.push([
      label,
      ms(result.medianMs),
      ms(result.minMs),
      ms(result.maxMs),
      ms(result.coldMs),
      String(result.times.length),
      check?.anchored == null ? "-" : `${check.anchored}/14`,
      check?.right == null ? "-" : `${check.right}/14`,
      note(result),
    ]);
  }
  console.log(table(rows, ["l", "r", "r", "r", "r", "r", "r", "r", "l"]));
  for (const result of report.results) {
    const wrong = Object.entries(result.check?.perClaim ?? {}).filter(([, verdict]) => verdict !== "right");
    const anchoredWrong = wrong.filter(([, verdict]) => verdict.startsWith("wrong"));
    if (anchoredWrong.length === 0) continue;
    console.log(`  ${result.contender} anchored wrongly:`);
    for (const [claim, verdict] of anchoredWrong) console.log(`    ${claim}: ${verdict.slice("wrong: ".length)}`);
  }
  const breakdown = report.breakdown;
  if (breakdown && Object.keys(breakdown.phases).length > 0) {
    console.log(
      "  our pipeline by phase, ms (median / fastest run; full content filter, as annotateDocument runs it):",
    );
    for (const [phase, value] of Object.entries(breakdown.phases)) {
      console.log(`    ${phase.padEnd(56)} ${ms(value).padStart(7)} / ${ms(breakdown.phaseMins[phase] ?? null)}`);
    }
    if (breakdown.region) {
      console.log(
        `    region: ${breakdown.region} (${breakdown.regionTextLength?.toLocaleString("en")} chars, ` +
          `${breakdown.regionTextLengthMinimalFilter?.toLocaleString("en")} with only code left out); ` +
          `container: ${breakdown.container ?? "none"} (${breakdown.containerTextLength?.toLocaleString("en") ?? "-"} chars)`,
      );
    }
  }
}

function resultOf(report: PageReport | undefined, contender: ContenderName): ContenderResult | undefined {
  return report?.results.find((result) => result.contender === contender);
}

function fastestPeer(report: PageReport | undefined): ContenderResult | undefined {
  const peers = (report?.results ?? []).filter(
    (result) =>
      CONTENDERS.find((contender) => contender.id === result.contender)?.role === "peer" && result.medianMs !== null,
  );
  return peers.sort((a, b) => (a.medianMs ?? 0) - (b.medianMs ?? 0))[0];
}

function budgets(
  reports: PageReport[],
  detector: { bytes: number; gzip: number; leaks: string[] } | null,
  overlayBytes: number | null,
): Budget[] {
  const page = (id: string) => reports.find((report) => report.id === id);
  const list: Budget[] = [];
  const unknown = (name: string, why: string) => list.push({ name, pass: null, detail: why });

  const none = page("heavy-no-article");
  const detectorNone = resultOf(none, "ours-detector");
  const oursNone = resultOf(none, "ours");
  const peerNone = fastestPeer(none);
  const readingNone = resultOf(none, "reading-floor");
  if (detectorNone?.medianMs != null) {
    const reading = readingNone?.medianMs != null ? `; reading the page alone ${ms(readingNone.medianMs)} ms` : "";
    list.push({
      name: "no-article page: detector median <= 1 ms",
      pass: detectorNone.medianMs <= 1,
      detail: `${ms(detectorNone.medianMs)} ms${reading}`,
    });
    if (peerNone?.medianMs != null) {
      const ratio = peerNone.medianMs / detectorNone.medianMs;
      list.push({
        name: "no-article page: detector >= 50x faster than the fastest peer",
        pass: ratio >= 50,
        detail: `${ratio.toFixed(1)}x (fastest peer: ${peerNone.contender} ${ms(peerNone.medianMs)} ms)`,
      });
    } else unknown("no-article page: detector >= 50x faster than the fastest peer", "no peer measured");
    const check = detectorNone.check;
    list.push({
      name: "no-article page: detector finds nothing, zero DOM writes, zero requests",
      pass: !!check && check.detected === false && check.domWrites === 0 && check.requests === 0,
      detail: check ? `detected=${check.detected}, DOM writes ${check.domWrites}, requests ${check.requests}` : "-",
    });
  } else unknown("no-article page: detector", "not measured");
  if (oursNone?.check) {
    list.push({
      name: "no-article page: zero annotations",
      pass: oursNone.check.anchored === 0,
      detail: `annotateDocument anchored ${oursNone.check.anchored}`,
    });
  }

  const withArticle = page("heavy-article");
  const oursArticle = resultOf(withArticle, "ours");
  const peerArticle = fastestPeer(withArticle);
  if (oursArticle?.medianMs != null) {
    if (peerArticle?.medianMs != null) {
      const ratio = peerArticle.medianMs / oursArticle.medianMs;
      list.push({
        name: "article page: annotateDocument >= 2x faster than the fastest peer",
        pass: ratio >= 2,
        detail: `${ratio.toFixed(2)}x (ours ${ms(oursArticle.medianMs)} ms, fastest peer: ${peerArticle.contender} ${ms(peerArticle.medianMs)} ms)`,
      });
    } else unknown("article page: annotateDocument >= 2x faster than the fastest peer", "no peer measured");
    list.push({
      name: "article page: all 14 claims anchored right, inside the article body",
      pass: oursArticle.check?.right === 14 && oursArticle.check?.anchored === 14,
      detail: `${oursArticle.check?.anchored ?? "-"} anchored, ${oursArticle.check?.right ?? "-"} right`,
    });
  } else unknown("article page: annotateDocument", "not measured");

  // Ahead of every peer on every page with the article, with zero wrong anchors.
  for (const id of ["heavy-perturbed", "news-cms"]) {
    const ours = resultOf(page(id), "ours");
    const peer = fastestPeer(page(id));
    if (ours?.medianMs == null || peer?.medianMs == null) continue;
    list.push({
      name: `${id}: annotateDocument faster than the fastest peer`,
      pass: ours.medianMs < peer.medianMs,
      detail: `${(peer.medianMs / ours.medianMs).toFixed(2)}x (ours ${ms(ours.medianMs)} ms, fastest peer: ${peer.contender} ${ms(peer.medianMs)} ms)`,
    });
  }
  for (const report of reports) {
    const ours = resultOf(report, "ours");
    if (!ours?.check || ours.check.anchored === null) continue;
    const wrong = ours.check.anchored - (ours.check.right ?? 0);
    list.push({ name: `${report.id}: zero false anchors`, pass: wrong === 0, detail: `${wrong} wrong` });
  }

  const oursPerturbed = resultOf(page("heavy-perturbed"), "ours");
  if (oursPerturbed?.check) {
    list.push({
      name: "perturbed page: all 14 claims anchored",
      pass: oursPerturbed.check.anchored === 14,
      detail: `${oursPerturbed.check.anchored} anchored, ${oursPerturbed.check.right} right`,
    });
  } else unknown("perturbed page: all 14 claims anchored", "not measured");

  for (const report of reports) {
    for (const contender of ["ours", "ours-detector"] as const) {
      const result = resultOf(report, contender);
      if (result?.medianMs == null) continue;
      list.push({
        name: `no long task: ${contender} on ${report.id}, median < 50 ms`,
        pass: result.medianMs < 50,
        detail: `median ${ms(result.medianMs)} ms, cold ${ms(result.coldMs)} ms, slowest run ${ms(result.maxMs)} ms`,
      });
    }
  }

  if (detector) {
    list.push({
      name: "detector content script <= 6 KB minified",
      pass: detector.bytes <= 6 * 1024,
      detail: `${detector.bytes.toLocaleString("en")} bytes (${detector.gzip.toLocaleString("en")} gzipped)`,
    });
    list.push({
      name: "detector content script holds no claim text and no Preact",
      pass: detector.leaks.length === 0,
      detail: detector.leaks.length ? detector.leaks.join("; ") : "none found",
    });
  } else unknown("detector content script <= 6 KB minified", `${DETECTOR_SCRIPT} not built (npm run build)`);
  if (overlayBytes !== null) {
    const cardsBytes = existsSync(OVERLAY_CARDS_SCRIPT) ? statSync(OVERLAY_CARDS_SCRIPT).size : null;
    list.push({
      name: "overlay content script < 100 KB minified",
      pass: overlayBytes < 100 * 1024,
      detail: `${overlayBytes.toLocaleString("en")} bytes before the first paint${
        cardsBytes === null ? "" : `; its markers and cards after it, ${cardsBytes.toLocaleString("en")} bytes`
      }`,
    });
  } else unknown("overlay content script < 100 KB minified", `${OVERLAY_SCRIPT} not built (npm run build)`);
  return list;
}

function detectorScript(): { bytes: number; gzip: number; leaks: string[]; builtAt: string } | null {
  if (!existsSync(DETECTOR_SCRIPT)) return null;
  const code = readFileSync(DETECTOR_SCRIPT);
  const text = code.toString("utf8");
  const leaks: string[] = [];
  for (const claim of CLAIMS) {
    if (text.includes(claim.selector.exact.slice(0, 40))) leaks.push(`claim ${claim.id} quote`);
    if (text.includes(claim.summary.slice(0, 40))) leaks.push(`claim ${claim.id} summary`);
  }
  if (/preact|__H|options\.__b|createElement\(/.test(text)) leaks.push("looks like Preact");
  return {
    bytes: code.length,
    gzip: gzipSync(code).length,
    leaks,
    builtAt: statSync(DETECTOR_SCRIPT).mtime.toISOString(),
  };
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const only = (value: string | undefined) => (value ? new Set(value.split(",").map((item) => item.trim())) : null);
  const pageFilter = only(process.env.BENCH_PAGES);
  const contenderFilter = only(process.env.BENCH_CONTENDERS);

  const pages = buildPages(ROOT).filter((page) => !pageFilter || pageFilter.has(page.id));
  if (process.env.BENCH_WRITE_PAGES) {
    mkdirSync(process.env.BENCH_WRITE_PAGES, { recursive: true });
    for (const page of pages) writeFileSync(join(process.env.BENCH_WRITE_PAGES, `${page.id}.html`), page.html);
  }
  const hugePages =
    process.env.BENCH_EXTENSION === "0"
      ? []
      : buildHugePages(ROOT).filter((page) => !pageFilter || pageFilter.has(page.id));
  const script = await bundle();
  const server = await serve([...pages, ...hugePages], script);
  const browser = await chromium.launch({
    headless: true,
    executablePath: chromiumPath(),
    args: chromiumArgs({ headless: true }),
  });
  const chromiumVersion = browser.version();
  console.log(
    `Chromium ${chromiumVersion}, Node ${process.version}; bench bundle ${Math.round(script.length / 1024)} KB; ` +
      `${RUNS} measured runs after ${WARMUP} warm-ups, each contender in its own freshly loaded tab, runs interleaved, ` +
      `cap ${CAP_MS / 1000} s per contender and page.\nMachine: ${cpus().length} CPUs, load average ${loadText()} at start.`,
  );

  const reports: PageReport[] = [];
  let extensionReport: ExtensionReport | null = null;
  try {
    for (const page of pages) {
      const report: PageReport = {
        id: page.id,
        title: page.title,
        htmlBytes: Buffer.byteLength(page.html),
        hasArticle: page.hasArticle,
        stats: await statsOf(browser, server.origin, page),
        results: [],
        breakdown: null,
      };
      if (!report.stats?.crossOriginIsolated)
        console.warn("warning: the page is not cross-origin isolated; performance.now() is coarse (100 µs)");
      const contenders = CONTENDERS.filter(({ role }) => role !== "reference" || !page.hasArticle)
        .map(({ id }) => id)
        .filter((id) => !contenderFilter || contenderFilter.has(id));
      process.stderr.write(`measuring ${page.id}: ${contenders.join(", ")}...\n`);
      report.results = await measurePage(browser, server.origin, page, contenders);
      if (!contenderFilter || contenderFilter.has("ours"))
        report.breakdown = await breakdownOf(browser, server.origin, page);
      reports.push(report);
      printPage(report);
    }
    if (process.env.BENCH_EXTENSION !== "0") {
      extensionReport = await measureExtension(browser, server.origin, hugePages);
      printExtension(extensionReport);
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const loadAtEnd = loadText();
  console.log(
    `\nLoad average at the end: ${loadAtEnd} (${cpus().length} CPUs); a load above the CPU count inflates every time.`,
  );
  const detector = detectorScript();
  if (detector) {
    console.log(
      `\nDetector content script (${DETECTOR_SCRIPT.slice(ROOT.length + 1)}, built ${detector.builtAt}): ${detector.bytes.toLocaleString("en")} bytes, ${detector.gzip.toLocaleString("en")} gzipped.`,
    );
  } else console.log(`\nDetector content script: not built (${DETECTOR_SCRIPT.slice(ROOT.length + 1)} missing).`);

  const checks = [
    ...budgets(reports, detector, existsSync(OVERLAY_SCRIPT) ? statSync(OVERLAY_SCRIPT).size : null),
    ...(process.env.BENCH_EXTENSION === "0" ? [] : extensionBudgets(extensionReport)),
  ];
  console.log(`\n${paint(1, "Budgets")}`);
  for (const budget of checks) {
    const mark = budget.pass === null ? paint(33, "N/A ") : budget.pass ? paint(32, "PASS") : paint(41, "FAIL");
    console.log(`${mark}  ${budget.name}: ${budget.detail}`);
  }
  const failed = checks.filter((budget) => budget.pass === false);
  console.log(
    failed.length
      ? paint(31, `\n${failed.length} of ${checks.length} budgets FAIL.`)
      : paint(32, `\nAll ${checks.filter((budget) => budget.pass).length} measured budgets pass.`),
  );

  writeFileSync(
    RESULTS_FILE,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        chromium: chromiumVersion,
        node: process.version,
        cpus: cpus().length,
        loadAverageAtEnd: loadAtEnd,
        runs: RUNS,
        warmup: WARMUP,
        capMs: CAP_MS,
        pages: reports,
        extension: extensionReport,
        detectorScript: detector,
        budgets: checks,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`Report: ${RESULTS_FILE.slice(ROOT.length + 1)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

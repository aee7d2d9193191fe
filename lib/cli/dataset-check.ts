/**
 * `npm run dataset:check`: a maintainer's report on the dataset in data/,
 * claim by claim: whether the quote (selector.exact, and with its prefix and
 * suffix) is in the article text the project keeps
 * (test/fixtures/article/seed-article.txt, the text the fingerprint is made
 * from), which sources it cites (publisher, date), and any fact or later
 * development dated after the newest of its sources. Exits 1 when anything is
 * wrong, after printing everything; a dataset that fails its schema, or a
 * translation (data/ko.json) that lacks a text, names an unknown id or
 * miscounts a claim's later developments, is reported field by field (zod
 * paths) and also exits 1.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { normalizeText } from "../anchoring/normalize";
import { type DateProblem, dateProblems } from "../dataset-dates";
import { loadDatasetFrom } from "../dataset-files";
import { articleBodyFromSeed } from "../detect/fingerprint";
import type { Dataset, TextQuoteSelector } from "../schema";
import { DatasetError, TRANSLATION_FILES } from "../validate-dataset";

/** Where a quote stands in the article: how often `exact` occurs, and whether prefix + exact + suffix does. */
export function quoteStatus(selector: TextQuoteSelector, articleBody: string): { count: number; inContext: boolean } {
  const body = normalizeText(articleBody);
  const exact = normalizeText(selector.exact);
  return {
    count: body.split(exact).length - 1,
    inContext: body.includes(normalizeText(selector.prefix + selector.exact + selector.suffix).trim()),
  };
}

/**
 * The report as lines of text, and how many problems it found. A claim's
 * date problems are those of its facts and its later developments; a fact no
 * claim cites is reported on its own at the end.
 */
export function datasetReport(data: Dataset, articleBody: string): { lines: string[]; problems: number } {
  const lines: string[] = [];
  let problems = 0;
  const dates = dateProblems(data);
  const factOf = (problem: DateProblem) => (problem.path[0] === "facts" ? data.facts[problem.path[1] as number] : null);
  const describe = (problem: DateProblem) =>
    `  PROBLEM: ${problem.label} is dated ${problem.date}, after its newest source (${problem.latestSource})`;
  const reported = new Set<DateProblem>();

  for (const [index, claim] of data.claims.entries()) {
    const { count, inContext } = quoteStatus(claim.selector, articleBody);
    const quoteOk = count === 1 && inContext;
    const quote =
      count === 0
        ? "quote NOT FOUND in the article"
        : count > 1
          ? `quote found ${count} times (must be once)`
          : inContext
            ? "quote found once, with its prefix and suffix"
            : "quote found once, but NOT with its prefix and suffix";
    lines.push(`${quoteOk ? "ok  " : "FAIL"} ${claim.id}: ${quote}`);
    if (!quoteOk) problems++;
    const cited = claim.sources.map((id) => {
      const source = data.sources.find((candidate) => candidate.id === id);
      return source ? `${source.publisher} (${source.date})` : `${id} (unknown source)`;
    });
    lines.push(`  sources: ${cited.join("; ")}`);
    for (const problem of dates) {
      const fact = factOf(problem);
      const belongs = fact ? claim.facts.includes(fact.id) : problem.path[1] === index;
      if (!belongs) continue;
      lines.push(describe(problem));
      if (!reported.has(problem)) problems++;
      reported.add(problem);
    }
  }
  for (const problem of dates.filter((candidate) => !reported.has(candidate))) {
    lines.push(describe(problem).replace("  PROBLEM:", "PROBLEM (fact cited by no claim):"));
    problems++;
  }
  lines.push(
    problems === 0
      ? `${data.claims.length} claims checked, no problems`
      : `${data.claims.length} claims checked, ${problems} problem${problems === 1 ? "" : "s"}`,
  );
  return { lines, problems };
}

function main(): number {
  const root = fileURLToPath(new URL("../../", import.meta.url));
  const { body } = articleBodyFromSeed(readFileSync(`${root}test/fixtures/article/seed-article.txt`, "utf8"));
  let data: Dataset;
  try {
    data = loadDatasetFrom(`${root}data`);
  } catch (error) {
    if (!(error instanceof DatasetError)) throw error;
    process.stdout.write(`${error.message}\n`);
    return 1;
  }
  const { lines, problems } = datasetReport(data, body);
  // loadDatasetFrom refuses a translation that lacks a text, so reaching here means each is complete.
  const translations = Object.values(TRANSLATION_FILES).map((file) => `ok   ${file}: a translation of every text`);
  process.stdout.write(`${[...translations, ...lines].join("\n")}\n`);
  return problems === 0 ? 0 : 1;
}

// Run only as the command, so that tests can import the report.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main();

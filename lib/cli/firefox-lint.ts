/**
 * `npm run lint:firefox` (part of `npm run check`): builds the Firefox
 * package and runs Mozilla's add-on linter (`web-ext lint`) on it. Fails on
 * any error, and on any warning or notice that is not one of the explained
 * ones below (README, "Firefox"): a new warning is either fixed or explained
 * there and here.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** One finding of the linter's JSON report. */
export interface LintFinding {
  code: string;
  message: string;
  file?: string;
}

/** The linter's JSON report, as far as it is read here. */
export interface LintReport {
  errors: LintFinding[];
  warnings: LintFinding[];
  notices: LintFinding[];
}

/**
 * Warnings about third-party code in our bundles that never runs the flagged
 * path, by linter code, with the bundles they may appear in.
 */
export const EXPLAINED_WARNINGS: Record<string, { files: RegExp; why: string }> = {
  DANGEROUS_EVAL: {
    files: /^(background\.js|content-scripts\/overlay(-cards)?\.js|chunks\/[\w-]+\.js)$/,
    why: "zod's compiled parsers and their probe; off, since lib/zod-jitless.ts sets jitless before any schema is built",
  },
  UNSAFE_VAR_ASSIGNMENT: {
    files: /^(content-scripts\/overlay-cards\.js|chunks\/[\w-]+\.js)$/,
    why: "Preact's branch for the raw-HTML prop, which our code never passes (test/conventions.test.ts)",
  },
};

/** The findings that fail the check: every error, and every warning or notice not explained above. */
export function unexplainedFindings(report: LintReport): LintFinding[] {
  const explained = (finding: LintFinding) => EXPLAINED_WARNINGS[finding.code]?.files.test(finding.file ?? "") ?? false;
  return [...report.errors, ...report.warnings.filter((w) => !explained(w)), ...report.notices];
}

function main(): void {
  const root = fileURLToPath(new URL("../../", import.meta.url));
  const run = (args: string[]) => spawnSync("npx", args, { cwd: root, encoding: "utf8", maxBuffer: 64 << 20 });
  const build = run(["wxt", "build", "-b", "firefox"]);
  if (build.status !== 0) {
    console.error(build.stdout, build.stderr);
    process.exit(1);
  }
  const lint = run([
    "web-ext",
    "lint",
    "--source-dir",
    ".output/firefox-mv3",
    "--output",
    "json",
    "--no-config-discovery",
  ]);
  const report = JSON.parse(lint.stdout) as LintReport;
  const failing = unexplainedFindings(report);
  for (const finding of failing) console.error(`${finding.code} ${finding.file ?? ""}: ${finding.message}`);
  const explainedCount = report.warnings.length - failing.filter((f) => report.warnings.includes(f)).length;
  console.log(
    `web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings (${explainedCount} explained), ${report.notices.length} notices`,
  );
  if (failing.length > 0) process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();

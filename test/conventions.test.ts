/**
 * The project's conventions, enforced (after refined-github's meta-tests):
 * the rules that protect users, tests beside what they test, documented
 * exports, thin entry points.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..");

function sourceFiles(directory: string): string[] {
  const path = join(ROOT, directory);
  try {
    statSync(path);
  } catch {
    return [];
  }
  return readdirSync(path, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.(ts|tsx)$/.test(file) && !file.endsWith(".d.ts"))
    .map((file) => join(directory, file));
}

const read = (file: string) => readFileSync(join(ROOT, file), "utf8");
const extensionCode = [...sourceFiles("entrypoints"), ...sourceFiles("components"), ...sourceFiles("lib")];

/**
 * Modules covered by a test of another name, with the reason. Everything
 * else in lib/ has its test at the mirrored path.
 */
const TESTED_ELSEWHERE: Record<string, string> = {
  "lib/schema.ts": "declarations only; exercised by test/validate-dataset.test.ts and test/dataset.test.ts",
  "lib/dataset-export/claim-review-schema.ts":
    "declarations only; exercised by test/dataset-export/claim-review.test.ts and test/cli/export.test.ts",
  "lib/reports/schema.ts":
    "declarations only; exercised by test/reports/outbox.test.ts and test/reports/protocol.test.ts",
  "lib/cli/annotate-html.ts": "exercised through the command in test/cli/annotate.test.ts",
  "lib/cli/start.ts": "the main command, run end to end by test/e2e/start.test.ts",
  "lib/cli/fingerprint.ts": "a development command; test/detect/fingerprint.test.ts checks its output is current",
};

/**
 * The modules `entry` loads when it runs: its imports of values (type-only
 * imports are erased), followed through relative paths; packages and
 * virtual modules by their names.
 */
function loadedModules(entry: string): Set<string> {
  const loaded = new Set<string>();
  const visit = (file: string) => {
    if (loaded.has(file)) return;
    loaded.add(file);
    for (const [, specifier] of read(file).matchAll(/^import (?!type )[^;]*?from "([^"]+)";/gms)) {
      if (!specifier.startsWith(".")) {
        loaded.add(specifier);
        continue;
      }
      const base = relative(ROOT, join(ROOT, dirname(file), specifier));
      const found = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((candidate) => {
        try {
          return statSync(join(ROOT, candidate)).isFile();
        } catch {
          return false;
        }
      });
      if (found && /\.tsx?$/.test(found)) visit(found);
    }
  };
  visit(entry);
  return loaded;
}

describe("conventions", () => {
  it("finds the code it checks", () => {
    expect(extensionCode.length).toBeGreaterThan(10);
  });

  it("uses no HTML injection or eval in extension code", () => {
    const forbidden = /\b(innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|eval\s*\(|new Function\s*\()/;
    const offenders = extensionCode.filter((file) => forbidden.test(read(file)));
    expect(offenders).toEqual([]);
  });

  it("opens no network connection outside the report outbox", () => {
    const network = /\b(fetch|XMLHttpRequest|WebSocket|EventSource|sendBeacon)\s*\(/;
    const offenders = extensionCode.filter((file) => file !== "lib/reports/outbox.ts" && network.test(read(file)));
    expect(offenders).toEqual([]);
  });

  it("has a test beside every module of lib/ (test/ mirrors lib/)", () => {
    const untested = sourceFiles("lib").filter((file) => {
      if (file in TESTED_ELSEWHERE) return false;
      const mirrored = join("test", relative("lib", file)).replace(/\.tsx?$/, ".test");
      return ![".ts", ".tsx"].some((extension) => {
        try {
          return statSync(join(ROOT, mirrored + extension)).isFile();
        } catch {
          return false;
        }
      });
    });
    expect(untested).toEqual([]);
  });

  it("documents every export of lib/ and components/ with JSDoc", () => {
    const undocumented: string[] = [];
    for (const file of [...sourceFiles("lib"), ...sourceFiles("components")]) {
      const lines = read(file).split("\n");
      lines.forEach((line, index) => {
        if (!/^export (async )?(function|const|class|interface|type|enum) /.test(line)) return;
        // A type inferred from the schema above it shares that schema's documentation.
        const inferred = /^export type (\w+) = z\.infer<typeof (\w+)>;/.exec(line);
        if (inferred && inferred[1] === inferred[2]) return;
        if (!lines[index - 1]?.trim().endsWith("*/")) undocumented.push(`${file}:${index + 1}: ${line.slice(0, 60)}`);
      });
    }
    expect(undocumented).toEqual([]);
  });

  it("keeps the overlay's first script free of zod and Preact: it is handed its switches, its second script checks messages", () => {
    const loaded = [...loadedModules("entrypoints/overlay.content/index.ts")];
    expect(loaded).toContain("lib/overlay/overlay-controller.ts");
    expect(loaded.filter((module) => /^(zod|preact)|(schema|message-checks)\.ts$/.test(module))).toEqual([]);
  });

  it("keeps entry points thin: runtime code inside define*(), helpers in lib/ or components/", () => {
    // An entry point is a file directly in entrypoints/ or a directory's index; an HTML page's script (popup/main.tsx) only mounts.
    const entrypoints = sourceFiles("entrypoints").filter((file) =>
      /^entrypoints\/([^/]+|[^/]+\/index)\.tsx?$/.test(file),
    );
    expect(entrypoints.length).toBeGreaterThanOrEqual(3);
    for (const file of entrypoints) {
      const code = read(file);
      expect(code.split("\n").length, `${file} is long; move logic to lib/`).toBeLessThan(120);
      expect(code, `${file} must export a define*() entry`).toMatch(
        /export default define(Background|ContentScript|UnlistedScript)\(/,
      );
    }
  });
});

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main, uuidV5 } from "../../lib/cli/export";
import { dataset } from "../../lib/dataset";
import { ClaimAnnotationCollection } from "../../lib/dataset-export/annotations";
import { ClaimReview, GoogleClaimReview } from "../../lib/dataset-export/claim-review-schema";

const ROOT = join(__dirname, "..", "..");

/** Runs the command the way the README says, from `cwd`. */
function exportCommand(cwd: string, ...args: string[]) {
  const result = spawnSync("npm", ["run", "-s", "--prefix", ROOT, "export", "--", ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, INIT_CWD: cwd },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs `main` in process, collecting its output. */
async function run(...args: string[]) {
  let stdout = "";
  let stderr = "";
  const status = await main(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    cwd: tmpdir(),
    now: new Date("2026-01-15T10:00:00Z"),
  });
  return { status, stdout, stderr };
}

describe("npm run -s export", () => {
  it("writes ClaimReview JSON-LD to stdout, and the annotation collection to --out FILE", () => {
    const reviews = exportCommand(ROOT, "--format", "claimreview", "--page-url", "https://news.example/story");
    expect(reviews.status).toBe(0);
    const parsed = JSON.parse(reviews.stdout);
    expect(parsed).toHaveLength(dataset.claims.length);
    for (const review of parsed) GoogleClaimReview.parse(review);

    const scratch = mkdtempSync(join(tmpdir(), "export-"));
    const annotations = exportCommand(scratch, "--format", "annotation", "--out", "annotations.json");
    expect(annotations).toMatchObject({ status: 0, stdout: "" });
    ClaimAnnotationCollection.parse(JSON.parse(readFileSync(join(scratch, "annotations.json"), "utf8")));
  });

  it("refuses an unknown format on stderr with exit code 1", () => {
    const result = exportCommand(ROOT, "--format", "rdf");
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain('unknown format "rdf"; the formats are claimreview, annotation');
  });
});

describe("export main", () => {
  it("needs a format, and says how to call it", async () => {
    const result = await run();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("--format is required");
    expect(result.stderr).toContain("usage: npm run -s export -- --format claimreview|annotation");
    expect((await run("--format", "claimreview", "--verbose")).stderr).toContain('unknown argument "--verbose"');
    expect((await run("--format=claimreview", "--page-url", "ftp://x.example/a")).status).toBe(1);
    expect((await run("--format=claimreview", "--date", "15/01/2026")).status).toBe(1);
  });

  it("without an address of the article, warns that the ClaimReviews have no url", async () => {
    const result = await run("--format", "claimreview", "--date", "2026-01-15");
    expect(result.status).toBe(0);
    const reviews = JSON.parse(result.stdout);
    for (const review of reviews) {
      expect(ClaimReview.parse(review).datePublished).toBe("2026-01-15");
      expect(review.url === undefined).toBe(dataset.article.knownUrls.length === 0);
    }
    if (dataset.article.knownUrls.length === 0) expect(result.stderr).toContain("the ClaimReviews have no url");
  });

  it("gives annotations stable ids and, without an address, the article's own urn as their target", async () => {
    const first = JSON.parse((await run("--format", "annotation")).stdout);
    const second = JSON.parse((await run("--format", "annotation", "--page-url", "https://news.example/s")).stdout);
    expect(first.first.items.map((item: { id: string }) => item.id)).toEqual(
      second.first.items.map((item: { id: string }) => item.id),
    );
    expect(first.first.items[0].id).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(second.first.items[0].target.source).toBe("https://news.example/s");
    expect(first.created ?? first.first.items[0].created).toBe("2026-01-15T10:00:00.000Z");
  });

  it("makes RFC 4122 version 5 UUIDs", () => {
    // The RFC's example namespace (DNS) and a well-known name.
    expect(uuidV5("www.example.com", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toBe(
      "2ed6657d-e927-568b-95e1-2665a8aea6a2",
    );
  });
});

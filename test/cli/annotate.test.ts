import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..", "..");
const PAGES = join(ROOT, "test", "fixtures", "pages");

/** Runs the annotator the way the README says, from `cwd`. */
function annotate(cwd: string, ...files: string[]) {
  const result = spawnSync("npm", ["run", "-s", "--prefix", ROOT, "annotate", "--", ...files], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, INIT_CWD: cwd },
  });
  return { status: result.status, lines: result.stdout.split("\n").filter(Boolean), stderr: result.stderr };
}

describe("npm run -s annotate", () => {
  it("prints one contract line per file, reports bad files on stderr after the rest, and exits non-zero", () => {
    const scratch = mkdtempSync(join(tmpdir(), "annotate-"));
    writeFileSync(join(scratch, "image.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]));
    writeFileSync(join(scratch, "notes.txt"), "North Korea vows to bolster military might\n");

    const { status, lines, stderr } = annotate(
      PAGES,
      "news-cms.html",
      "missing.html",
      join(scratch, "image.png"),
      join(scratch, "notes.txt"),
      "unrelated.html",
    );

    expect(status).toBe(1);
    expect(lines).toHaveLength(2);
    const [article, unrelated] = lines.map((line) => JSON.parse(line));
    expect(Object.keys(article)).toEqual(["file", "article", "annotations"]);
    expect(article.file).toBe("news-cms.html");
    expect(article.article).toEqual({
      detected: true,
      id: "nk-bolster-military-might-2020-06-12",
      score: expect.any(Number),
    });
    expect(article.annotations).toHaveLength(14);
    expect(Object.keys(article.annotations[0])).toEqual(["claimId", "verdict", "topic", "text", "match", "score"]);
    expect(
      article.annotations.find((annotation: { claimId: string }) => annotation.claimId === "meetings-count"),
    ).toEqual({
      claimId: "meetings-count",
      verdict: "inaccurate",
      topic: "meetings",
      text: "Trump, who has since met with Kim three times",
      match: "exact",
      score: 1,
    });
    expect(unrelated).toEqual({
      file: "unrelated.html",
      article: { detected: false, id: null, score: 0 },
      annotations: [],
    });

    expect(stderr).toContain("cannot read missing.html: ENOENT");
    expect(stderr).toContain("image.png: the file is binary, not an HTML page");
    expect(stderr).toContain("notes.txt: the file does not start like an HTML page");
  });

  it("exits 0 when every file is annotated, and 2 with a usage line when given none", () => {
    expect(annotate(PAGES, "amp.html").status).toBe(0);
    const none = annotate(PAGES);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("usage: npm run -s annotate -- FILE.html");
  });
});

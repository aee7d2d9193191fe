/**
 * `npm run -s export -- --format claimreview|annotation [--out FILE]
 * [--page-url URL] [--date YYYY-MM-DD]`: writes the bundled dataset as
 * schema.org ClaimReview JSON-LD (an array, one per claim) or as a W3C
 * AnnotationCollection (motivation `assessing`), to stdout or FILE.
 *
 * `--page-url`: the address of a page carrying the article, used for each
 * review's `url` (with a text fragment to the claim) and as the annotations'
 * target; default: the article's first known address. Without any address,
 * the ClaimReviews have no `url` (still valid schema.org, but not eligible
 * for Google's fact-check results: a warning says so on stderr) and the
 * annotations target the article by a `urn:uuid:` of its own.
 */
import { createHash } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { dataset } from "../dataset";
import { toAnnotationCollection } from "../dataset-export/annotations";
import { toClaimReviews } from "../dataset-export/claim-review";
import type { Dataset } from "../schema";

/** Output formats, by the name `--format` takes. */
export const FORMATS = ["claimreview", "annotation"] as const;

const USAGE =
  "usage: npm run -s export -- --format claimreview|annotation [--out FILE] [--page-url URL] [--date YYYY-MM-DD]\n";

/** A name-based (version 5) UUID: stable ids for the same article and claim in every export. */
export function uuidV5(name: string, namespace = "6ba7b811-9dad-11d1-80b4-00c04fd430c8"): string {
  const bytes = createHash("sha1")
    .update(Buffer.from(namespace.replace(/-/g, ""), "hex"))
    .update(name, "utf8")
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Where the CLI writes. */
export interface ExportIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Resolves relative `--out` paths (where the user typed the command). */
  cwd: string;
  now: Date;
}

type Options = { format?: string; out?: string; pageUrl?: string; date?: string };

/** Parses the flags; a message on a bad one. */
function parseArgs(argv: readonly string[]): Options | string {
  const options: Options = {};
  const flags: Record<string, keyof Options> = {
    "--format": "format",
    "--out": "out",
    "--page-url": "pageUrl",
    "--date": "date",
  };
  for (let index = 0; index < argv.length; index++) {
    const [flag, inline] = argv[index].split(/=(.*)/s, 2);
    const key = flags[flag];
    if (!key) return `unknown argument "${argv[index]}"`;
    const value = inline ?? argv[++index];
    if (value === undefined || value === "") return `${flag} needs a value`;
    options[key] = value;
  }
  return options;
}

/** Runs the command; returns the exit code. */
export async function main(argv: readonly string[], io: ExportIo, data: Dataset = dataset): Promise<number> {
  const options = parseArgs(argv);
  if (typeof options === "string") {
    io.stderr(`export: ${options}\n${USAGE}`);
    return 1;
  }
  if (!options.format) {
    io.stderr(`export: --format is required\n${USAGE}`);
    return 1;
  }
  if (!(FORMATS as readonly string[]).includes(options.format)) {
    io.stderr(`export: unknown format "${options.format}"; the formats are ${FORMATS.join(", ")}\n`);
    return 1;
  }
  if (options.pageUrl && !/^https?:$/.test(URL.canParse(options.pageUrl) ? new URL(options.pageUrl).protocol : "")) {
    io.stderr(`export: --page-url must be an http(s) address, not "${options.pageUrl}"\n`);
    return 1;
  }
  if (options.date && !/^\d{4}-\d{2}-\d{2}$/.test(options.date)) {
    io.stderr(`export: --date must be YYYY-MM-DD, not "${options.date}"\n`);
    return 1;
  }

  const pageUrl = options.pageUrl ?? data.article.knownUrls[0];
  let output: unknown;
  if (options.format === "claimreview") {
    const datePublished = options.date ?? io.now.toISOString().slice(0, 10);
    output = toClaimReviews(data.claims, { article: data.article, datePublished, pageUrl });
    if (!pageUrl)
      io.stderr(
        "export: warning: the dataset lists no address for the article and no --page-url was given, so the " +
          "ClaimReviews have no url (valid schema.org; Google's fact-check results require url)\n",
      );
  } else {
    const articleIri = `urn:uuid:${uuidV5(`fact-check-overlay/${data.article.id}`)}`;
    const sources = options.pageUrl
      ? [options.pageUrl]
      : data.article.knownUrls.length
        ? data.article.knownUrls
        : [articleIri];
    output = toAnnotationCollection(data.claims, {
      article: data.article,
      created: options.date ? `${options.date}T00:00:00Z` : io.now.toISOString(),
      sources,
      collectionId: `urn:uuid:${uuidV5(`fact-check-overlay/${data.article.id}/annotations`)}`,
      annotationId: (claim) => `urn:uuid:${uuidV5(`fact-check-overlay/${data.article.id}/${claim.id}`)}`,
    });
  }

  const json = `${JSON.stringify(output, null, 2)}\n`;
  if (options.out) {
    const path = resolve(io.cwd, options.out);
    try {
      await writeFile(path, json);
    } catch (error) {
      io.stderr(`export: cannot write ${options.out}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
      return 1;
    }
  } else io.stdout(json);
  return 0;
}

// Run as a command (not when a test imports `main`).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    // npm runs scripts from the package root; paths are the user's, relative to where they typed.
    cwd: process.env.INIT_CWD ?? process.cwd(),
    now: new Date(),
  });
}

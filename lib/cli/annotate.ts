/**
 * `npm run -s annotate -- FILE.html [FILE2.html …]`: runs the extension's own
 * detection and anchoring on static HTML (no scripts run, nothing loaded) and
 * prints one JSON object per file, one per line (a shape checks outside the
 * code rely on: see annotate-html.ts).
 * A file that cannot be read or is not HTML gets a message on stderr; the
 * exit code is then 1, after every other file has been printed.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { annotateHtml, notHtmlReason } from "./annotate-html";

async function main(files: string[]): Promise<number> {
  if (files.length === 0) {
    process.stderr.write("usage: npm run -s annotate -- FILE.html [FILE2.html …]\n");
    return 2;
  }
  // npm runs scripts from the package root; paths are the user's, relative to where they typed.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  let failed = false;
  for (const file of files) {
    const path = resolve(cwd, file);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      failed = true;
      process.stderr.write(
        `annotate: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`,
      );
      continue;
    }
    const reason = notHtmlReason(bytes);
    if (reason) {
      failed = true;
      process.stderr.write(`annotate: ${file}: ${reason}\n`);
      continue;
    }
    process.stdout.write(`${annotateHtml(file, path, bytes)}\n`);
  }
  return failed ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));

/**
 * `npm run fingerprint`: recomputes the shingle fingerprint in
 * data/article.json from the article as scraped
 * (test/fixtures/article/seed-article.txt). The rest of the file is edited by
 * hand; a test fails when the stored fingerprint and the text disagree.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { articleBodyFromSeed, fingerprintShingles } from "../detect/fingerprint";

const root = fileURLToPath(new URL("../../", import.meta.url));
const articleFile = `${root}data/article.json`;
const seedFile = `${root}test/fixtures/article/seed-article.txt`;

const article = JSON.parse(readFileSync(articleFile, "utf8"));
const { body } = articleBodyFromSeed(readFileSync(seedFile, "utf8"));
const { shingleSize, sampleModulus } = article.fingerprint;
article.fingerprint.shingles = fingerprintShingles(body, shingleSize, sampleModulus);
writeFileSync(articleFile, `${JSON.stringify(article, null, 2)}\n`);
// The project's formatter has the last word on layout, as for every hand-edited data file.
spawnSync("npx", ["biome", "format", "--write", articleFile], { cwd: root, stdio: "ignore" });
console.log(
  `data/article.json: ${article.fingerprint.shingles.split(" ").length} shingles of ${shingleSize} words (1 in ${sampleModulus})`,
);

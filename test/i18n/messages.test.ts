/**
 * The message tables (public/_locales): every message has its Korean, with
 * the same placeholders; the manifest's name fits every store; and every
 * key the code uses is in the tables.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { LocaleMessage } from "../../lib/i18n/translate";
import { ReportReason } from "../../lib/reports/schema";
import { Topic, Verdict } from "../../lib/schema";
import en from "../../public/_locales/en/messages.json";
import ko from "../../public/_locales/ko/messages.json";

const ROOT = join(__dirname, "..", "..");
const TABLES: Record<string, Record<string, LocaleMessage>> = { en, ko };

/** The named placeholders a message uses, sorted. */
const placeholdersOf = (message: LocaleMessage) =>
  [...message.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((match) => match[1].toLowerCase()).sort();

/** Every string key passed to `t`, `tParts` or `tPlural` in the extension's code, ternary branches included. */
function keysUsedInCode(): { file: string; key: string }[] {
  const files = ["components", "entrypoints", "lib"].flatMap((directory) =>
    readdirSync(join(ROOT, directory), { recursive: true, encoding: "utf8" })
      .filter((file) => /\.tsx?$/.test(file))
      .map((file) => join(directory, file)),
  );
  const used: { file: string; key: string }[] = [];
  for (const file of files) {
    const source = readFileSync(join(ROOT, file), "utf8");
    for (const call of source.matchAll(/\b(?:t|tParts|tPlural)\(\s*([^,()]*?)\s*[,)]/g)) {
      // A literal compared with (`reason === "other" ? …`) is a value, not a key.
      for (const literal of call[1].matchAll(/(?<![=!]==\s*)"([A-Za-z0-9_]+)"/g)) used.push({ file, key: literal[1] });
    }
  }
  return used;
}

describe("message tables", () => {
  it("are Chrome's messages.json format: valid keys, each with a non-empty message", () => {
    for (const [locale, table] of Object.entries(TABLES)) {
      for (const [key, entry] of Object.entries(table)) {
        expect(key, `${locale}: ${key}`).toMatch(/^[A-Za-z0-9_]+$/);
        expect(entry.message.trim(), `${locale}: ${key}`).not.toBe("");
      }
    }
  });

  it("give every English message its Korean, with the same placeholders, and nothing more", () => {
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
    for (const [key, message] of Object.entries(en) as [string, LocaleMessage][]) {
      const korean = (ko as Record<string, LocaleMessage>)[key];
      expect(placeholdersOf(korean), key).toEqual(placeholdersOf(message));
      expect(Object.keys(korean.placeholders ?? {}).sort(), key).toEqual(
        Object.keys(message.placeholders ?? {}).sort(),
      );
    }
  });

  it("define every placeholder a message uses, as one of $1 to $9", () => {
    for (const [locale, table] of Object.entries(TABLES)) {
      for (const [key, entry] of Object.entries(table)) {
        const defined = Object.keys(entry.placeholders ?? {}).map((name) => name.toLowerCase());
        for (const name of placeholdersOf(entry)) expect(defined, `${locale}: ${key}`).toContain(name);
        for (const { content } of Object.values(entry.placeholders ?? {}))
          expect(content, `${locale}: ${key}`).toMatch(/^\$[1-9]$/);
      }
    }
  });

  it("have a Korean that is written in Korean, not left in English", () => {
    // Proper names, codes and the language names themselves are the same in both.
    const same = ["languageEnglish", "languageKorean"];
    for (const key of Object.keys(en).filter((key) => !same.includes(key))) {
      const korean = (ko as Record<string, LocaleMessage>)[key].message;
      expect(korean, key).toMatch(/[가-힣]/);
    }
  });

  it("name the extension within 45 characters in every language (the add-on stores' limit)", () => {
    for (const [locale, table] of Object.entries(TABLES))
      expect(table.extName.message.length, locale).toBeLessThanOrEqual(45);
  });

  it("have every plural message's other form, in every language", () => {
    for (const table of Object.values(TABLES)) {
      for (const key of Object.keys(table).filter((key) => key.endsWith("_one")))
        expect(table, key).toHaveProperty(key.replace(/_one$/, "_other"));
    }
  });

  it("have a word for every verdict, topic and report reason (looked up by name)", () => {
    const names = [
      ...Verdict.options.flatMap((verdict) => [`verdict_${verdict}`, `verdictDefinition_${verdict}`]),
      ...Topic.options.map((topic) => `topic_${topic}`),
      ...ReportReason.options.map((reason) => `reason_${reason}`),
      ...["summit", "test", "concession", "sanctions", "talks", "statement", "personnel"].map((kind) => `kind_${kind}`),
    ].map((name) => name.replace("-", "_"));
    for (const name of names) expect(en, name).toHaveProperty(name);
  });

  it("have every key the code uses", () => {
    const used = keysUsedInCode();
    expect(used.length).toBeGreaterThan(150);
    const missing = used.filter(({ key }) => !(key in en) && !(`${key}_other` in en));
    expect(missing).toEqual([]);
  });
});

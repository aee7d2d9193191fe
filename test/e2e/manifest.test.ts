/**
 * Least privilege, said truly: every permission and host permission the
 * built manifest asks for is explained in the README's permission table,
 * and the table explains nothing the manifest does not ask for.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { expect, it } from "vitest";
import { EXTENSION_DIR, ROOT } from "./harness";

/** The first cell of each row of the README's "## Permissions" table (backticked names). */
async function permissionTable(): Promise<string[]> {
  const readme = await readFile(join(ROOT, "README.md"), "utf8");
  const section = readme.split(/^## Permissions$/m)[1]?.split(/^## /m)[0] ?? "";
  const rows = section.split("\n").filter((line) => /^\|\s*(`|host access)/.test(line));
  return rows.flatMap((row) => [...(row.split("|")[1] ?? "").matchAll(/`([^`]+)`/g)].map((match) => match[1]));
}

it("lists every permission of the built manifest, and only those, in the README with a reason", async () => {
  const manifest = JSON.parse(await readFile(join(EXTENSION_DIR, "manifest.json"), "utf8")) as {
    permissions?: string[];
    optional_permissions?: string[];
    host_permissions?: string[];
  };
  const asked = [
    ...(manifest.permissions ?? []),
    ...(manifest.optional_permissions ?? []),
    ...(manifest.host_permissions ?? []),
  ].sort();
  const explained = (await permissionTable()).sort();
  expect(asked.length).toBeGreaterThan(0);
  expect(explained).toEqual(asked);
});

/**
 * The content scripts' builds: the substitutes each one gets, and WXT's
 * wrapper around `main` without its development logger in production,
 * checked against WXT's own wrapper so that an upgrade of WXT that adds to
 * it does not go unseen.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";
import { describe, expect, it } from "vitest";
import {
  contentScriptBuilds,
  ISOLATED_WORLD_WRAPPER,
  isolatedWorldWrapper,
  SUBSTITUTES,
} from "../../lib/build/content-script-builds";

/** WXT's own wrapper, as its package ships it. */
function wxtWrapper(): string {
  const file = "../../node_modules/wxt/dist/virtual/content-script-isolated-world-entrypoint.mjs";
  return readFileSync(fileURLToPath(new URL(file, import.meta.url)), "utf8");
}

/** A wrapper's statements, without the words that only say what is done with `main`'s result. */
function statements(code: string): string[] {
  return code
    .split(/;\s*/)
    .map((statement) =>
      statement
        .replace(/\s+/g, " ")
        .replace(/^(return await|export default) /, "")
        .trim(),
    )
    .filter(Boolean);
}

/** The plugin, after Vite resolved the config in `mode` and started the build of `entrypoint`. */
function pluginBuilding(entrypoint: string, mode: string) {
  const plugin = contentScriptBuilds();
  const call = <T>(hook: Plugin[keyof Plugin], ...args: unknown[]) => (hook as (...rest: unknown[]) => T)(...args);
  call(plugin.configResolved, { mode });
  call(plugin.buildStart, { input: { main: `/repo/entrypoints/${entrypoint}` } });
  return {
    resolve: (source: string) => call<string | null>(plugin.resolveId, source),
    load: (id: string) => call<string | null>(plugin.load, id),
  };
}

describe("the content scripts' builds", () => {
  it("give each content script its substitutes, which exist", () => {
    const detector = pluginBuilding("detector.content.ts", "production");
    expect(detector.resolve("wxt/utils/content-script-context")).toMatch(
      /lib\/browser\/lite-content-script-context\.ts$/,
    );
    expect(detector.resolve("@wxt-dev/webextension-polyfill/browser")).toMatch(/lib\/browser\/native-browser\.ts$/);
    expect(detector.resolve("preact")).toBeNull();
    for (const [script, substitutes] of Object.entries(SUBSTITUTES)) {
      const build = pluginBuilding(`${script}.content.ts`, "production");
      for (const [source, substitute] of Object.entries(substitutes)) {
        expect(build.resolve(source)).toMatch(new RegExp(`${substitute.replaceAll(".", "\\.")}$`));
        expect(existsSync(build.resolve(source) ?? "")).toBe(true);
      }
    }
  });

  it("leave the other entrypoints' builds alone", () => {
    const popup = pluginBuilding("popup/index.html", "production");
    expect(popup.resolve("wxt/utils/content-script-context")).toBeNull();
    expect(popup.load(`${ISOLATED_WORLD_WRAPPER}/repo/entrypoints/popup/main.ts`)).toBeNull();
  });

  it("wrap a content script in production only, around the script's own module", () => {
    const script = "/repo/entrypoints/detector.content.ts";
    expect(pluginBuilding("detector.content.ts", "production").load(`${ISOLATED_WORLD_WRAPPER}${script}`)).toBe(
      isolatedWorldWrapper(script),
    );
    expect(pluginBuilding("detector.content.ts", "development").load(`${ISOLATED_WORLD_WRAPPER}${script}`)).toBeNull();
    expect(isolatedWorldWrapper(script)).toContain(`import definition from "${script}";`);
  });

  it("keep every statement of WXT's wrapper but its logger and the logging of a crash", () => {
    const template = wxtWrapper();
    const imports = template.split("\n").filter((line) => line.startsWith("import "));
    const tried = template.match(/try \{([\s\S]*?)\} catch/)?.[1];
    expect(tried, "WXT's wrapper has a try block around main").toBeDefined();
    const ours = isolatedWorldWrapper("virtual:user-content-script-isolated-world-entrypoint");
    expect(statements(ours)).toEqual(statements([...imports, tried].join("\n")));
    // What is left out: the logger, which prints nothing in production, and the catch block, which only logs with it.
    expect(template).toMatch(/MODE === "production"\) return;/);
    expect(template).toMatch(/\} catch \((\w+)\) \{\s*logger\.error\([^;]*\);\s*throw \1;\s*\}/);
  });
});

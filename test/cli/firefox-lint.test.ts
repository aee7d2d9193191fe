import { describe, expect, it } from "vitest";
import { unexplainedFindings } from "../../lib/cli/firefox-lint";

describe("unexplainedFindings", () => {
  it("lets through only the explained third-party warnings, in our bundles", () => {
    const zod = { code: "DANGEROUS_EVAL", message: "The Function constructor is eval.", file: "background.js" };
    const preact = {
      code: "UNSAFE_VAR_ASSIGNMENT",
      message: "Unsafe assignment to innerHTML",
      file: "chunks/hooks-1.js",
    };
    const detector = {
      code: "DANGEROUS_EVAL",
      message: "The Function constructor is eval.",
      file: "content-scripts/detector.js",
    };
    const name = { code: "PROP_NAME_MAX_LENGTH", message: "name too long", file: "manifest.json" };
    const other = { code: "KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION", message: "", file: "manifest.json" };
    expect(unexplainedFindings({ errors: [], warnings: [zod, preact], notices: [] })).toEqual([]);
    expect(unexplainedFindings({ errors: [name], warnings: [zod, detector, other], notices: [] })).toEqual([
      name,
      detector,
      other,
    ]);
  });
});

import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { config } from "zod/v4/core";
import { ZOD_JITLESS } from "../lib/zod-jitless";

describe("zod-jitless", () => {
  it("sets zod to interpret its parsers, with no eval probe and no compiled code", () => {
    expect(ZOD_JITLESS).toBe(true);
    expect(config().jitless).toBe(true);
    const compile = vi.spyOn(globalThis, "Function");
    expect(z.object({ a: z.string(), b: z.number() }).parse({ a: "x", b: 1 })).toEqual({ a: "x", b: 1 });
    expect(compile).not.toHaveBeenCalled();
    compile.mockRestore();
  });
});
